/**
 * npm run bench [-- --json] [-- --runs N] [-- --only headline,pixel,model,train,page] [-- --port 4175] [-- --no-build] [-- --page-baseline DIR]
 *
 * The same data for every implementation; median, min and max of N interleaved runs after a
 * warm-up (N = 5, and 15 for the model workloads, unless --runs says);
 * GFLOP/s counts a multiply-add as 2 FLOP; maxRelErr is max |out − ref| / max |ref| against
 * a float64 loop. `page` (pageBench.ts) builds the app and measures its loading in Chromium
 * (3 runs unless --runs says); `--no-build` measures the dist/ already there.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { generateLayerData, outputChannel, pixelOutputs, pointwiseConv, type LayerData } from '../src/engine';
import { EngineClient } from '../src/worker/client';
import { nodeEndpoint } from './nodeEndpoint';
import { benchModels, printModelTable, type ModelRow } from './modelBench';
import { benchPage, printPageTable, type PageRow } from './pageBench';
import { benchTrain, printTrainTables } from './trainBench';

interface Workload { name: 'headline' | 'reduce' | 'mid' | 'pixel' | 'channel'; h: number; w: number; cin: number; cout: number; }
type Impl = 'naive' | 'engine-1t' | 'engine-1w' | 'engine-2w' | 'engine-4w' | 'tfjs-cpu' | 'tfjs-wasm';
interface Row { impl: Impl; medianMs: number; minMs: number; maxMs: number; gflops: number; maxRelErr: number }

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
// A model run is short and its time moves with the other core's load: 15 runs unless told.
const modelRuns = args.includes('--runs') ? runs : 15;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1]!.split(',') : undefined;

// 'channel' is one output channel (one filter) over all 3,136 pixels: a 3136×512 · 512×1 product.
const WORKLOADS: Workload[] = [
  { name: 'headline', h: 56, w: 56, cin: 512, cout: 1024 },
  { name: 'reduce', h: 56, w: 56, cin: 512, cout: 128 },
  { name: 'mid', h: 28, w: 28, cin: 256, cout: 64 },
  { name: 'pixel', h: 1, w: 1, cin: 512, cout: 1024 },
  { name: 'channel', h: 56, w: 56, cin: 512, cout: 1 },
];

function naive(d: LayerData, out: Float32Array): void {
  const x = d.input.data, w = d.weights.data, cin = d.weights.inChannels, cout = d.weights.outChannels;
  const pixels = d.input.height * d.input.width;
  for (let p = 0; p < pixels; p++) {
    for (let k = 0; k < cout; k++) {
      let s = 0;
      for (let i = 0; i < cin; i++) s += x[p * cin + i]! * w[k * cin + i]!;
      out[p * cout + k] = s;
    }
  }
}

function reference(d: LayerData): Float64Array {
  const x = d.input.data, w = d.weights.data, cin = d.weights.inChannels, cout = d.weights.outChannels;
  const pixels = d.input.height * d.input.width;
  const out = new Float64Array(pixels * cout);
  for (let p = 0; p < pixels; p++) for (let k = 0; k < cout; k++) {
    let s = 0;
    for (let i = 0; i < cin; i++) s += x[p * cin + i]! * w[k * cin + i]!;
    out[p * cout + k] = s;
  }
  return out;
}

function relErr(got: ArrayLike<number>, ref: Float64Array): number {
  let err = 0, scale = 0;
  for (let i = 0; i < ref.length; i++) {
    err = Math.max(err, Math.abs(got[i]! - ref[i]!));
    scale = Math.max(scale, Math.abs(ref[i]!));
  }
  return err / scale;
}

/** An implementation under test: returns the output to check against the reference. */
type Run = () => Promise<ArrayLike<number>> | ArrayLike<number>;

/**
 * Times every implementation of one workload. Runs are interleaved (round r runs each
 * implementation once) so that a slow spell of a shared machine hits all of them alike and
 * the ratios stay fair; each is warmed up first.
 */
async function timeAll(impls: [Impl, Run][], ref: Float64Array, flop: number): Promise<Row[]> {
  const small = ref.length * 512 < 1e8;
  const last = new Map<Impl, ArrayLike<number>>();
  const times = new Map<Impl, number[]>(impls.map(([name]) => [name, []]));
  // Warm-up: a large workload three calls (the workers' heaps and JIT tiers settle over the
  // first two or three full layers), a small one twenty.
  for (const [name, fn] of impls) {
    last.set(name, await fn());
    for (let i = 0; i < (small ? 20 : 2); i++) await fn();
  }
  // A small workload is timed as the mean of `reps` back-to-back calls, so a backend switch
  // or a timer tick does not swamp a sub-millisecond run.
  const reps = small ? 20 : 1;
  for (let r = 0; r < runs; r++) {
    for (const [name, fn] of impls) {
      await fn();
      const t = performance.now();
      for (let i = 0; i < reps; i++) last.set(name, await fn());
      times.get(name)!.push((performance.now() - t) / reps);
    }
  }
  return impls.map(([impl]) => {
    const ts = times.get(impl)!.sort((a, b) => a - b);
    const medianMs = ts[Math.floor(ts.length / 2)]!;
    return { impl, medianMs, minMs: ts[0]!, maxMs: ts.at(-1)!, gflops: flop / medianMs / 1e6, maxRelErr: relErr(last.get(impl)!, ref) };
  });
}

/** A tfjs conv2d on one backend; tensors are created on that backend and reused. */
async function tfjsRun(backend: string, d: LayerData, wl: Workload) {
  await tf.setBackend(backend);
  await tf.ready();
  const x = tf.tensor4d(d.input.data, [1, wl.h, wl.w, wl.cin]);
  const f = new Float32Array(wl.cin * wl.cout);
  for (let k = 0; k < wl.cout; k++) for (let i = 0; i < wl.cin; i++) f[i * wl.cout + k] = d.weights.data[k * wl.cin + i]!;
  const filter = tf.tensor4d(f, [1, 1, wl.cin, wl.cout]);
  return {
    fn: () => { const y = tf.conv2d(x, filter, 1, 'valid'); const v = y.dataSync(); y.dispose(); return v; },
    dispose: async () => { await tf.setBackend(backend); x.dispose(); filter.dispose(); },
  };
}

const pageRuns = args.includes('--runs') ? runs : 3;
const pagePort = Number(args[args.indexOf('--port') + 1]) || 4175;
/** Another build (a dist folder) measured in the same run: `--page-baseline /tmp/dist-before`. */
const pageBaseline = args.includes('--page-baseline') ? args[args.indexOf('--page-baseline') + 1] : undefined;

async function main() {
  // The page workload alone needs no engine clients.
  if (only?.every((w) => w === 'page')) {
    const rows = await benchPage(pageRuns, pagePort, args.includes('--no-build'), pageBaseline);
    if (asJson) console.log(JSON.stringify({ workloads: [{ name: 'page', rows }] }));
    else printPageTable(rows, pageRuns);
    process.exit(0);
  }
  // The app's client on 1, 2 and 4 worker_threads. On a machine with fewer cores than
  // workers (4 on 2 cores) the row shows what oversubscription costs.
  const clientOf = (workers: number) => new EngineClient({
    workers,
    createWorker: () => nodeEndpoint(new Worker(new URL('./engineThread.mjs', import.meta.url))),
    createFallback: () => { throw new Error('no fallback in the benchmark'); },
  });
  const clients = { 'engine-1w': clientOf(1), 'engine-2w': clientOf(2), 'engine-4w': clientOf(4) } as const;
  for (const [name, c] of Object.entries(clients)) {
    const n = Number(name.match(/\d/)![0]);
    // Every worker of the client is warmed up: one request per worker, all at once.
    await c.forward({ height: 16 * n, width: 16, inChannels: 384, outChannels: 256, input: new Float32Array(256 * n * 384), weights: new Float32Array(256 * 384), relu: false });
  }
  console.error(`cores: ${availableParallelism()}`);
  const results: { name: string; rows: Row[] | ModelRow[] | PageRow[] }[] = [];
  for (const wl of WORKLOADS) {
    if (only && !only.includes(wl.name)) continue;
    const d = generateLayerData({ height: wl.h, width: wl.w, inChannels: wl.cin, outChannels: wl.cout }, 1);
    const ref = reference(d);
    const flop = 2 * wl.h * wl.w * wl.cin * wl.cout;
    const layer = { weights: d.weights, relu: false };
    const out = new Float32Array(wl.h * wl.w * wl.cout);
    const engine1t: Run = wl.name === 'pixel' ? () => pixelOutputs(d.input, layer, 0, 0)
      : wl.name === 'channel' ? () => outputChannel(d.input, layer, 0)
      : () => pointwiseConv(d.input, layer).data;
    // Like tfjs's tensors (made before timing), the layer stays resident in the workers: the
    // first call sends it, later ones only the request (as the app does when it recomputes).
    const onWorkers = (c: EngineClient): Run => async () => (await c.forward({
      height: wl.h, width: wl.w, inChannels: wl.cin, outChannels: wl.cout, input: d.input.data, weights: d.weights.data, relu: false,
      cacheKey: `bench-${wl.name}`,
    })).output;
    const cpu = await tfjsRun('cpu', d, wl);
    const wasm = await tfjsRun('wasm', d, wl);
    const rows = await timeAll([
      ['naive', () => { naive(d, out); return out; }],
      ['engine-1t', engine1t],
      ['engine-1w', onWorkers(clients['engine-1w'])],
      ['engine-2w', onWorkers(clients['engine-2w'])],
      ['engine-4w', onWorkers(clients['engine-4w'])],
      ['tfjs-cpu', async () => { if (tf.getBackend() !== 'cpu') await tf.setBackend('cpu'); return cpu.fn(); }],
      ['tfjs-wasm', async () => { if (tf.getBackend() !== 'wasm') await tf.setBackend('wasm'); return wasm.fn(); }],
    ], ref, flop);
    await cpu.dispose();
    await wasm.dispose();
    results.push({ name: wl.name, rows });
    if (!asJson) printTable(wl, rows);
  }
  if (!only || only.includes('model')) {
    for (const r of await benchModels({ 'engine-1w': clients['engine-1w'], 'engine-2w': clients['engine-2w'] }, modelRuns)) {
      results.push({ name: `model ${r.name}`, rows: r.rows });
      if (!asJson) printModelTable(r.name, r.rows, modelRuns);
    }
  }
  if (!only || only.includes('train')) {
    const r = await benchTrain({ one: clients['engine-1w'], two: clients['engine-2w'] }, runs);
    results.push({ name: 'train', rows: [...r.train, ...r.predict.map((p) => ({ ...p, impl: `predict ${p.impl}` }))] as never });
    if (!asJson) printTrainTables(r);
  }
  for (const c of Object.values(clients)) c.dispose();
  if (!only || only.includes('page')) {
    const rows = await benchPage(pageRuns, pagePort, args.includes('--no-build'), pageBaseline);
    results.push({ name: 'page', rows });
    if (!asJson) printPageTable(rows, pageRuns);
  }
  if (asJson) console.log(JSON.stringify({ workloads: results }));
  process.exit(0);
}

function printTable(wl: Workload, rows: Row[]) {
  const base = rows.find((r) => r.impl === 'naive')!.medianMs;
  console.log(`\n${wl.name}: ${wl.h}×${wl.w}×${wl.cin} → ${wl.cout}  (${runs} runs, median)`);
  console.log('impl        median ms    min ms    max ms  GFLOP/s  ×naive   maxRelErr');
  for (const r of rows) {
    console.log(
      `${r.impl.padEnd(10)} ${r.medianMs.toFixed(2).padStart(10)} ${r.minMs.toFixed(2).padStart(9)} ${r.maxMs.toFixed(2).padStart(9)}` +
      ` ${r.gflops.toFixed(2).padStart(8)} ${(base / r.medianMs).toFixed(2).padStart(7)}   ${r.maxRelErr.toExponential(1)}`,
    );
  }
}

void main();
