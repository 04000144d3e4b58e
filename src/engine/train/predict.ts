/**
 * The trained layer applied to a whole map: scores by the engine's pointwise convolution
 * (the same kernels as every other layer), then a softmax at each pixel.
 */
import { pointwiseConvRows } from '../kernels/pointwise';
import { coutCinWeights, type HwcTensor } from '../core/tensor';
import { softmaxInPlace } from './softmaxLoss';

/** H×W×K class scores (the layer's output, channels-last) of W (K×Cin), b (K) on `input`. */
export function classScores(input: HwcTensor, weights: Float32Array, bias: Float32Array, classes: number): Float32Array {
  const out = new Float32Array(input.height * input.width * classes);
  pointwiseConvRows(input, { weights: coutCinWeights(classes, input.channels, weights), bias, relu: false }, out, 0, input.height);
  return out;
}

/** The softmax of each pixel's K scores (a new array, channels-last). */
export function softmaxMap(scores: Float32Array, classes: number): Float32Array {
  const out = new Float32Array(scores.length);
  const z = new Float64Array(classes);
  for (let o = 0; o < scores.length; o += classes) {
    for (let c = 0; c < classes; c++) z[c] = scores[o + c]!;
    softmaxInPlace(z);
    for (let c = 0; c < classes; c++) out[o + c] = z[c]!;
  }
  return out;
}

/** H×W×K class probabilities of the layer W (K×Cin), b (K) on `input`. */
export function classProbabilities(input: HwcTensor, weights: Float32Array, bias: Float32Array, classes: number): Float32Array {
  return softmaxMap(classScores(input, weights, bias, classes), classes);
}

/** The fraction of `pixels` whose most probable class is their label (NaN when there are none). */
export function accuracy(probs: Float32Array, classes: number, pixels: Int32Array, labels: Uint8Array): number {
  if (pixels.length === 0) return NaN;
  let right = 0;
  for (let i = 0; i < pixels.length; i++) if (argmax(probs, pixels[i]! * classes, classes) === labels[i]) right++;
  return right / pixels.length;
}

/** The index of the largest of `count` values from `offset`. */
export function argmax(values: ArrayLike<number>, offset: number, count: number): number {
  let best = 0;
  for (let c = 1; c < count; c++) if (values[offset + c]! > values[offset + best]!) best = c;
  return best;
}
