/**
 * The walkthrough layer's jobs: the photo layer (generate, then the learned filters once the
 * whole bank has come) and the forward pass in row chunks, with the layer kept between
 * requests so that a bias or ReLU toggle sends only the flags.
 */
import { gemmABt, packB, prepack, trimWorkspace, type PackedB } from '../engine/kernels/gemm';
import { pointwiseConvRows } from '../engine/kernels/pointwise';
import { coutCinWeights, hwcTensor } from '../engine/core/tensor';
import { generateLayerDataSteps } from '../engine/data/layerData';
import { runSteps, type Steps } from '../engine/core/steps';
import { learnedWeights, photoLayerDataSteps } from '../engine/data/photoLayer';
import { inputSummarySteps as photoInputSummarySteps } from '../engine/data/inputSummary';
import { pictureTensor } from '../engine/data/picture';
import { learnedBank } from './bankJobs';
import { yieldTask } from './yieldTask';
import { CacheMiss, Cancelled, MAX_VALUES, RequestError, checkPositiveInt, isFloat32Array } from './requestChecks';
import type { ForwardParams, ForwardResult, GenerateParams, GenerateResult, LearnedWeightsParams, LearnedWeightsResult } from './protocol';

/**
 * The walkthrough layer a worker keeps between forward requests (its per-layer runtime): the
 * input and filters under the page's key, and the filters packed for the GEMM, so that a
 * recompute after a bias or ReLU toggle does not pack them again. A new layer disposes of the
 * last one: its data, packed filters and the GEMM's working memory go (a smaller layer after a
 * large one must not keep the large one's memory).
 */
export class LayerRuntime {
  current: { readonly key: string; readonly input: Float32Array; readonly weights: Float32Array } | null = null;
  private packed: { readonly weights: Float32Array; readonly b: PackedB } | null = null;

  /** `weights` (n×k) packed for the GEMM: kept for the weights last asked for. */
  packedFor(weights: Float32Array, n: number, k: number): PackedB {
    const kept = this.packed;
    if (kept?.weights === weights && kept.b.n === n && kept.b.k === k) return kept.b;
    const b = packB(weights, n, k);
    this.packed = { weights, b };
    return b;
  }

  dispose(): void {
    this.current = null;
    this.packed = null;
    trimWorkspace();
  }
}

/** Multiply-adds per chunk of a forward job: about 50 ms, so a cancel is seen quickly while the per-call packing stays small. */
const CHUNK_MULTIPLY_ADDS = 1.6e8;


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
  /** The worker's kept layer, whose packed filters are reused (none: packed for this call). */
  layer?: LayerRuntime,
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
  const packed = layer ? layer.packedFor(p.weights, n, k) : packB(p.weights, n, k);
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

/** Fills in a forward request's data from the worker's kept layer, or keeps what it brought. */
export function withCachedLayer(p: ForwardParams, layer: LayerRuntime): ForwardParams {
  if (p.input && p.weights) {
    if (layer.current?.key !== p.cacheKey) layer.dispose();
    if (p.cacheKey) layer.current = { key: p.cacheKey, input: p.input, weights: p.weights };
    return p;
  }
  const c = layer.current;
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
  const inputSummary = data.first ? yield* photoInputSummarySteps(data.input) : undefined;
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
