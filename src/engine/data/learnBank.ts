/**
 * Learns the app's two layers from photos, deterministically, with the engine alone:
 *
 * 1. First layer (Coates & Ng 2011/2012): every 8×8 window of every photo at stride 4,
 *    contrast-normalised and ZCA-whitened, clustered by gain-shape spherical k-means into F
 *    filters; the whitening is folded into them, and each gives two feature maps (its
 *    positive and negative part), 2F channels.
 * 2. The 1×1 layer: every pixel's 2F-channel vector from all photos, minus their mean,
 *    scaled to unit length and clustered by spherical k-means into Cout prototypes. Filter k
 *    is prototype k, so output k at a pixel is how far the pixel's channel vector leans
 *    towards that prototype; with the bias −w·mean it is measured from the average pixel.
 *
 * scripts/learn.ts runs this on the shipped photos and writes public/learned/; a test runs
 * it again and compares.
 */
import { FIRST_LAYER_SHAPE, firstLayerFeatures, type FirstLayer } from './firstLayer';
import { gemmABt } from '../kernels/gemm';
import { sphericalKMeans } from '../linalg/kmeans';
import { imagePatches, normalizePatches } from './patches';
import { coutCinWeights, type CoutCinWeights, type HwcTensor } from '../core/tensor';
import { zcaWhitening } from '../linalg/whitening';

export interface LearnOptions {
  /** First-layer filters F (2F channels). */
  readonly firstFilters: number;
  readonly firstIterations: number;
  /** Added to the eigenvalues of the normalised windows' covariance. */
  readonly whiteningEps: number;
  /** 1×1 filters (prototypes). */
  readonly prototypes: number;
  readonly prototypeIterations: number;
  readonly seed: number;
}

export const LEARN_OPTIONS: LearnOptions = {
  firstFilters: 256, firstIterations: 12, whiteningEps: 0.3, prototypes: 1024, prototypeIterations: 4, seed: 1,
};

export interface LearnedBank {
  readonly first: FirstLayer;
  /** Cout × 2F unit-length prototypes, the most populous first. */
  readonly pointwise: CoutCinWeights;
  /** The mean 2F-channel vector over every pixel of the photos (the learned bias is −w·mean). */
  readonly featureMean: Float32Array;
}

export function learnBank(photos: readonly HwcTensor[], options: LearnOptions = LEARN_OPTIONS): LearnedBank {
  const { kernel, stride, pad, contrastEps } = FIRST_LAYER_SHAPE;
  const dim = kernel * kernel * 3;
  // 1. Windows of every photo, normalised, whitened, clustered.
  const windows = concat(photos.map((p) => imagePatches(p, kernel, stride, pad).patches));
  normalizePatches(windows, dim, contrastEps);
  const zca = zcaWhitening(windows, dim, options.whiteningEps);
  const whiteMatrix = Float32Array.from(zca.matrix);
  const whiteBias = new Float32Array(dim);
  for (let i = 0; i < dim; i++) {
    let s = 0;
    for (let j = 0; j < dim; j++) s += zca.matrix[i * dim + j]! * zca.mean[j]!;
    whiteBias[i] = -s;
  }
  const count = windows.length / dim;
  const whitened = new Float32Array(windows.length);
  gemmABt(windows, whiteMatrix, whitened, dim, dim, 0, count, whiteBias, false);
  const km = sphericalKMeans(whitened, dim, { clusters: options.firstFilters, iterations: options.firstIterations, seed: options.seed, absolute: true });
  // Fold the whitening in: D·W(x − m) = (W D)·x − (W D)·m, W symmetric.
  const f = options.firstFilters;
  const filters = new Float32Array(f * dim), bias = new Float32Array(f);
  for (let j = 0; j < f; j++) {
    let b = 0;
    for (let i = 0; i < dim; i++) {
      let s = 0;
      for (let l = 0; l < dim; l++) s += zca.matrix[i * dim + l]! * km.centroids[j * dim + l]!;
      filters[j * dim + i] = s;
      b -= s * zca.mean[i]!;
    }
    bias[j] = b;
  }
  const first: FirstLayer = { ...FIRST_LAYER_SHAPE, filters, bias };
  // 2. Every pixel's channel vector, centred and normalised, clustered into prototypes.
  const channels = 2 * f;
  const features = concat(photos.map((p) => firstLayerFeatures(p, first, channels).data));
  const pixels = features.length / channels;
  const featureMean = new Float32Array(channels);
  const sums = new Float64Array(channels);
  for (let p = 0; p < pixels; p++) for (let i = 0; i < channels; i++) sums[i]! += features[p * channels + i]!;
  for (let i = 0; i < channels; i++) featureMean[i] = sums[i]! / pixels;
  const directions = new Float32Array(features.length);
  for (let p = 0; p < pixels; p++) {
    let norm = 0;
    for (let i = 0; i < channels; i++) {
      const d = features[p * channels + i]! - featureMean[i]!;
      directions[p * channels + i] = d;
      norm += d * d;
    }
    const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let i = 0; i < channels; i++) directions[p * channels + i]! *= s;
  }
  const protos = sphericalKMeans(directions, channels, { clusters: options.prototypes, iterations: options.prototypeIterations, seed: options.seed + 1, absolute: false });
  return { first, pointwise: coutCinWeights(options.prototypes, channels, protos.centroids), featureMean };
}

function concat(parts: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
