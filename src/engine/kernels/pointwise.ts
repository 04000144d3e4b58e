/**
 * The pointwise (1×1) convolution: every pixel's Cin-vector times the Cout×Cin weight
 * matrix. Over the whole map it is one matrix product (H·W × Cin)·(Cin × Cout), so the
 * work is handed to a GEMM, or to a dot-product kernel when one side is thin.
 *
 * Example: a 56×56×512 input and 1024×512 weights give a 56×56×1024 output;
 * `pointwiseConv(input, { weights, relu: false }).data[(r * 56 + c) * 1024 + k]` is
 * Σᵢ input(r, c, i) · weights[k][i].
 */
import { gemmABt, type PackedB } from './gemm';
import { gemvColsABt, gemvRowsABt } from './gemv';
import { checkLayer } from './pixelOutputs';

export { checkLayer, outputChannel, pixelOutputs } from './pixelOutputs';
import { hwcTensor, type HwcTensor, type PointwiseLayer } from '../core/tensor';

/** Below this many pixels a dot-product kernel beats packing GEMM panels. */
const GEMV_MAX_PIXELS = 8;
/** Below this many filters a pixel-wise dot-product kernel beats the GEMM. */
const GEMV_MAX_FILTERS = 4;

/**
 * Computes image rows [rowStart, rowEnd) of the pointwise convolution into `out`
 * (H×W×Cout, channels-last). Only those rows of `out` are written.
 */
export function pointwiseConvRows(
  input: HwcTensor,
  layer: PointwiseLayer,
  out: Float32Array,
  rowStart: number,
  rowEnd: number,
  packedWeights?: PackedB,
): void {
  checkLayer(input, layer);
  const { width, channels } = input;
  const { outChannels } = layer.weights;
  const p0 = rowStart * width;
  const p1 = rowEnd * width;
  const pixels = p1 - p0;
  if (pixels <= 0) return;
  const w = layer.weights.data;
  if (pixels < GEMV_MAX_PIXELS) {
    gemvRowsABt(input.data, w, out, outChannels, channels, p0, p1, layer.bias, layer.relu);
  } else if (outChannels < GEMV_MAX_FILTERS && p0 === 0 && p1 === input.height * width) {
    gemvColsABt(input.data, w, out, pixels, outChannels, channels, 0, outChannels, layer.bias, layer.relu);
  } else {
    gemmABt(input.data, packedWeights ?? w, out, outChannels, channels, p0, p1, layer.bias, layer.relu);
  }
}

/** The whole H×W×Cout output of the pointwise convolution. */
export function pointwiseConv(input: HwcTensor, layer: PointwiseLayer): HwcTensor {
  const out = hwcTensor(input.height, input.width, layer.weights.outChannels);
  pointwiseConvRows(input, layer, out.data, 0, input.height);
  return out;
}
