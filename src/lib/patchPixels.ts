/**
 * RGBA pixels for small pictures the views draw: a window of a photo (edges replicated, as
 * the first layer sees it) and a first-layer filter as a colour patch. No React, no DOM.
 */
import type { PhotoPixels } from '../store/slices/results';

/** The size×size window of `photo` whose top-left pixel is (top, left); pixels outside repeat the nearest edge. */
export function photoWindow(photo: PhotoPixels, top: number, left: number, size: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) {
    const sy = Math.min(photo.height - 1, Math.max(0, top + y));
    for (let x = 0; x < size; x++) {
      const sx = Math.min(photo.width - 1, Math.max(0, left + x));
      const from = (sy * photo.width + sx) * 4, to = (y * size + x) * 4;
      out[to] = photo.rgba[from]!;
      out[to + 1] = photo.rgba[from + 1]!;
      out[to + 2] = photo.rgba[from + 2]!;
      out[to + 3] = 255;
    }
  }
  return out;
}

/**
 * Filter j of a first layer (F × k × k × 3 weights) as k×k RGBA: grey is 0, each colour
 * channel moves towards white or black with its weight, scaled by the filter's largest
 * |weight| (the way learned filters are usually shown). `negate` shows the negative polarity.
 */
export function filterPatch(filters: Float32Array, j: number, kernel: number, negate = false): Uint8ClampedArray {
  const dim = kernel * kernel * 3;
  const w = filters.subarray(j * dim, (j + 1) * dim);
  let max = 0;
  for (let i = 0; i < dim; i++) max = Math.max(max, Math.abs(w[i]!));
  const scale = max > 0 ? (negate ? -127 : 127) / max : 0;
  const out = new Uint8ClampedArray(kernel * kernel * 4);
  for (let p = 0; p < kernel * kernel; p++) {
    for (let ch = 0; ch < 3; ch++) out[p * 4 + ch] = Math.round(128 + w[p * 3 + ch]! * scale);
    out[p * 4 + 3] = 255;
  }
  return out;
}
