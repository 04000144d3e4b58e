/**
 * `train` workload of npm run bench: a re-train of the Train page's 1×1 layer — 512 channels,
 * 6 classes, 5,000 painted pixels, 50 L-BFGS steps from zero weights — and the prediction over
 * a whole 56×56 map. The engine (features packed as plain doubles, one pass of each kind per
 * step) in this thread, in one worker and on two linked workers (the app's own request,
 * features resident there as in the app), against the same L-BFGS over the previous engine's
 * fused per-evaluation kernel, the fused kernel on typed arrays and a plain float64 loop (the
 * baseline), in the same run.
 */
import { classScores, packFeatures, packSet, paramCount, softmaxLoss, softmaxLossPacked, softmaxLossPlain, softmaxMap, trainSteps, type TrainSet } from '../src/engine/train';
import { lbfgsSteps } from '../src/engine/train/lbfgs';
import { mulberry32, normal } from '../src/engine/core/random';
import { hwcTensor } from '../src/engine/core/tensor';
import type { EngineClient } from '../src/worker/client';

export interface TrainRow { impl: string; medianMs: number; minMs: number; maxMs: number; steps: number; evaluations: number; finalLoss: number }

const CHANNELS = 512, CLASSES = 6, PIXELS = 5000, STEPS = 50, DECAY = 1e-3;
/** The worker's map: 100×100 cells, every row one stroke, every second stroke of a class held out → 5,000 trained. */
const MAP = 100;

function stats(times: number[]): { medianMs: number; minMs: number; maxMs: number } {
  const s = [...times].sort((a, b) => a - b);
  return { medianMs: s[Math.floor(s.length / 2)]!, minMs: s[0]!, maxMs: s[s.length - 1]! };
}

/** Seeded features (ReLU'd mixtures, like first-layer features) and labels from a noisy planted linear rule. */
function trainSet(): TrainSet {
  const rand = mulberry32(30);
  const features = Float32Array.from({ length: PIXELS * CHANNELS }, () => Math.max(0, normal(rand)));
  const planted = Float32Array.from({ length: CLASSES * CHANNELS }, () => normal(rand));
  const labels = new Uint8Array(PIXELS);
  for (let i = 0; i < PIXELS; i++) {
    let best = 0, bestScore = -Infinity;
    for (let c = 0; c < CLASSES; c++) {
      let s = 8 * normal(rand);
      for (let j = 0; j < CHANNELS; j++) s += planted[c * CHANNELS + j]! * features[i * CHANNELS + j]!;
      if (s > bestScore) { bestScore = s; best = c; }
    }
    labels[i] = best;
  }
  return { features, channels: CHANNELS, pixels: Int32Array.from({ length: PIXELS }, (_, i) => i), labels };
}

function timeRuns(runs: number, fn: () => { steps: number; evaluations: number; loss: number }): Omit<TrainRow, 'impl'> {
  fn();
  const times: number[] = [];
  let last = { steps: 0, evaluations: 0, loss: 0 };
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    last = fn();
    times.push(performance.now() - t0);
  }
  return { ...stats(times), steps: last.steps, evaluations: last.evaluations, finalLoss: last.loss };
}

/** The app's re-train request on `client` (one worker, or two linked ones), `runs` times after one warm-up. */
async function onWorkers(client: EngineClient, runs: number): Promise<Omit<TrainRow, 'impl'> & { workers: number }> {
  // A 100×100 photo's untrained 512 features, 100 row strokes of 6 classes.
  const rand = mulberry32(7);
  const rgba = Uint8ClampedArray.from({ length: 16 * MAP * MAP * 4 }, () => Math.floor(256 * rand()));
  await client.request('trainFeatures', { key: 'bench', input: 'random', seed: 1, height: MAP, width: MAP, photo: { rgba, width: 4 * MAP, height: 4 * MAP } });
  const strokes = Array.from({ length: MAP }, (_, r) => ({ cls: (r >> 1) % CLASSES, radius: 0, points: [r, 0, r, MAP - 1] }));
  const times: number[] = [];
  let wr = { steps: 0, evaluations: 0, loss: 0, pixels: 0, workers: 0 };
  for (let r = 0; r <= runs; r++) {
    const res = await client.request('train', { featuresKey: 'bench', classes: CLASSES, strokes, decay: DECAY, maxIterations: STEPS, warmStart: false });
    if (r > 0) times.push(res.trainMs);
    wr = { steps: res.loss.length - 1, evaluations: res.evaluations, loss: res.loss[res.loss.length - 1]!, pixels: res.trainPixels, workers: res.workers };
  }
  if (wr.pixels !== PIXELS) throw new Error(`the worker trained on ${wr.pixels} pixels, not ${PIXELS}`);
  return { ...stats(times), steps: wr.steps, evaluations: wr.evaluations, finalLoss: wr.loss, workers: wr.workers };
}

export async function benchTrain(workers: { one: EngineClient; two: EngineClient }, runs: number): Promise<{ train: TrainRow[]; predict: TrainRow[] }> {
  const set = trainSet();
  const engine = () => {
    const steps = trainSteps(set, { classes: CLASSES, decay: DECAY, maxIterations: STEPS });
    for (;;) {
      const r = steps.next();
      if (r.done) return { steps: r.value.history.length - 1, evaluations: r.value.evaluations, loss: r.value.history[r.value.history.length - 1]!.loss };
    }
  };
  const lbfgsWith = (loss: typeof softmaxLossPlain) => () => {
    const x = new Float64Array(paramCount(CLASSES, CHANNELS));
    const steps = lbfgsSteps((p, g) => loss(set, CLASSES, DECAY, p, g), x, { maxIterations: STEPS, gradientTolerance: 1e-6 });
    for (;;) {
      const r = steps.next();
      if (r.done) return { steps: r.value.iteration, evaluations: r.value.evaluations, loss: r.value.loss };
    }
  };
  const plain = lbfgsWith(softmaxLossPlain);
  // The fused kernel over typed arrays (the engine's kernel before issue #30's packed one).
  const fusedTyped = lbfgsWith((s, k, decay, p, g) => softmaxLoss(s, k, decay, p, g));
  // The previous engine: L-BFGS asking the fused kernel for loss and gradient at every trial.
  const packed = packFeatures(set.features);
  const fusedPacked = lbfgsWith((s, k, decay, p, g) => softmaxLossPacked(packSet(s, packed), k, decay, p, g));
  const one = await onWorkers(workers.one, runs);
  if (!(await workers.two.linkPeers())) throw new Error('two workers could not be linked');
  const two = await onWorkers(workers.two, runs);
  if (two.workers !== 2) throw new Error(`the two-worker re-train ran on ${two.workers} worker(s)`);
  const train: TrainRow[] = [
    { impl: 'plain-f64', ...timeRuns(Math.max(1, Math.min(runs, 3)), plain) },
    { impl: 'typed-1t', ...timeRuns(runs, fusedTyped) },
    { impl: 'fused-1t', ...timeRuns(runs, fusedPacked) },
    { impl: 'engine-1t', ...timeRuns(runs, engine) },
    { impl: 'engine-1w', ...one },
    { impl: 'engine-2w', ...two },
  ];
  // Prediction over a 56×56×512 map: the engine's pointwise GEMM + softmax vs a plain loop.
  const map = hwcTensor(56, 56, CHANNELS, set.features.subarray(0, 56 * 56 * CHANNELS));
  const rand = mulberry32(8);
  const w = Float32Array.from({ length: CLASSES * CHANNELS }, () => 0.05 * normal(rand)), b = new Float32Array(CLASSES);
  const plainPredict = () => {
    const out = new Float32Array(56 * 56 * CLASSES);
    for (let p = 0; p < 56 * 56; p++) for (let c = 0; c < CLASSES; c++) {
      let s = b[c]!;
      for (let j = 0; j < CHANNELS; j++) s += w[c * CHANNELS + j]! * map.data[p * CHANNELS + j]!;
      out[p * CLASSES + c] = s;
    }
    softmaxMap(out, CLASSES);
    return { steps: 0, evaluations: 0, loss: 0 };
  };
  const predict: TrainRow[] = [
    { impl: 'plain-f64', ...timeRuns(runs, plainPredict) },
    { impl: 'engine-1t', ...timeRuns(runs, () => { softmaxMap(classScores(map, w, b, CLASSES), CLASSES); return { steps: 0, evaluations: 0, loss: 0 }; }) },
  ];
  return { train, predict };
}

export function printTrainTables(r: { train: TrainRow[]; predict: TrainRow[] }): void {
  const base = r.train[0]!.medianMs;
  console.log(`\ntrain: re-train 512 ch × 6 classes × 5,000 painted pixels, ${STEPS} L-BFGS steps from zero (median)`);
  console.log('impl        median ms    min ms    max ms  steps  evals  ×plain  final loss   (evals: line-search trials; engine rows: one scores and one gradient pass per step)');
  for (const row of r.train) {
    console.log(`${row.impl.padEnd(10)}${row.medianMs.toFixed(1).padStart(11)}${row.minMs.toFixed(1).padStart(10)}${row.maxMs.toFixed(1).padStart(10)}${String(row.steps).padStart(7)}${String(row.evaluations).padStart(7)}${(base / row.medianMs).toFixed(2).padStart(8)}  ${row.finalLoss.toFixed(6)}`);
  }
  const pbase = r.predict[0]!.medianMs;
  console.log('\ntrain: predict a whole 56×56×512 map → 6 class probabilities (median)');
  for (const row of r.predict) console.log(`${row.impl.padEnd(10)}${row.medianMs.toFixed(2).padStart(11)}${row.minMs.toFixed(2).padStart(10)}${row.maxMs.toFixed(2).padStart(10)}${(pbase / row.medianMs).toFixed(2).padStart(8)}×`);
}
