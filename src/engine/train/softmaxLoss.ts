/**
 * The loss a trained 1×1 layer minimises: softmax cross-entropy of its K class scores at the
 * painted pixels, plus L2 weight decay on the filters (not on the bias).
 *
 * A 1×1 convolution Cin → K with bias is a linear classifier applied at every pixel:
 * z = W·x + b with W K×Cin. With p = softmax(z) and painted class y,
 *   L(W, b) = (1/N) Σᵢ −log p_{yᵢ}(xᵢ) + (λ/2)·‖W‖²,
 *   ∂L/∂W = (1/N) Σᵢ (pᵢ − e_{yᵢ}) xᵢᵀ + λW,   ∂L/∂b = (1/N) Σᵢ (pᵢ − e_{yᵢ}).
 * The loss is convex in (W, b), so every sound optimizer finds the same minimum.
 *
 * Parameters are one Float64Array: W (K×Cin, row-major) then b (K).
 */

/** The most classes a layer may have (the painting tool offers 2–6). */
export const MAX_CLASSES = 6;

/** Painted pixels: rows of a feature map (pixels × channels, channels-last) with their classes. */
export interface TrainSet {
  /** pixels × channels, channels-last (an H×W×Cin map's data). */
  readonly features: Float32Array;
  readonly channels: number;
  /** The painted pixels' indices into `features` (pixel = row · width + col). */
  readonly pixels: Int32Array;
  /** Each painted pixel's class, 0…K−1. */
  readonly labels: Uint8Array;
}

export const paramCount = (classes: number, channels: number): number => classes * (channels + 1);

/**
 * The loss at `params`, with its gradient written to `grad` (same length): the reference
 * version, one pixel and one class at a time in float64. Tests and the benchmark's baseline.
 */
export function softmaxLossPlain(set: TrainSet, classes: number, decay: number, params: Float64Array, grad: Float64Array): number {
  const { features: x, channels: d, pixels, labels } = set;
  const n = pixels.length, k = classes;
  grad.fill(0);
  const z = new Float64Array(k);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const o = pixels[i]! * d;
    for (let c = 0; c < k; c++) {
      let s = params[k * d + c]!;
      for (let j = 0; j < d; j++) s += params[c * d + j]! * x[o + j]!;
      z[c] = s;
    }
    const zy = z[labels[i]!]!;
    const { max, sum } = softmaxInPlace(z);
    loss += Math.log(sum) + max - zy;
    for (let c = 0; c < k; c++) {
      const g = (z[c]! - (c === labels[i] ? 1 : 0)) / n;
      for (let j = 0; j < d; j++) grad[c * d + j] = grad[c * d + j]! + g * x[o + j]!;
      grad[k * d + c] = grad[k * d + c]! + g;
    }
  }
  if (n > 0) loss /= n;
  else grad.fill(0);
  return loss + addDecay(params, grad, k * d, decay);
}

/**
 * The same loss and gradient, fast: two pixels at a time against all (up to six) filters,
 * the forward and backward pass fused so each pixel's features are read from memory once
 * per evaluation. Sums are float64.
 */
export function softmaxLoss(set: TrainSet, classes: number, decay: number, params: Float64Array, grad: Float64Array, stats?: LossStats): number {
  const { features: x, channels: d, pixels, labels } = set;
  const n = pixels.length, k = classes;
  if (k < 1 || k > MAX_CLASSES) throw new RangeError(`classes must be 1…${MAX_CLASSES}`);
  // Six filter slots always (missing classes are zero filters whose scores are masked out):
  // one kernel for every K, with its sums in locals.
  const w = new Float64Array(MAX_CLASSES * d);
  w.set(params.subarray(0, k * d));
  const gw = new Float64Array(MAX_CLASSES * d);
  const bias = params.subarray(k * d, k * d + k);
  const za = new Float64Array(MAX_CLASSES), zb = new Float64Array(MAX_CLASSES);
  const d2 = 2 * d, d3 = 3 * d, d4 = 4 * d, d5 = 5 * d;
  let loss = 0, correct = 0;
  const gb = new Float64Array(k);
  for (let i = 0; i < n; i += 2) {
    const pair = i + 1 < n;
    const oa = pixels[i]! * d, ob = pair ? pixels[i + 1]! * d : oa;
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0;
    for (let j = 0; j < d; j++) {
      const xa = x[oa + j]!, xb = x[ob + j]!;
      let v = w[j]!; a0 += xa * v; b0 += xb * v;
      v = w[d + j]!; a1 += xa * v; b1 += xb * v;
      v = w[d2 + j]!; a2 += xa * v; b2 += xb * v;
      v = w[d3 + j]!; a3 += xa * v; b3 += xb * v;
      v = w[d4 + j]!; a4 += xa * v; b4 += xb * v;
      v = w[d5 + j]!; a5 += xa * v; b5 += xb * v;
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
      gw[j] = gw[j]! + g0 * xa + h0 * xb;
      gw[d + j] = gw[d + j]! + g1 * xa + h1 * xb;
      gw[d2 + j] = gw[d2 + j]! + g2 * xa + h2 * xb;
      gw[d3 + j] = gw[d3 + j]! + g3 * xa + h3 * xb;
      gw[d4 + j] = gw[d4 + j]! + g4 * xa + h4 * xb;
      gw[d5 + j] = gw[d5 + j]! + g5 * xa + h5 * xb;
    }
  }
  grad.set(gw.subarray(0, k * d));
  grad.set(gb, k * d);
  if (stats) stats.correct = correct;
  return loss + addDecay(params, grad, k * d, decay);
}

/** Filled by softmaxLoss: painted pixels whose most probable class is their own. */
export interface LossStats {
  correct: number;
}

/** The class with the largest score z + b (the most probable one). */
function predicted(z: Float64Array, bias: Float64Array, k: number): number {
  let best = 0;
  for (let c = 1; c < k; c++) if (z[c]! + bias[c]! > z[best]! + bias[best]!) best = c;
  return best;
}

/**
 * Turns one pixel's filter sums (`z`, six slots) into its share of the gradient of the scores,
 * (p − e_y)/n in slots 0…k−1 and 0 beyond, and returns its share of the loss, −log p_y / n.
 */
function classGradient(z: Float64Array, bias: Float64Array, k: number, label: number, n: number): number {
  for (let c = 0; c < k; c++) z[c] = z[c]! + bias[c]!;
  for (let c = k; c < MAX_CLASSES; c++) z[c] = 0;
  const zy = z[label]!;
  const { max, sum } = softmaxInPlace(z, k);
  for (let c = 0; c < k; c++) z[c] = (z[c]! - (c === label ? 1 : 0)) / n;
  // −log p_y = log Σ exp(z − m) + m − z_y, exact even when p_y underflows.
  return (Math.log(sum) + max - zy) / n;
}

/**
 * Softmax of the first `k` entries of `z`, in place. Returns m = max z and Σ exp(z − m), so
 * callers can form log-probabilities without underflow.
 */
export function softmaxInPlace(z: Float64Array | Float32Array, k = z.length): { max: number; sum: number } {
  let m = -Infinity;
  for (let c = 0; c < k; c++) if (z[c]! > m) m = z[c]!;
  let s = 0;
  for (let c = 0; c < k; c++) {
    const e = Math.exp(z[c]! - m);
    z[c] = e;
    s += e;
  }
  for (let c = 0; c < k; c++) z[c] = z[c]! / s;
  return { max: m, sum: s };
}

/** Adds λW to the filters' gradient and returns (λ/2)‖W‖². */
function addDecay(params: Float64Array, grad: Float64Array, filterValues: number, decay: number): number {
  if (decay === 0) return 0;
  let sq = 0;
  for (let j = 0; j < filterValues; j++) {
    const v = params[j]!;
    sq += v * v;
    grad[j] = grad[j]! + decay * v;
  }
  return 0.5 * decay * sq;
}
