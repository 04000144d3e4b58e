/**
 * Pure pixel painting for the Train page's canvases (no React): the painted labels and the
 * predicted classes as 56×56 RGBA, the photo scaled by CSS beneath them.
 */
import type { PaintedPixels } from '../../engine/train/strokes';

/** The classes' colours (Okabe–Ito: told apart with every common colour-vision deficiency). */
export const CLASS_COLOURS = ['#E69F00', '#56B4E9', '#009E73', '#D55E00', '#0072B2', '#F0E442'] as const;

const rgb = (hex: string): [number, number, number] => [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];
const RGB = CLASS_COLOURS.map(rgb);

/** Painted cells in their class's colour; held-out strokes' cells paler. */
export function paintedRgba(painted: PaintedPixels, heldOut: readonly boolean[], out: Uint8ClampedArray): void {
  out.fill(0);
  for (let p = 0; p < painted.labels.length; p++) {
    const cls = painted.labels[p]!;
    if (cls < 0) continue;
    const [r, g, b] = RGB[cls]!;
    out[4 * p] = r; out[4 * p + 1] = g; out[4 * p + 2] = b;
    out[4 * p + 3] = heldOut[painted.strokeOf[p]!] ? 150 : 255;
  }
}

/**
 * Each pixel's most probable class in its colour, its confidence as opacity: 0 where all K
 * classes are equally likely, `maxAlpha` where one is certain.
 */
export function predictionRgba(probs: Float32Array, classes: number, maxAlpha: number, out: Uint8ClampedArray): void {
  const pixels = probs.length / classes;
  for (let p = 0; p < pixels; p++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (probs[p * classes + c]! > probs[p * classes + best]!) best = c;
    const conf = (probs[p * classes + best]! - 1 / classes) / (1 - 1 / classes);
    const [r, g, b] = RGB[best]!;
    out[4 * p] = r; out[4 * p + 1] = g; out[4 * p + 2] = b;
    out[4 * p + 3] = Math.round(255 * maxAlpha * Math.max(0, Math.min(1, conf)));
  }
}

/** Class `c`'s probability map as grey levels over its colour: white 0 … the class colour 1. */
export function probabilityRgba(probs: Float32Array, classes: number, c: number, out: Uint8ClampedArray): void {
  const pixels = probs.length / classes;
  const [r, g, b] = RGB[c]!;
  for (let p = 0; p < pixels; p++) {
    const v = probs[p * classes + c]!;
    out[4 * p] = Math.round(255 + (r - 255) * v);
    out[4 * p + 1] = Math.round(255 + (g - 255) * v);
    out[4 * p + 2] = Math.round(255 + (b - 255) * v);
    out[4 * p + 3] = 255;
  }
}

/** How many pixels each class wins (the legend's counts). */
export function classCounts(probs: Float32Array, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (let o = 0; o < probs.length; o += classes) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (probs[o + c]! > probs[o + best]!) best = c;
    counts[best]!++;
  }
  return counts;
}
