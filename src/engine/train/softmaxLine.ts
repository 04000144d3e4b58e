/**
 * The softmax cross-entropy of a linear classifier as a function of its scores, for a line
 * search that needs no pass over the features: the scores at x + t·d are Z + t·ΔZ, with Z the
 * scores at x and ΔZ = X·d those of the direction (one pass per line, not per trial).
 *
 * Scores are n×6 (six class slots per pixel; slots K…5 unused), bias included.
 */

/** The part of the loss that depends on the scores (no weight decay): (1/n) Σᵢ −log pᵢ(yᵢ) at Z + t·ΔZ. */
export function lineLoss(z: Float64Array, dz: Float64Array, t: number, labels: Uint8Array, k: number): number {
  const n = labels.length;
  if (n === 0) return 0;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const o = 6 * i;
    let m = -Infinity;
    for (let c = 0; c < k; c++) { const v = z[o + c]! + t * dz[o + c]!; if (v > m) m = v; }
    let s = 0;
    for (let c = 0; c < k; c++) s += Math.exp(z[o + c]! + t * dz[o + c]! - m);
    // −log p_y = log Σ exp(z − m) + m − z_y, exact even when p_y underflows.
    loss += Math.log(s) + m - (z[o + labels[i]!]! + t * dz[o + labels[i]!]!);
  }
  return loss / n;
}

/** Z ← Z + t·ΔZ (the step was taken), with the same rounding lineLoss used for it. */
export function moveScores(z: Float64Array, dz: Float64Array, t: number, count: number): void {
  for (let i = 0; i < count; i++) z[i] = z[i]! + t * dz[i]!;
}

/**
 * The gradient of the loss with respect to the scores at Z, (pᵢ − e_yᵢ)/n in g's slots 0…K−1
 * (0 beyond), its sum over pixels (the bias's gradient) added to `biasGrad`, and how many
 * pixels' most probable class is their own.
 */
export function scoreGradient(z: Float64Array, labels: Uint8Array, k: number, g: Float64Array, biasGrad: Float64Array): number {
  const n = labels.length;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    const o = 6 * i, y = labels[i]!;
    let m = -Infinity, best = 0;
    for (let c = 0; c < k; c++) if (z[o + c]! > m) { m = z[o + c]!; best = c; }
    if (best === y) correct++;
    let s = 0;
    for (let c = 0; c < k; c++) { const e = Math.exp(z[o + c]! - m); g[o + c] = e; s += e; }
    for (let c = 0; c < 6; c++) {
      const v = c < k ? (g[o + c]! / s - (c === y ? 1 : 0)) / n : 0;
      g[o + c] = v;
      if (c < k) biasGrad[c] = biasGrad[c]! + v;
    }
  }
  return correct;
}
