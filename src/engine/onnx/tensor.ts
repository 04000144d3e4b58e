/**
 * Tensors of the ONNX graph evaluator. A tensor has its logical ONNX shape (N, C, H, W for an
 * image) and one of two physical layouts: `nhwc` (4-D only, one pixel's channels contiguous —
 * what the convolution kernels read and write) or plain row-major in logical order. Integer
 * tensors (shapes, indices) are float64 holding whole numbers. `data` is null in a shape-only
 * pass: the layer list learns every tensor's shape without computing a single value.
 */
import { MAX_TENSOR_VALUES } from '../core/limits';
import { ModelError } from './errors';
import type { Runtime } from './runtime';

export type DType = 'float' | 'int';

export interface Tensor {
  readonly dtype: DType;
  readonly shape: readonly number[];
  /** Float32Array for 'float', Float64Array for 'int'; null when only the shape is known. */
  readonly data: Float32Array | Float64Array | null;
  /** Physical layout N×H×W×C (4-D only); otherwise row-major in logical order. */
  readonly nhwc: boolean;
}

/** The largest tensor the evaluator allocates (see engine/core/limits). */
export { MAX_TENSOR_VALUES };

export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** The number of values of `shape`, refused (naming the node that asked) past MAX_TENSOR_VALUES: checked before anything is allocated. */
export function checkedSize(shape: readonly number[], node: string): number {
  const n = sizeOf(shape);
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_TENSOR_VALUES) throw new ModelError('tensor-too-large', `${node}: (${shape.join(', ')})`);
  return n;
}

/** Allocates an integer tensor's storage (zeros) after checking its size; names the node that asked. */
export function allocInt(shape: readonly number[], node: string): Float64Array {
  return new Float64Array(checkedSize(shape, node));
}

/**
 * Allocates a float tensor's storage (zeros) after checking its size; names the node that
 * asked. From the runtime's pool when it keeps an array of that length (see runtime.ts).
 */
export function allocFloat(shape: readonly number[], node: string, rt?: Runtime): Float32Array {
  const n = checkedSize(shape, node);
  return rt?.takePooled(n) ?? new Float32Array(n);
}

export const floatTensor = (shape: readonly number[], data: Float32Array | null, nhwc = false): Tensor => ({ dtype: 'float', shape, data, nhwc: nhwc && shape.length === 4 });
export const intTensor = (shape: readonly number[], values: ArrayLike<number>): Tensor => ({ dtype: 'int', shape, data: Float64Array.from(values), nhwc: false });
export const metaTensor = (dtype: DType, shape: readonly number[], nhwc = false): Tensor => ({ dtype, shape, data: null, nhwc: nhwc && shape.length === 4 });

/** Row-major strides of a logical shape. */
export function rowMajorStrides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i]!;
  }
  return s;
}

/** Physical strides of each logical dimension. */
export function stridesOf(t: Tensor): number[] {
  if (!t.nhwc) return rowMajorStrides(t.shape);
  const [, c, h, w] = t.shape as [number, number, number, number];
  return [h * w * c, 1, w * c, c];
}

/** Whether both layouts store the same bytes (a 1×1 map, or a single channel). */
const layoutFree = (t: Tensor) => t.shape.length === 4 && (t.shape[1] === 1 || t.shape[2]! * t.shape[3]! === 1);

/** The tensor in row-major logical order (a copy when it was NHWC). */
export function logical(t: Tensor): Tensor {
  if (!t.nhwc) return t;
  if (!t.data || layoutFree(t)) return { ...t, nhwc: false };
  return { ...t, data: relayout(t, false), nhwc: false };
}

/** A 4-D float tensor in NHWC layout (a copy when it was row-major NCHW). */
export function toNhwc(t: Tensor): Tensor {
  if (t.nhwc || t.shape.length !== 4) return t;
  if (!t.data || layoutFree(t)) return { ...t, nhwc: true };
  return { ...t, data: relayout(t, true), nhwc: true };
}

/** A 4-D tensor's values copied from one layout to the other (NCHW → NHWC when `toChannelsLast`). */
function relayout(t: Tensor, toChannelsLast: boolean): Float32Array {
  const [n, c, h, w] = t.shape as [number, number, number, number];
  const src = t.data!, out = new Float32Array(src.length), hw = h * w;
  // Index of (pixel p, channel ch) in each layout; one is read, the other written.
  const chw = (p: number, ch: number) => ch * hw + p, hwc = (p: number, ch: number) => p * c + ch;
  const [from, to] = toChannelsLast ? [chw, hwc] : [hwc, chw];
  for (let b = 0; b < n; b++) {
    const base = b * hw * c;
    for (let p = 0; p < hw; p++) for (let ch = 0; ch < c; ch++) out[base + to(p, ch)] = src[base + from(p, ch)]!;
  }
  return out;
}

/** The whole numbers an integer (or float) tensor holds, e.g. a shape or axes input. */
export function intsOf(t: Tensor | undefined, what: string): number[] {
  if (!t?.data) throw new ModelError('not-constant', what);
  return Array.from(logical(t).data!, (v) => Math.trunc(v));
}
