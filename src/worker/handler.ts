/**
 * The worker side of the protocol: a thin switch over request types that calls the engine.
 * It has no worker globals of its own, so tests run it over a MessageChannel in Node and the
 * client can run it on the main thread when no worker can start.
 */
import { gemmABt, packB, prepack, trimWorkspace, type PackedB } from '../engine/gemm';
import { pointwiseConvRows } from '../engine/pointwise';
import { coutCinWeights, hwcTensor } from '../engine/tensor';
import { generateLayerDataSteps } from '../engine/layerData';
import { runSteps, type Steps } from '../engine/steps';
import { learnedWeights, photoLayerDataSteps } from '../engine/photoLayer';
import { inputSummary as photoInputSummary } from '../engine/channelStats';
import { pictureTensor } from '../engine/picture';
import { runCollapse, runConv2d, runReduction } from './conceptJobs';
import { runDense } from './denseJob';
import { runCombine } from './combineJob';
import { runParseNpy } from './fileJobs';
import { learnedBank } from './bankJobs';
import { yieldTask } from './yieldTask';
import { CacheMiss, Cancelled, MAX_VALUES, RequestError, checkPositiveInt, isFloat32Array } from './requestChecks';
import type { Endpoint, ForwardParams, ForwardResult, FromWorker, GenerateParams, GenerateResult, LearnedWeightsParams, LearnedWeightsResult, ToWorker } from './protocol';

/** Multiply-adds per chunk of a forward job: about 50 ms, so a cancel is seen quickly while the per-call packing stays small. */
const CHUNK_MULTIPLY_ADDS = 1.6e8;
export { MAX_VALUES, RequestError };


/**
 * Filters packed for the GEMM, kept as long as their weights are (the layer cache holds them
 * between requests): a recompute after a bias or ReLU toggle does not pack them again.
 */
const packedWeights = new WeakMap<Float32Array, PackedB>();

function packedFor(weights: Float32Array, n: number, k: number): PackedB {
  let packed = packedWeights.get(weights);
  if (!packed || packed.n !== n || packed.k !== k) {
    packed = packB(weights, n, k);
    packedWeights.set(weights, packed);
  }
  return packed;
}


/** A forward request with its data present. */
export type LoadedForward = ForwardParams & { readonly input: Float32Array; readonly weights: Float32Array };

export function validateForward(p: ForwardParams): asserts p is LoadedForward {
  const h = checkPositiveInt('height', p.height), w = checkPositiveInt('width', p.width);
  const cin = checkPositiveInt('inChannels', p.inChannels), cout = checkPositiveInt('outChannels', p.outChannels);
  if (h * w * Math.max(cin, cout) > MAX_VALUES) throw new RequestError('tensor too large');
  if (!isFloat32Array(p.input) || p.input.length !== h * w * cin) throw new RequestError(`input must hold ${h}×${w}×${cin} floats`);
  if (!isFloat32Array(p.weights) || p.weights.length !== cout * cin) throw new RequestError(`weights must hold ${cout}×${cin} floats`);
  if (p.bias !== undefined && (!isFloat32Array(p.bias) || p.bias.length !== cout)) throw new RequestError(`bias must hold ${cout} floats`);
}

/** Runs a forward job in row chunks, reporting progress and stopping when `isCancelled`. */
export async function runForward(
  p: ForwardParams,
  onProgress: (fraction: number) => void,
  isCancelled: () => boolean,
  chunkMultiplyAdds = CHUNK_MULTIPLY_ADDS,
): Promise<ForwardResult> {
  validateForward(p);
  const start = performance.now();
  const { height, width, inChannels: k, outChannels: n } = p;
  const place = p.placement;
  if (place && (!Number.isInteger(place.totalRows) || !Number.isInteger(place.rowOffset) || place.rowOffset < 0 || place.rowOffset + height > place.totalRows)) {
    throw new RequestError('placement must fit the band inside totalRows');
  }
  const full = new Float32Array((place?.totalRows ?? height) * width * n);
  const output = place ? full.subarray(place.rowOffset * width * n, (place.rowOffset + height) * width * n) : full;
  // The other bands' rows are copied in on the main thread. A fresh buffer's memory is mapped
  // on first write, so writing them here once (≈ 2 ms in this thread) spares the main thread
  // the page faults, which made that copy take 3–14 ms instead of about 1.
  if (place) {
    full.fill(0, 0, place.rowOffset * width * n);
    full.fill(0, (place.rowOffset + height) * width * n);
  }
  const pixels = height * width;
  if (pixels * n * k <= chunkMultiplyAdds) {
    // One chunk: let the engine pick the kernel for the shape (dot products for thin ones).
    pointwiseConvRows(hwcTensor(height, width, k, p.input), { weights: coutCinWeights(n, k, p.weights), bias: p.bias, relu: p.relu }, output, 0, height);
    return { output: full, computeMs: performance.now() - start, ...magnitude(output) };
  }
  const packed = packedFor(p.weights, n, k);
  // Chunks as even as whole rows allow (a short last chunk would fall below the size at which
  // the GEMM switches to Strassen's scheme); a chunk smaller than one row (the main thread's)
  // is a run of pixels instead.
  const perChunk = Math.max(1, Math.floor(chunkMultiplyAdds / (k * n)));
  const step = perChunk >= width ? Math.ceil(height / Math.floor(perChunk / width)) : Math.ceil(pixels / perChunk);
  const unit = perChunk >= width ? width : 1, units = perChunk >= width ? height : pixels;
  // The filters' panels are packed as a step of their own (tens of ms for a large layer).
  prepack(packed, Math.ceil(units / step) * unit);
  await yieldTask();
  if (isCancelled()) throw new Cancelled();
  for (let i = 0; i < step; i++) {
    const u0 = Math.floor((i * units) / step), u1 = Math.floor(((i + 1) * units) / step);
    gemmABt(p.input, packed, output, n, k, u0 * unit, u1 * unit, p.bias, p.relu);
    if (u1 < units) {
      onProgress(u1 / units);
      await yieldTask();
      if (isCancelled()) throw new Cancelled();
    }
  }
  return { output: full, computeMs: performance.now() - start, ...magnitude(output) };
}

/** The largest finite |value| (the colour scale) and how many values are not finite (overflow to ±Infinity, NaN). */
function magnitude(values: Float32Array): { absMax: number; nonFinite: number } {
  let m = 0, bad = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]!);
    if (a > m) {
      if (a === Infinity) bad++;
      else m = a;
    } else if (a !== a) bad++;
  }
  return { absMax: m, nonFinite: bad };
}

/** Fills in a forward request's data from the worker's cache, or keeps what it brought. */
function withCachedLayer(p: ForwardParams, cache: { current: { key: string; input: Float32Array; weights: Float32Array } | null }): ForwardParams {
  if (p.input && p.weights) {
    // A new layer: the last one's data, packed filters and working memory go (a smaller layer
    // after a large one must not keep the large one's memory).
    if (cache.current?.key !== p.cacheKey) trimWorkspace();
    if (p.cacheKey) cache.current = { key: p.cacheKey, input: p.input, weights: p.weights };
    return p;
  }
  const c = cache.current;
  if (!c || !p.cacheKey || c.key !== p.cacheKey) throw new CacheMiss(`no layer cached as ${p.cacheKey ?? '(none)'}`);
  return { ...p, input: c.input, weights: c.weights };
}

export function runGenerate(p: GenerateParams): GenerateResult {
  return runSteps(generateSteps(p));
}

/** runGenerate as steps: the main-thread fallback pauses between them (see serve). */
export function* generateSteps(p: GenerateParams): Steps<GenerateResult> {
  const { shape } = p;
  const h = checkPositiveInt('height', shape?.height), w = checkPositiveInt('width', shape?.width);
  const cin = checkPositiveInt('inChannels', shape.inChannels), cout = checkPositiveInt('outChannels', shape.outChannels);
  if (h * w * cin > MAX_VALUES || cout * cin > MAX_VALUES) throw new RequestError('tensor too large');
  if (typeof p.seed !== 'number' || !Number.isFinite(p.seed)) throw new RequestError('seed must be a number');
  const size = { height: h, width: w, inChannels: cin, outChannels: cout };
  if (!p.photo) {
    const data = yield* generateLayerDataSteps(size, p.seed);
    return { input: data.input.data, weights: data.weights.data, bias: data.bias, filterKind: 'random' };
  }
  const { rgba, width, height } = p.photo;
  if (width !== 4 * w || height !== 4 * h || !(rgba instanceof Uint8ClampedArray) || rgba.length !== width * height * 4) {
    throw new RequestError(`photo must be ${4 * w}×${4 * h} RGBA`);
  }
  const mode = p.filters === 'random' ? 'random' : 'learned';
  // Reading the bank (half a million float16 values) is a step of its own.
  const bank = mode === 'learned' ? learnedBank(p.bank) : undefined;
  yield;
  const data = yield* photoLayerDataSteps(size, pictureTensor(rgba, width, height, 3), mode, p.seed, bank);
  yield;
  // Scene 2's stack of a photo's feature maps: which channels show it, and their colour scale.
  const inputSummary = data.first ? photoInputSummary(data.input) : undefined;
  return { input: data.input.data, weights: data.weights.data, bias: data.bias, filterKind: data.filterKind, firstFilters: data.first?.filters, filters: data.filters, inputSummary };
}

/** The learned filters from the whole bank, once its last parts have come (the input was made with the first). */
export function runLearnedWeights(p: LearnedWeightsParams): LearnedWeightsResult {
  const cin = checkPositiveInt('inChannels', p?.inChannels), cout = checkPositiveInt('outChannels', p.outChannels);
  const bank = learnedBank(p.bank);
  if (bank.filters[0] !== 0 || bank.filters[1] < cout || cin > bank.pointwise.inChannels) throw new RequestError(`the bank has no learned ${cin} → ${cout} filters`);
  const { weights, bias } = learnedWeights(bank, cin, cout);
  return { weights: weights.data, bias };
}


/** Buffers to transfer (not copy) back to the main thread. */
function transferables(result: object): Transferable[] {
  return Object.values(result)
    .filter((v): v is Float32Array | Float64Array => ArrayBuffer.isView(v) && !(v instanceof DataView))
    .map((v) => v.buffer as ArrayBuffer);
}

/** Answers requests arriving at `endpoint` until the endpoint goes away. */
/** How serve runs long jobs: in a worker straight through; on the page's main thread in slices. */
/**
 * A worker running a long job says it is alive at least this often (a forward pass by its
 * progress, the photo layer by a heartbeat between its steps), so that the page can take three
 * seconds of silence for death (client.ts).
 */
export const HEARTBEAT_MS = 250;

export interface ServeOptions {
  /** Pause a generating job after this many milliseconds of work (none: run it through). */
  readonly sliceMs?: number | undefined;
  /** Send a heartbeat (`{ id: 0, alive: true }`) between a generating job's steps this often (none: no heartbeat). */
  readonly heartbeatMs?: number | undefined;
  /** Multiply-adds per chunk of a forward pass (default 1.6e8, ≈ 50 ms here). */
  readonly chunkMultiplyAdds?: number | undefined;
}

/** Runs `steps`, pausing for the event loop whenever `sliceMs` of work have passed. */
async function drive<T>(steps: Steps<T>, sliceMs: number | undefined, isCancelled: () => boolean, beat?: { everyMs: number; send: () => void }): Promise<T> {
  if (sliceMs === undefined && beat === undefined) return runSteps(steps);
  let since = performance.now(), beatAt = since;
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    const now = performance.now();
    if (beat && now - beatAt >= beat.everyMs) {
      beat.send();
      beatAt = now;
    }
    if (sliceMs !== undefined && now - since >= sliceMs) {
      await yieldTask();
      if (isCancelled()) throw new Cancelled();
      since = performance.now();
    }
  }
}

export function serve(endpoint: Endpoint, options: ServeOptions = {}): void {
  const cancelled = new Set<number>();
  const cache: { current: { key: string; input: Float32Array; weights: Float32Array } | null } = { current: null };
  const reply = (message: FromWorker, transfer: Transferable[] = []) => endpoint.postMessage(message, transfer);
  endpoint.addEventListener('message', (event: MessageEvent) => {
    const msg = event.data as ToWorker;
    if (!msg || typeof msg !== 'object' || typeof msg.id !== 'number') return;
    if (msg.type === 'cancel') {
      cancelled.add(msg.id);
      return;
    }
    void (async () => {
      try {
        // Let a cancel already queued behind this request be seen before any work starts.
        await yieldTask();
        if (cancelled.has(msg.id)) throw new Cancelled();
        let result: object;
        switch (msg.type) {
          case 'generate':
            result = await drive(generateSteps(msg.params), options.sliceMs, () => cancelled.has(msg.id),
              options.heartbeatMs === undefined ? undefined : { everyMs: options.heartbeatMs, send: () => reply({ id: 0, alive: true }) });
            break;
          case 'combine':
            result = runCombine(msg.params);
            break;
          case 'learnedWeights':
            result = runLearnedWeights(msg.params);
            break;
          case 'forward':
            result = await runForward(withCachedLayer(msg.params, cache), (progress) => reply({ id: msg.id, progress }), () => cancelled.has(msg.id), options.chunkMultiplyAdds);
            break;
          case 'conv2d':
            result = runConv2d(msg.params);
            break;
          case 'reduction':
            result = runReduction(msg.params);
            break;
          case 'collapse':
            result = runCollapse(msg.params);
            break;
          case 'dense':
            result = runDense(msg.params);
            break;
          case 'parseNpy':
            result = runParseNpy(msg.params);
            break;
          // The model's reader and evaluator are a chunk loaded on first use.
          case 'modelOpen':
            result = (await import('./modelJobs')).runModelOpen(msg.params, (progress) => reply({ id: msg.id, progress }));
            break;
          case 'peerLink':
            result = (await import('./peer')).linkPeer(msg.params);
            break;
          case 'modelLayers':
            result = (await import('./modelJobs')).runModelLayers(msg.params);
            break;
          case 'modelLayer':
            result = await (await import('./modelJobs')).runModelLayer(msg.params, (progress) => reply({ id: msg.id, progress }), async () => {
              await yieldTask();
              if (cancelled.has(msg.id)) throw new Cancelled();
            });
            break;
          // Training a 1×1 layer (the Train page): a chunk loaded on first use.
          case 'trainFeatures':
            // A model layer's input: the model run on the picture (its chunk, and a look for a cancel every 20 ms).
            result = msg.params?.input === 'model'
              ? await (await import('./trainModelFeatures')).runTrainModelFeatures(msg.params, async () => {
                await yieldTask();
                if (cancelled.has(msg.id)) throw new Cancelled();
              })
              : (await import('./trainJobs')).runTrainFeatures(msg.params);
            break;
          case 'train': {
            // A long re-train says it is alive like the photo layer does (its pauses come every ~30 ms).
            let beatAt = performance.now();
            result = await (await import('./trainJobs')).runTrain(msg.params, async () => {
              if (options.heartbeatMs !== undefined && performance.now() - beatAt >= options.heartbeatMs) {
                reply({ id: 0, alive: true });
                beatAt = performance.now();
              }
              await yieldTask();
              if (cancelled.has(msg.id)) throw new Cancelled();
            });
            break;
          }
          case 'trainApply':
            result = (await import('./trainJobs')).runTrainApply(msg.params);
            break;
          case 'trainFeaturesGet':
            result = (await import('./trainJobs')).runTrainFeaturesGet(msg.params);
            break;
          default:
            throw new RequestError(`unknown request type ${String((msg as { type: unknown }).type)}`);
        }
        reply({ id: msg.id, ok: true, result: result as never }, transferables(result));
      } catch (e) {
        const code = e instanceof Cancelled ? 'cancelled' : e instanceof CacheMiss ? 'cache-miss' : e instanceof RequestError ? 'bad-request' : 'engine-error';
        reply({ id: msg.id, ok: false, error: { code, message: e instanceof Error ? e.message : String(e) } });
      } finally {
        cancelled.delete(msg.id);
      }
    })();
  });
}
