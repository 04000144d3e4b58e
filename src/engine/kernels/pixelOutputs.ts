/**
 * One pixel's outputs, or one output channel: a thin side of the 1×1 convolution, done by
 * dot-product kernels alone. Kept apart from pointwise.ts so the page, which steps through
 * single pixels, does not load the GEMM (that runs in the workers).
 */
import { gemvColsABt, gemvRowsABt } from './gemv';
import type { HwcTensor, PointwiseLayer } from '../core/tensor';

/** Throws a RangeError when the layer does not fit the input. */
export function checkLayer(input: HwcTensor, layer: PointwiseLayer): void {
  const { weights, bias } = layer;
  if (weights.inChannels !== input.channels) {
    throw new RangeError(`filters have ${weights.inChannels} weights, input has ${input.channels} channels`);
  }
  if (bias && bias.length !== weights.outChannels) {
    throw new RangeError(`bias has ${bias.length} values, layer has ${weights.outChannels} filters`);
  }
}

/** The Cout outputs at pixel (row, col): one pixel against every filter. */
export function pixelOutputs(input: HwcTensor, layer: PointwiseLayer, row: number, col: number): Float32Array {
  checkLayer(input, layer);
  const { channels } = input;
  const start = (row * input.width + col) * channels;
  const n = layer.weights.outChannels;
  const out = new Float32Array(n);
  gemvRowsABt(input.data.subarray(start, start + channels), layer.weights.data, out, n, channels, 0, 1, layer.bias, layer.relu);
  return out;
}

/** Output channel `filterIndex` over every pixel, as an H×W map (row-major). */
export function outputChannel(input: HwcTensor, layer: PointwiseLayer, filterIndex: number): Float32Array {
  checkLayer(input, layer);
  const { channels } = input;
  const pixels = input.height * input.width;
  const out = new Float32Array(pixels);
  const filter = layer.weights.data.subarray(filterIndex * channels, (filterIndex + 1) * channels);
  const bias = layer.bias ? layer.bias.subarray(filterIndex, filterIndex + 1) : undefined;
  gemvColsABt(input.data, filter, out, pixels, 1, channels, 0, 1, bias, layer.relu);
  return out;
}
