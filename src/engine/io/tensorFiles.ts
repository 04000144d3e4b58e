/**
 * From .npy arrays to the engine's layouts and back (concepts.md §5): PyTorch keeps
 * activations as N×C×H×W and 1×1 weights as Cout×Cin×1×1; the engine wants H×W×C and
 * Cout×Cin.
 */
import type { NpyArray } from './npy';
import { coutCinWeights, hwcTensor, type CoutCinWeights, type HwcTensor } from '../core/tensor';

export type ActivationLayout = 'chw' | 'hwc';

export type LayoutErrorCode = 'input-rank' | 'batch' | 'weights-rank' | 'not-1x1' | 'bias-rank' | 'empty';

export class LayoutError extends Error {
  constructor(readonly code: LayoutErrorCode, readonly shape: readonly number[]) {
    super(`${code}: shape (${shape.join(', ')})`);
    this.name = 'LayoutError';
  }
}

function checkNotEmpty(shape: readonly number[]): void {
  if (shape.some((d) => d === 0)) throw new LayoutError('empty', shape);
}

/**
 * Activations: with 'chw', (1, C, H, W) or (C, H, W) as PyTorch saves them; with 'hwc',
 * (H, W, C) or (1, H, W, C). Returns H×W×C.
 */
export function activationsFromNpy(a: NpyArray, layout: ActivationLayout): HwcTensor {
  let shape = [...a.shape];
  if (shape.length === 4) {
    if (shape[0] !== 1) throw new LayoutError('batch', a.shape);
    shape = shape.slice(1);
  }
  if (shape.length !== 3) throw new LayoutError('input-rank', a.shape);
  checkNotEmpty(a.shape);
  if (layout === 'hwc') {
    const [h, w, c] = shape as [number, number, number];
    return hwcTensor(h, w, c, a.data.slice());
  }
  const [c, h, w] = shape as [number, number, number];
  const out = hwcTensor(h, w, c);
  for (let ch = 0; ch < c; ch++) {
    for (let p = 0; p < h * w; p++) out.data[p * c + ch] = a.data[ch * h * w + p]!;
  }
  return out;
}

/** 1×1 weights: (Cout, Cin, 1, 1) as a Conv2d holds them, or (Cout, Cin). */
export function weightsFromNpy(a: NpyArray): CoutCinWeights {
  const s = a.shape;
  if (s.length === 4 && (s[2] !== 1 || s[3] !== 1)) throw new LayoutError('not-1x1', s);
  if (s.length !== 2 && s.length !== 4) throw new LayoutError('weights-rank', s);
  checkNotEmpty(s);
  return coutCinWeights(s[0]!, s[1]!, a.data.slice());
}

/** Bias: (Cout,). */
export function biasFromNpy(a: NpyArray): Float32Array {
  if (a.shape.length !== 1) throw new LayoutError('bias-rank', a.shape);
  checkNotEmpty(a.shape);
  return a.data.slice();
}

/** An H×W×C map as C×H×W (PyTorch order, without the batch axis). */
export function hwcToChw(t: HwcTensor): Float32Array {
  const { height: h, width: w, channels: c, data } = t;
  const out = new Float32Array(data.length);
  for (let p = 0; p < h * w; p++) for (let ch = 0; ch < c; ch++) out[ch * h * w + p] = data[p * c + ch]!;
  return out;
}

/** Smallest and largest value (NaN-free data assumed; NaN is skipped). */
export function valueRange(values: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return values.length ? { min, max } : { min: 0, max: 0 };
}
