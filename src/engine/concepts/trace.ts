/**
 * The walkthrough's view of one output value: the dot product of pixel (row, col)'s Cin
 * channel values with filter k's Cin weights, written out term by term.
 */
import { checkLayer } from '../kernels/pixelOutputs';
import type { HwcTensor, PointwiseLayer } from '../core/tensor';

/** Every term of output (row, col, filterIndex), in input-channel order. */
export interface DotProductTrace {
  readonly row: number;
  readonly col: number;
  readonly filterIndex: number;
  /** The pixel's Cin input values. */
  readonly inputs: Float32Array;
  /** Filter k's Cin weights. */
  readonly weights: Float32Array;
  /** inputs[i] · weights[i], i = 0…Cin−1. */
  readonly products: Float64Array;
  /** partialSums[i] = products[0] + … + products[i], accumulated in float64. */
  readonly partialSums: Float64Array;
  /** The bias added after the sum (0 when the layer has none). */
  readonly bias: number;
  /** Sum + bias, before ReLU. */
  readonly preActivation: number;
  /** The output value as stored (float32), ReLU applied if the layer has it. */
  readonly value: number;
}

/**
 * Traces output (row, col, filterIndex). `value` equals the full map's value at the same
 * place: the sum is accumulated in float64 and rounded to float32 once, as the kernels do.
 */
export function dotProductTrace(
  input: HwcTensor,
  layer: PointwiseLayer,
  row: number,
  col: number,
  filterIndex: number,
): DotProductTrace {
  checkLayer(input, layer);
  const cin = input.channels;
  const start = (row * input.width + col) * cin;
  const inputs = input.data.slice(start, start + cin);
  const weights = layer.weights.data.slice(filterIndex * cin, (filterIndex + 1) * cin);
  const products = new Float64Array(cin);
  const partialSums = new Float64Array(cin);
  let sum = 0;
  for (let i = 0; i < cin; i++) {
    const p = inputs[i]! * weights[i]!;
    products[i] = p;
    sum += p;
    partialSums[i] = sum;
  }
  const bias = layer.bias ? layer.bias[filterIndex]! : 0;
  const preActivation = sum + bias;
  const activated = layer.relu && preActivation < 0 ? 0 : preActivation;
  return { row, col, filterIndex, inputs, weights, products, partialSums, bias, preActivation, value: Math.fround(activated) };
}
