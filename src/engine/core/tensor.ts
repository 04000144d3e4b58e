/**
 * Tensor types of the engine. Layout is part of the name: activations are stored
 * channels-last (H×W×C, one pixel's channel vector contiguous) and 1×1 weights are
 * stored Cout×Cin (each filter contiguous), as PyTorch's Conv2d weight (Cout×Cin×1×1).
 */

/** Activations in H×W×C order: value (r, c, ch) lives at `(r * width + c) * channels + ch`. */
export interface HwcTensor {
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly data: Float32Array;
}

/** 1×1 weights, Cout×Cin: weight of input channel i in filter k lives at `k * inChannels + i`. */
export interface CoutCinWeights {
  readonly outChannels: number;
  readonly inChannels: number;
  readonly data: Float32Array;
}

/** A pointwise layer: weights, an optional bias of length Cout, and whether ReLU follows. */
export interface PointwiseLayer {
  readonly weights: CoutCinWeights;
  readonly bias?: Float32Array | undefined;
  readonly relu: boolean;
}

/** Makes an H×W×C tensor, zero-filled unless `data` is given (its length must match). */
export function hwcTensor(height: number, width: number, channels: number, data?: Float32Array): HwcTensor {
  const size = height * width * channels;
  if (data && data.length !== size) {
    throw new RangeError(`expected ${height}×${width}×${channels} = ${size} values, got ${data.length}`);
  }
  return { height, width, channels, data: data ?? new Float32Array(size) };
}

/** Makes Cout×Cin weights, zero-filled unless `data` is given (its length must match). */
export function coutCinWeights(outChannels: number, inChannels: number, data?: Float32Array): CoutCinWeights {
  const size = outChannels * inChannels;
  if (data && data.length !== size) {
    throw new RangeError(`expected ${outChannels}×${inChannels} = ${size} weights, got ${data.length}`);
  }
  return { outChannels, inChannels, data: data ?? new Float32Array(size) };
}

/** The C values at pixel (row, col), as a view into the tensor (no copy). */
export function pixelVector(input: HwcTensor, row: number, col: number): Float32Array {
  const start = (row * input.width + col) * input.channels;
  return input.data.subarray(start, start + input.channels);
}

/** Filter k's Cin weights, as a view (no copy). */
export function filterVector(weights: CoutCinWeights, filterIndex: number): Float32Array {
  const start = filterIndex * weights.inChannels;
  return weights.data.subarray(start, start + weights.inChannels);
}

/** One channel of an H×W×C tensor copied out as an H×W map (row-major). */
export function channelMap(input: HwcTensor, channel: number, out?: Float32Array): Float32Array {
  const { height, width, channels, data } = input;
  const map = out ?? new Float32Array(height * width);
  for (let p = 0, q = channel; p < height * width; p++, q += channels) map[p] = data[q]!;
  return map;
}
