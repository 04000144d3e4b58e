/**
 * softmaxLoss (softmaxLoss.ts) over features packed once: the same fused two-pixel kernel
 * and float64 sums, but the features, filters and gradient sums are plain arrays of doubles.
 *
 * Why: the features do not change while the student paints, so the worker packs a map once
 * and every evaluation of every re-train (≈ 50 each) reuses it; and a plain array avoids V8's per-load "was its buffer
 * detached?" test, which Node's and Chromium's V8 add to every typed-array load once any
 * ArrayBuffer in the thread has been transferred — and the worker transfers every result
 * (the same finding as gemmKernel.ts's HEAP; measured for this kernel in issue #30's notes).
 */
import { MAX_CLASSES, type LossStats, type TrainSet } from './softmaxLoss';

/**
 * A feature map's values as one plain array of doubles (pixels × channels, channels-last), made
 * once per map and reused by every re-train on it.
 */
export function packFeatures(features: Float32Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < features.length; i++) out.push(features[i]!);
  return out;
}

/** What the kernel reads: the packed map, the painted pixels and classes, and its scratch. */
export interface PackedSet {
  readonly features: readonly number[];
  readonly channels: number;
  readonly pixels: Int32Array;
  readonly labels: Uint8Array;
  /**
   * Six filter slots and their gradient sums, reused by every evaluation, interleaved (channel j's
   * six values at 6j…6j+5): the kernel's six loads per channel hit one cache line instead of six
   * streams d apart (1.2× per evaluation, issue #30's notes).
   */
  readonly w: number[];
  readonly gw: number[];
}

/** `set` ready for softmaxLossPacked: its map's packed values when given, else its painted rows gathered (one copy per re-train). */
export function packSet(set: TrainSet, packed?: readonly number[]): PackedSet {
  const { features: x, channels: d, pixels } = set;
  let features = packed, rows = pixels;
  if (!features || features.length !== x.length) {
    const gathered: number[] = [];
    for (let i = 0; i < pixels.length; i++) {
      const o = pixels[i]! * d;
      for (let j = 0; j < d; j++) gathered.push(x[o + j]!);
    }
    features = gathered;
    rows = Int32Array.from({ length: pixels.length }, (_, i) => i);
  }
  const zeros = (): number[] => { const a: number[] = []; for (let j = 0; j < MAX_CLASSES * d; j++) a.push(0.5); a.fill(0); return a; };
  return { features, channels: d, pixels: rows, labels: set.labels, w: zeros(), gw: zeros() };
}

/** The loss at `params` (W then b) with its gradient written to `grad`, as softmaxLoss computes them. */
export function softmaxLossPacked(set: PackedSet, classes: number, decay: number, params: Float64Array, grad: Float64Array, stats?: LossStats): number {
  const { features: x, channels: d, pixels, labels, w, gw } = set;
  const n = pixels.length;
  const k = classes;
  if (k < 1 || k > MAX_CLASSES) throw new RangeError(`classes must be 1…${MAX_CLASSES}`);
  // Six filter slots always (missing classes are zero filters whose scores are masked out).
  for (let j = 0; j < MAX_CLASSES * d; j++) { gw[j] = 0; w[j] = 0; }
  for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) w[6 * j + c] = params[c * d + j]!;
  const bias = params.subarray(k * d, k * d + k);
  const za = new Float64Array(MAX_CLASSES), zb = new Float64Array(MAX_CLASSES);
  let loss = 0, correct = 0;
  const gb = new Float64Array(k);
  for (let i = 0; i < n; i += 2) {
    const pair = i + 1 < n;
    const oa = pixels[i]! * d, ob = pair ? pixels[i + 1]! * d : oa;
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0;
    for (let j = 0; j < d; j++) {
      const xa = x[oa + j]!, xb = x[ob + j]!;
      const q = 6 * j;
      let v = w[q]!; a0 += xa * v; b0 += xb * v;
      v = w[q + 1]!; a1 += xa * v; b1 += xb * v;
      v = w[q + 2]!; a2 += xa * v; b2 += xb * v;
      v = w[q + 3]!; a3 += xa * v; b3 += xb * v;
      v = w[q + 4]!; a4 += xa * v; b4 += xb * v;
      v = w[q + 5]!; a5 += xa * v; b5 += xb * v;
    }
    za[0] = a0; za[1] = a1; za[2] = a2; za[3] = a3; za[4] = a4; za[5] = a5;
    zb[0] = b0; zb[1] = b1; zb[2] = b2; zb[3] = b3; zb[4] = b4; zb[5] = b5;
    if (labels[i] === predicted(za, bias, k)) correct++;
    loss += classGradient(za, bias, k, labels[i]!, n);
    if (pair) {
      if (labels[i + 1] === predicted(zb, bias, k)) correct++;
      loss += classGradient(zb, bias, k, labels[i + 1]!, n);
    } else zb.fill(0);
    for (let c = 0; c < k; c++) gb[c] = gb[c]! + za[c]! + zb[c]!;
    const g0 = za[0]!, g1 = za[1]!, g2 = za[2]!, g3 = za[3]!, g4 = za[4]!, g5 = za[5]!;
    const h0 = zb[0]!, h1 = zb[1]!, h2 = zb[2]!, h3 = zb[3]!, h4 = zb[4]!, h5 = zb[5]!;
    for (let j = 0; j < d; j++) {
      const xa = x[oa + j]!, xb = x[ob + j]!;
      const q = 6 * j;
      gw[q] = gw[q]! + g0 * xa + h0 * xb;
      gw[q + 1] = gw[q + 1]! + g1 * xa + h1 * xb;
      gw[q + 2] = gw[q + 2]! + g2 * xa + h2 * xb;
      gw[q + 3] = gw[q + 3]! + g3 * xa + h3 * xb;
      gw[q + 4] = gw[q + 4]! + g4 * xa + h4 * xb;
      gw[q + 5] = gw[q + 5]! + g5 * xa + h5 * xb;
    }
  }
  for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) grad[c * d + j] = gw[6 * j + c]!;
  grad.set(gb, k * d);
  if (stats) stats.correct = correct;
  if (decay === 0) return loss;
  let sq = 0;
  for (let j = 0; j < k * d; j++) {
    const v = params[j]!;
    sq += v * v;
    grad[j] = grad[j]! + decay * v;
  }
  return loss + 0.5 * decay * sq;
}

function predicted(z: Float64Array, bias: Float64Array, k: number): number {
  let best = 0;
  for (let c = 1; c < k; c++) if (z[c]! + bias[c]! > z[best]! + bias[best]!) best = c;
  return best;
}

/** One pixel's (p − e_y)/n in z's slots 0…k−1 (0 beyond); returns −log p_y / n. */
function classGradient(z: Float64Array, bias: Float64Array, k: number, label: number, n: number): number {
  let m = -Infinity;
  for (let c = 0; c < k; c++) { z[c] = z[c]! + bias[c]!; if (z[c]! > m) m = z[c]!; }
  for (let c = k; c < MAX_CLASSES; c++) z[c] = 0;
  const zy = z[label]!;
  let s = 0;
  for (let c = 0; c < k; c++) { const e = Math.exp(z[c]! - m); z[c] = e; s += e; }
  for (let c = 0; c < k; c++) z[c] = (z[c]! / s - (c === label ? 1 : 0)) / n;
  return (Math.log(s) + m - zy) / n;
}
