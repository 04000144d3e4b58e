/**
 * The dual of the walkthrough's dot product: output map k as a weighted sum of whole input
 * maps, y_k = b_k + Σᵢ w[k, i] · xᵢ (before any ReLU). The terms are added in an order — by
 * how much each contributes (the L2 norm of w[k, i] · xᵢ over the map) or by channel index —
 * and the partial sums say how much of the final map the first n terms already make.
 */
import type { HwcTensor, PointwiseLayer } from '../core/tensor';

export type TermOrder = 'contribution' | 'index';

export interface MapCombination {
  readonly filterIndex: number;
  /** The input channels in the order their terms are added. */
  readonly order: Int32Array;
  /** ‖w[k, i] · xᵢ‖₂ over the map, for each channel in `order`. */
  readonly contribution: Float64Array;
  /** The bias b_k (0 without one). */
  readonly bias: number;
  /** The whole sum b_k + Σ w·x (float64, before ReLU), H×W. */
  readonly final: Float64Array;
  /**
   * relativeError[n] = ‖final − partial(n)‖₂ / ‖final − b_k‖₂ for n = 0…Cin terms added:
   * 1 with no term (only the bias), 0 with all of them.
   */
  readonly relativeError: Float64Array;
}

/** Adds output map k's Cin terms in `order`, and measures the partial sums against the whole. */
export function combineMaps(input: HwcTensor, layer: PointwiseLayer, k: number, order: TermOrder = 'contribution'): MapCombination {
  const { height, width, channels: cin, data } = input;
  const w = layer.weights;
  if (w.inChannels !== cin) throw new Error(`the layer takes ${w.inChannels} channels, the input has ${cin}`);
  if (!Number.isInteger(k) || k < 0 || k >= w.outChannels) throw new Error(`filter ${k} is not in 0…${w.outChannels - 1}`);
  const hw = height * width;
  const bias = layer.bias ? layer.bias[k]! : 0;
  const row = k * cin;
  // Each term's norm: |w| · ‖xᵢ‖.
  const norm = new Float64Array(cin);
  for (let p = 0, o = 0; p < hw; p++, o += cin) {
    for (let i = 0; i < cin; i++) norm[i]! += data[o + i]! * data[o + i]!;
  }
  for (let i = 0; i < cin; i++) norm[i] = Math.abs(w.data[row + i]!) * Math.sqrt(norm[i]!);
  const indices = Array.from({ length: cin }, (_, i) => i);
  if (order === 'contribution') indices.sort((a, b) => norm[b]! - norm[a]! || a - b);
  const sequence = Int32Array.from(indices);
  // The whole sum, then the rest still missing after each term.
  const final = new Float64Array(hw).fill(bias);
  const rest = new Float64Array(hw);
  for (let p = 0, o = 0; p < hw; p++, o += cin) {
    let s = 0;
    for (let i = 0; i < cin; i++) s += w.data[row + i]! * data[o + i]!;
    final[p]! += s;
    rest[p] = s;
  }
  let total = 0;
  for (let p = 0; p < hw; p++) total += rest[p]! * rest[p]!;
  const scale = total > 0 ? 1 / Math.sqrt(total) : 0;
  const relativeError = new Float64Array(cin + 1);
  relativeError[0] = total > 0 ? 1 : 0;
  for (let n = 0; n < cin; n++) {
    const i = sequence[n]!;
    const wi = w.data[row + i]!;
    let e = 0;
    for (let p = 0, o = i; p < hw; p++, o += cin) {
      const r = rest[p]! - wi * data[o]!;
      rest[p] = r;
      e += r * r;
    }
    relativeError[n + 1] = Math.sqrt(e) * scale;
  }
  relativeError[cin] = 0;
  return { filterIndex: k, order: sequence, contribution: Float64Array.from(sequence, (i) => norm[i]!), bias, final, relativeError };
}

/** b_k plus the first n terms of `combination` (n = 0…Cin), H×W in float64. */
export function partialMap(input: HwcTensor, layer: PointwiseLayer, combination: MapCombination, n: number): Float64Array {
  const { height, width, channels: cin, data } = input;
  const hw = height * width;
  const row = combination.filterIndex * cin;
  const out = new Float64Array(hw).fill(combination.bias);
  const count = Math.max(0, Math.min(cin, Math.floor(n)));
  for (let j = 0; j < count; j++) {
    const i = combination.order[j]!;
    const wi = layer.weights.data[row + i]!;
    if (wi === 0) continue;
    for (let p = 0, o = i; p < hw; p++, o += cin) out[p]! += wi * data[o]!;
  }
  return out;
}

/** One term's map, w[k, i] · xᵢ. */
export function termMap(input: HwcTensor, layer: PointwiseLayer, k: number, i: number): Float64Array {
  const { height, width, channels: cin, data } = input;
  const wi = layer.weights.data[k * cin + i]!;
  return Float64Array.from({ length: height * width }, (_, p) => wi * data[p * cin + i]!);
}

/** Pearson correlation of two maps (0 when either is constant). */
export function mapCorrelation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0, mb = 0;
  for (let p = 0; p < n; p++) { ma += a[p]!; mb += b[p]!; }
  ma /= n; mb /= n;
  let ab = 0, aa = 0, bb = 0;
  for (let p = 0; p < n; p++) {
    const x = a[p]! - ma, y = b[p]! - mb;
    ab += x * y; aa += x * x; bb += y * y;
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}
