/**
 * Worker jobs of the Train page: make a picture's features once and keep them; train a 1×1
 * layer on painted strokes from the weights trained last, a few steps at a time so a newer
 * stroke's request can cancel it; apply a trained layer to another picture's features.
 */
import { photoLayerDataSteps, type FilterMode } from '../engine/data/photoLayer';
import { pictureTensor } from '../engine/data/picture';
import { runSteps } from '../engine/core/steps';
import type { HwcTensor } from '../engine/core/tensor';
import { MAX_CLASSES, classScores, softmaxMap, heldOutStrokes, paintStrokes, splitPainted, accuracy, trainAsk, packFeatures, ERASER, type Stroke, type TrainOutcome } from '../engine/train';
import { learnedBank } from './bankJobs';
import { CacheMiss, RequestError, checkPositiveInt, isFloat32Array } from './requestChecks';
import { rowPasses, shareMap } from './trainPeer';
import type { TrainApplyParams, TrainApplyResult, TrainFeaturesGetParams, TrainFeaturesGetResult, TrainFeaturesParams, TrainFeaturesResult, TrainParams, TrainResult } from './trainProtocol';

/** Pictures whose features are kept (the one painted on and one it is applied to, and a spare). */
const KEPT = 3;
/** The most strokes a request may carry, and points per stroke. */
export const MAX_STROKES = 200;
export const MAX_POINTS = 4000;
const MAX_RADIUS = 8;

const features = new Map<string, HwcTensor>();
/** Each kept map's values as plain doubles for the loss kernel (packedLoss.ts), made at its first re-train. */
const packedFeatures = new WeakMap<HwcTensor, number[]>();
/** The parameters trained last (W then b, float64), and on which features for how many classes. */
let lastParams: { featuresKey: string; classes: number; params: Float64Array } | null = null;

export function runTrainFeatures(p: TrainFeaturesParams): TrainFeaturesResult {
  const start = performance.now();
  const h = checkPositiveInt('height', p.height), w = checkPositiveInt('width', p.width);
  if (h > 128 || w > 128) throw new RequestError('the map is limited to 128×128');
  if (typeof p.key !== 'string' || p.key.length > 200) throw new RequestError('key must be a short string');
  if (!['learned', 'random', 'rgb'].includes(p.input)) throw new RequestError('input must be learned, random or rgb (a model layer\'s input is made by trainModelFeatures.ts)');
  const ph = p.photo;
  if (!ph || ph.width !== 4 * w || ph.height !== 4 * h || !(ph.rgba instanceof Uint8ClampedArray) || ph.rgba.length !== 64 * h * w) throw new RequestError(`photo must be ${4 * w}×${4 * h} RGBA`);
  const mode: FilterMode = p.input === 'random' ? 'random' : 'learned';
  const bank = p.input === 'learned' ? learnedBank(p.bank) : undefined;
  // The walkthrough's own recipe (photoLayer.ts) with one output channel: the same features it shows.
  const shape = { height: h, width: w, inChannels: p.input === 'rgb' ? 3 : 512, outChannels: 1 };
  const data = runSteps(photoLayerDataSteps(shape, pictureTensor(ph.rgba, ph.width, ph.height, 3), mode, p.seed, bank));
  keepFeatures(p.key, data.input);
  return { channels: data.input.channels, computeMs: performance.now() - start };
}

/** Keeps a picture's features under `key` (the oldest beyond KEPT go). */
export function keepFeatures(key: string, map: HwcTensor): void {
  features.delete(key);
  features.set(key, map);
  while (features.size > KEPT) features.delete(features.keys().next().value!);
  // A second worker, when linked, gets the map now, to take half of every re-train on it.
  shareMap(key, map.data);
}

function featuresOf(key: string): HwcTensor {
  const f = features.get(key);
  if (!f) throw new CacheMiss(`no features kept as ${key}`);
  return f;
}

export function checkStrokes(strokes: unknown, classes: number, height: number, width: number): readonly Stroke[] {
  if (!Array.isArray(strokes) || strokes.length > MAX_STROKES) throw new RequestError(`strokes must be a list of at most ${MAX_STROKES}`);
  for (const s of strokes as Stroke[]) {
    const ok = s && Number.isInteger(s.cls) && (s.cls === ERASER || (s.cls >= 0 && s.cls < classes))
      && Number.isInteger(s.radius) && s.radius >= 0 && s.radius <= MAX_RADIUS
      && Array.isArray(s.points) && s.points.length % 2 === 0 && s.points.length <= MAX_POINTS
      && s.points.every((v, i) => Number.isInteger(v) && v >= 0 && v < (i % 2 === 0 ? height : width));
    if (!ok) throw new RequestError('a stroke has a class, radius or point out of range');
  }
  return strokes as Stroke[];
}

/**
 * Trains, with a second worker taking half of the pixels when one is linked (trainPeer.ts),
 * yielding to `pause` every few steps (where a cancel is noticed and the page told it is alive).
 */
export async function runTrain(p: TrainParams, pause: () => Promise<void>): Promise<TrainResult> {
  const x = featuresOf(p.featuresKey);
  const k = checkPositiveInt('classes', p.classes);
  if (k < 2 || k > MAX_CLASSES) throw new RequestError(`classes must be 2…${MAX_CLASSES}`);
  const iterations = checkPositiveInt('maxIterations', p.maxIterations);
  if (iterations > 1000) throw new RequestError('maxIterations must be at most 1000');
  if (typeof p.decay !== 'number' || !(p.decay >= 0 && p.decay <= 10)) throw new RequestError('decay must be in 0…10');
  const strokes = checkStrokes(p.strokes, k, x.height, x.width);
  const start = performance.now();
  const split = splitPainted(paintStrokes(strokes, x.height, x.width), heldOutStrokes(strokes));
  const d = x.channels;
  const init = p.warmStart && lastParams?.featuresKey === p.featuresKey && lastParams.classes === k ? lastParams.params : undefined;
  let packed = packedFeatures.get(x);
  if (!packed) { packed = packFeatures(x.data); packedFeatures.set(x, packed); }
  const passes = rowPasses(p.featuresKey, x.data, packed, d, split.trainPixels);
  const asks = trainAsk({ channels: d, labels: split.trainLabels }, { classes: k, decay: p.decay, maxIterations: iterations, init });
  let outcome: TrainOutcome;
  let since = performance.now();
  for (;;) {
    const r = asks.next();
    if (r.done) { outcome = r.value; break; }
    const ask = r.value;
    if (ask.kind === 'scores') await passes.scores(ask.w, ask.out);
    else if (ask.kind === 'gradient') await passes.gradient(ask.g, ask.gw);
    // Every ~30 ms the worker looks up for a cancel (a newer stroke); what was learned so far
    // is kept first, so the newer stroke's training starts from it.
    else if (performance.now() - since > 30) {
      lastParams = { featuresKey: p.featuresKey, classes: k, params: ask.step.params.slice() };
      await pause();
      since = performance.now();
    }
  }
  passes.finish();
  lastParams = { featuresKey: p.featuresKey, classes: k, params: outcome.params };
  const trainMs = performance.now() - start;
  const weights = Float32Array.from(outcome.params.subarray(0, k * d));
  const bias = Float32Array.from(outcome.params.subarray(k * d));
  const predicted = predict(x, weights, bias, k);
  return {
    weights, bias,
    loss: Float64Array.from(outcome.history, (s) => s.loss),
    accuracy: Float64Array.from(outcome.history, (s) => s.accuracy),
    heldOutAccuracy: accuracy(predicted.probabilities, k, split.heldPixels, split.heldLabels),
    trainPixels: split.trainPixels.length,
    heldOutPixels: split.heldPixels.length,
    ...predicted,
    evaluations: outcome.evaluations,
    workers: passes.shared() ? 2 : 1,
    trainMs,
  };
}

function predict(x: HwcTensor, weights: Float32Array, bias: Float32Array, k: number): { probabilities: Float32Array; scores: Float32Array; predictMs: number } {
  const start = performance.now();
  const scores = classScores(x, weights, bias, k);
  return { probabilities: softmaxMap(scores, k), scores, predictMs: performance.now() - start };
}

export function runTrainApply(p: TrainApplyParams): TrainApplyResult {
  const x = featuresOf(p.featuresKey);
  const k = checkPositiveInt('classes', p.classes);
  if (k > MAX_CLASSES) throw new RequestError(`classes must be at most ${MAX_CLASSES}`);
  if (!isFloat32Array(p.weights) || p.weights.length !== k * x.channels) throw new RequestError(`weights must hold ${k}×${x.channels} floats`);
  if (!isFloat32Array(p.bias) || p.bias.length !== k) throw new RequestError(`bias must hold ${k} floats`);
  return predict(x, p.weights, p.bias, k);
}

export function runTrainFeaturesGet(p: TrainFeaturesGetParams): TrainFeaturesGetResult {
  const x = featuresOf(p.featuresKey);
  return { features: x.data.slice(), height: x.height, width: x.width, channels: x.channels };
}

/** Forgets everything (tests). */
export function resetTrainJobs(): void {
  features.clear();
  lastParams = null;
}
