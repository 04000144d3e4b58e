/**
 * The two passes over the features a linear classifier's training needs, for a range of the
 * painted pixels, over a map packed once as plain doubles (packFeatures; why plain doubles:
 * packedLoss.ts): the scores X·W of six filter slots, and the gradient sums Xᵀ·G. Apart, so
 * that a line search needs no pass at all (the scores along a line are Z + t·X·D) and so that
 * two workers can each take a range of pixels.
 *
 * Filters and gradient sums are interleaved by channel (channel j's six values at 6j…6j+5);
 * classes beyond K are zero slots. Two pixels share every filter load, six classes every
 * feature load (12 float64 sums in locals).
 */

/**
 * Scores of pixels[from…to) (rows of the packed map `x`, `d` channels) under the six
 * interleaved filters `w` (6·d): out[6·(i − from) + c] = Σⱼ x[pixel i, j]·w[6j + c].
 */
export function packedScores(x: readonly number[], d: number, pixels: Int32Array, from: number, to: number, w: readonly number[], out: Float64Array): void {
  for (let i = from; i < to; i += 2) {
    const pair = i + 1 < to;
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
    const o = 6 * (i - from);
    out[o] = a0; out[o + 1] = a1; out[o + 2] = a2; out[o + 3] = a3; out[o + 4] = a4; out[o + 5] = a5;
    if (pair) { out[o + 6] = b0; out[o + 7] = b1; out[o + 8] = b2; out[o + 9] = b3; out[o + 10] = b4; out[o + 11] = b5; }
  }
}

/**
 * Adds the gradient sums of pixels[from…to) to `gw` (6·d, interleaved):
 * gw[6j + c] += Σᵢ g[6·(i − from) + c]·x[pixel i, j], with g the pixels' score gradients (six slots each).
 */
export function packedGradient(x: readonly number[], d: number, pixels: Int32Array, from: number, to: number, g: Float64Array, gw: number[]): void {
  for (let i = from; i < to; i += 2) {
    const pair = i + 1 < to;
    const oa = pixels[i]! * d, ob = pair ? pixels[i + 1]! * d : oa;
    const o = 6 * (i - from);
    const g0 = g[o]!, g1 = g[o + 1]!, g2 = g[o + 2]!, g3 = g[o + 3]!, g4 = g[o + 4]!, g5 = g[o + 5]!;
    // A lone last pixel pairs with itself at zero weight.
    const h0 = pair ? g[o + 6]! : 0, h1 = pair ? g[o + 7]! : 0, h2 = pair ? g[o + 8]! : 0;
    const h3 = pair ? g[o + 9]! : 0, h4 = pair ? g[o + 10]! : 0, h5 = pair ? g[o + 11]! : 0;
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
}

/** A plain array of `length` doubles, all 0 (built from a double so V8 keeps it unboxed). */
export function doubles(length: number): number[] {
  const a: number[] = [];
  for (let j = 0; j < length; j++) a.push(0.5);
  return a.fill(0);
}
