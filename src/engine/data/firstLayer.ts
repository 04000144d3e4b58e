/**
 * The first layer in front of the 1×1 convolution: k×k windows of an RGB picture at a
 * stride, contrast-normalised, each met by F filters, then split by sign and thresholded
 * (Coates & Ng's "polarity split"): 2F feature maps, all ≥ 0 like a real network's
 * activations after ReLU. A 224×224 photo at stride 4 gives 56×56 maps.
 */
import { gemmABt } from '../kernels/gemm';
import { imagePatches, normalizePatches, windowCount } from './patches';
import { runSteps, type Steps } from '../core/steps';
import { heNormal } from '../core/random';
import { hwcTensor, type HwcTensor } from '../core/tensor';

export interface FirstLayer {
  readonly kernel: number;
  readonly stride: number;
  readonly pad: number;
  /** Added to each window's variance before it is normalised (see normalizePatches). */
  readonly contrastEps: number;
  /** Subtracted from each polarity before the ReLU. */
  readonly threshold: number;
  /** F filters × (kernel·kernel·3), each in (dy, dx, RGB) order: the whitening folded in. */
  readonly filters: Float32Array;
  /** F biases (−filter · the whitening's mean). */
  readonly bias: Float32Array;
}

import { FIRST_LAYER_SHAPE } from './firstLayerShape';

/** The layout every first layer of the app uses: 8×8 windows, stride 4, 2 pixels of padding. */
export { FIRST_LAYER_SHAPE };

/** Number of filters F of `layer`. */
export const firstLayerFilters = (layer: FirstLayer): number => layer.bias.length;

/**
 * The first layer's `channels` feature maps of an RGB `image` (H×W×3, values in [0, 1]):
 * channel 2j = max(0, f_j − t) and 2j + 1 = max(0, −f_j − t), where f_j is filter j's response
 * to the normalised window. `channels` ≤ 2F; an odd count drops the last negative half.
 *
 * @returns outHeight×outWidth×channels, channels-last.
 */
export function firstLayerFeatures(image: HwcTensor, layer: FirstLayer, channels: number): HwcTensor {
  return runSteps(firstLayerFeaturesSteps(image, layer, channels));
}

/** Multiply-adds per band of firstLayerFeaturesSteps: a few ms here (the page pauses between bands). */
const BAND_MULTIPLY_ADDS = 8e6;

/** firstLayerFeatures as steps: one band of output rows at a time (the same numbers). */
export function* firstLayerFeaturesSteps(image: HwcTensor, layer: FirstLayer, channels: number): Steps<HwcTensor> {
  const dim = layer.kernel * layer.kernel * 3;
  if (image.channels !== 3) throw new RangeError(`the first layer reads RGB, not ${image.channels} channels`);
  const f = Math.ceil(channels / 2);
  if (f > firstLayerFilters(layer) || layer.filters.length !== firstLayerFilters(layer) * dim) throw new RangeError(`${channels} channels need ${f} filters of ${dim} weights`);
  const outHeight = windowCount(image.height, layer.kernel, layer.stride, layer.pad), outWidth = windowCount(image.width, layer.kernel, layer.stride, layer.pad);
  if (outHeight < 1 || outWidth < 1) throw new RangeError(`a ${layer.kernel}×${layer.kernel} window does not fit ${image.height}×${image.width}`);
  const out = hwcTensor(outHeight, outWidth, channels);
  const filters = layer.filters.subarray(0, f * dim), bias = layer.bias.subarray(0, f);
  const band = Math.max(1, Math.floor(BAND_MULTIPLY_ADDS / (outWidth * dim * f)));
  const t = layer.threshold;
  for (let r0 = 0; r0 < outHeight; r0 += band) {
    yield;
    const r1 = Math.min(outHeight, r0 + band);
    const { patches } = imagePatches(image, layer.kernel, layer.stride, layer.pad, [r0, r1]);
    normalizePatches(patches, dim, layer.contrastEps);
    const pixels = (r1 - r0) * outWidth;
    const responses = new Float32Array(pixels * f);
    gemmABt(patches, filters, responses, f, dim, 0, pixels, bias, false);
    for (let p = 0, q = r0 * outWidth * channels; p < pixels; p++, q += channels) {
      for (let j = 0; j < f; j++) {
        const v = responses[p * f + j]!;
        out.data[q + 2 * j] = v - t > 0 ? v - t : 0;
        if (2 * j + 1 < channels) out.data[q + 2 * j + 1] = -v - t > 0 ? -v - t : 0;
      }
    }
  }
  return out;
}

/**
 * An untrained first layer of the same shape: F He-normal filters (fan-in k·k·3), no bias —
 * what training starts from.
 */
export function randomFirstLayer(filters: number, seed: number): FirstLayer {
  const { kernel } = FIRST_LAYER_SHAPE;
  const dim = kernel * kernel * 3;
  return { ...FIRST_LAYER_SHAPE, filters: heNormal(filters * dim, dim, seed), bias: new Float32Array(filters) };
}
