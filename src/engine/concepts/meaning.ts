/**
 * Measures that tell learned filters from noise (issue #13's "measurable meaning"). Each is
 * a plain number with a stated range, so tests and the README can quote it.
 */
import { imagePatches, normalizePatches } from '../data/patches';
import type { HwcTensor } from '../core/tensor';
import type { Activation } from '../data/topActivations';
import { mapCorrelation } from './combine';

/**
 * Pearson correlation of horizontally and vertically adjacent weights of one k×k×C filter
 * ((dy, dx, channel) order), pooled over both directions and all channels. In [−1, 1]: near
 * 0 for independent random weights, high for smooth or edge-like filters.
 */
export function neighbourCorrelation(filter: ArrayLike<number>, kernel: number, channels: number): number {
  const xs: number[] = [], ys: number[] = [];
  const at = (y: number, x: number, c: number) => filter[(y * kernel + x) * channels + c]!;
  for (let y = 0; y < kernel; y++) {
    for (let x = 0; x < kernel; x++) {
      for (let c = 0; c < channels; c++) {
        if (x + 1 < kernel) { xs.push(at(y, x, c)); ys.push(at(y, x + 1, c)); }
        if (y + 1 < kernel) { xs.push(at(y, x, c)); ys.push(at(y + 1, x, c)); }
      }
    }
  }
  return mapCorrelation(xs, ys);
}

/**
 * The fraction of a map's pixels above half its maximum (channel `channel` of an H×W×C map).
 * Small = the filter answers to a few places; 1 when the map is flat or never positive.
 */
export function activeFraction(data: Float32Array, pixels: number, channels: number, channel: number): number {
  let max = -Infinity;
  for (let p = 0; p < pixels; p++) max = Math.max(max, data[p * channels + channel]!);
  if (!(max > 0)) return 1;
  let above = 0;
  for (let p = 0; p < pixels; p++) if (data[p * channels + channel]! > max / 2) above++;
  return above / pixels;
}

/**
 * How alike the photo windows at `positions` are: the mean cosine similarity of every pair of
 * k×k RGB windows (contrast-normalised, as the first layer sees them). In [−1, 1]; windows
 * of one kind of thing (fur, an edge at one angle) score high, unrelated ones near 0.
 */
export function windowSimilarity(photo: HwcTensor, positions: readonly Pick<Activation, 'row' | 'col'>[], kernel: number, stride: number, pad: number): number {
  const { patches, outWidth } = imagePatches(photo, kernel, stride, pad);
  const dim = kernel * kernel * 3;
  const rows = positions.map((p) => patches.slice((p.row * outWidth + p.col) * dim, (p.row * outWidth + p.col + 1) * dim));
  rows.forEach((r) => normalizePatches(r, dim, 0.01));
  let sum = 0, pairs = 0;
  for (let a = 0; a < rows.length; a++) {
    for (let b = a + 1; b < rows.length; b++) {
      let dot = 0, na = 0, nb = 0;
      for (let i = 0; i < dim; i++) {
        dot += rows[a]![i]! * rows[b]![i]!;
        na += rows[a]![i]! ** 2;
        nb += rows[b]![i]! ** 2;
      }
      sum += na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
      pairs++;
    }
  }
  return pairs ? sum / pairs : 0;
}

