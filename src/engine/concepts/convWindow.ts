/**
 * One output value of a conv2d laid open: the input window it reads, the weights, the
 * products and their sum — what the sliding-window view shows. Agrees with conv2d exactly.
 */
import { checkConv2dSpec, type Conv2dParams, type Conv2dSpec } from '../kernels/conv2d';
import type { HwcTensor } from '../core/tensor';

export interface ConvWindowTerm {
  /** Input position read (may be outside the map: then it is padding and reads 0). */
  readonly row: number;
  readonly col: number;
  readonly inChannel: number;
  readonly input: number;
  readonly weight: number;
  readonly product: number;
  readonly isPadding: boolean;
}

export interface ConvWindow {
  readonly terms: readonly ConvWindowTerm[];
  readonly bias: number;
  /** bias + Σ products (before any activation). */
  readonly sum: number;
}

/** The terms of output (row, col, outChannel), ordered by kernel row, column, then channel. */
export function convWindow(input: HwcTensor, spec: Conv2dSpec, params: Conv2dParams, row: number, col: number, outChannel: number): ConvWindow {
  checkConv2dSpec(spec);
  const { kernelHeight: kh, kernelWidth: kw, inChannels: cin, outChannels: cout } = spec;
  const g = spec.groups ?? 1, cinG = cin / g, coutG = cout / g;
  const ic0 = Math.floor(outChannel / coutG) * cinG;
  const terms: ConvWindowTerm[] = [];
  const bias = params.bias ? params.bias[outChannel]! : 0;
  let sum = bias;
  for (let ky = 0; ky < kh; ky++) {
    const iy = row * (spec.strideY ?? 1) - (spec.padY ?? 0) + ky * (spec.dilationY ?? 1);
    for (let kx = 0; kx < kw; kx++) {
      const ix = col * (spec.strideX ?? 1) - (spec.padX ?? 0) + kx * (spec.dilationX ?? 1);
      const isPadding = iy < 0 || iy >= input.height || ix < 0 || ix >= input.width;
      for (let i = 0; i < cinG; i++) {
        const x = isPadding ? 0 : input.data[(iy * input.width + ix) * cin + ic0 + i]!;
        const w = params.weights[((outChannel * cinG + i) * kh + ky) * kw + kx]!;
        const product = x * w;
        if (!isPadding) sum += product;
        terms.push({ row: iy, col: ix, inChannel: ic0 + i, input: x, weight: w, product, isPadding });
      }
    }
  }
  return { terms, bias, sum };
}
