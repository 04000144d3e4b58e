/**
 * Dense (fully connected) layers, written as plain float64 loops, for the page that shows a
 * 1×1 convolution is a dense layer applied at every pixel, and its converse: a dense layer on a
 * flattened k×k×C map is a k×k convolution whose kernel is the same array (Network in Network;
 * "fully convolutional" networks).
 */
import type { HwcTensor } from '../core/tensor';

/** y = W·x (+ b) for W of `out` rows × x.length columns, accumulated in float64. */
export function denseForward(x: ArrayLike<number>, weights: ArrayLike<number>, out: number, bias?: ArrayLike<number>): Float64Array {
  const n = x.length;
  if (weights.length !== out * n) throw new Error(`a ${out}×${n} weight matrix has ${out * n} values, not ${weights.length}`);
  const y = new Float64Array(out);
  for (let o = 0; o < out; o++) {
    let s = bias ? bias[o]! : 0;
    for (let i = 0; i < n; i++) s += weights[o * n + i]! * x[i]!;
    y[o] = s;
  }
  return y;
}

/** The dense layer applied to each pixel's channel vector in turn: H×W×out, rounded to float32. */
export function denseAtEveryPixel(input: HwcTensor, weights: ArrayLike<number>, out: number, bias?: ArrayLike<number>): Float32Array {
  const { height, width, channels: c, data } = input;
  const result = new Float32Array(height * width * out);
  for (let p = 0; p < height * width; p++) result.set(denseForward(data.subarray(p * c, (p + 1) * c), weights, out, bias), p * out);
  return result;
}

/**
 * The k×k window of an H×W×C map at (top, left), flattened as PyTorch's `flatten` does on an
 * N×C×H×W tensor: index c·k² + y·k + x.
 */
export function flattenWindowChw(input: HwcTensor, top: number, left: number, k: number): Float32Array {
  const { width, channels: c, data } = input;
  const v = new Float32Array(c * k * k);
  for (let ch = 0; ch < c; ch++) {
    for (let y = 0; y < k; y++) {
      for (let x = 0; x < k; x++) v[ch * k * k + y * k + x] = data[((top + y) * width + left + x) * c + ch]!;
    }
  }
  return v;
}
