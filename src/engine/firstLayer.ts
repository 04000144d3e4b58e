/**
 * The first layer in front of the 1×1 convolution: k×k windows of an RGB picture at a
 * stride, contrast-normalised, each met by F filters, then split by sign and thresholded
 * (Coates & Ng's "polarity split"): 2F feature maps, all ≥ 0 like a real network's
 * activations after ReLU. A 224×224 photo at stride 4 gives 56×56 maps.
 */
import { gemmABt } from './gemm';
import { imagePatches, normalizePatches } from './patches';
import { heNormal } from './random';
import { hwcTensor, type HwcTensor } from './tensor';

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

/** The layout every first layer of the app uses: 8×8 windows, stride 4, 2 pixels of padding. */
export const FIRST_LAYER_SHAPE = { kernel: 8, stride: 4, pad: 2, contrastEps: 0.01, threshold: 0.25 } as const;

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
  const dim = layer.kernel * layer.kernel * 3;
  if (image.channels !== 3) throw new RangeError(`the first layer reads RGB, not ${image.channels} channels`);
  const f = Math.ceil(channels / 2);
  if (f > firstLayerFilters(layer) || layer.filters.length !== firstLayerFilters(layer) * dim) throw new RangeError(`${channels} channels need ${f} filters of ${dim} weights`);
  const { patches, outHeight, outWidth } = imagePatches(image, layer.kernel, layer.stride, layer.pad);
  normalizePatches(patches, dim, layer.contrastEps);
  const pixels = outHeight * outWidth;
  const responses = new Float32Array(pixels * f);
  gemmABt(patches, layer.filters.subarray(0, f * dim), responses, f, dim, 0, pixels, layer.bias.subarray(0, f), false);
  const out = hwcTensor(outHeight, outWidth, channels);
  const t = layer.threshold;
  for (let p = 0; p < pixels; p++) {
    for (let j = 0; j < f; j++) {
      const v = responses[p * f + j]!;
      out.data[p * channels + 2 * j] = v - t > 0 ? v - t : 0;
      if (2 * j + 1 < channels) out.data[p * channels + 2 * j + 1] = -v - t > 0 ? -v - t : 0;
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
