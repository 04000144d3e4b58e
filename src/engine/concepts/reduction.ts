/**
 * Channel reduction, measured: how much of an input's variance k channels can keep.
 *
 * A 1×1 layer with k filters maps each pixel vector x (Cin values) to k numbers. The best a
 * linear 1×1 layer can do — the k filters whose outputs reconstruct the input with the least
 * squared error — are the top k principal components of the pixel vectors (PCA). Random
 * filters keep less; how much less is measured here by reconstructing the input from their
 * outputs as well as any linear map can (least squares).
 *
 * Pixels are the samples: X is (H·W) × Cin, centred by the per-channel mean (a 1×1 layer's
 * bias carries the mean). Variance is per-pixel mean of squares, summed over channels.
 */
import { symmetricEigen } from '../linalg/symmetricEigen';
import type { HwcTensor } from '../core/tensor';

/** The mean pixel vector and the Cin×Cin covariance of the pixel vectors (float64). */
export interface ChannelMoments {
  readonly channels: number;
  readonly mean: Float64Array;
  /** Cin×Cin row-major, divided by the number of pixels. */
  readonly covariance: Float64Array;
}

export function channelMoments(input: HwcTensor): ChannelMoments {
  const { height, width, channels: n, data } = input;
  const pixels = height * width;
  const mean = new Float64Array(n);
  for (let p = 0; p < pixels; p++) for (let i = 0; i < n; i++) mean[i] = mean[i]! + data[p * n + i]!;
  for (let i = 0; i < n; i++) mean[i] = mean[i]! / pixels;
  const cov = new Float64Array(n * n);
  const x = new Float64Array(n);
  for (let p = 0; p < pixels; p++) {
    for (let i = 0; i < n; i++) x[i] = data[p * n + i]! - mean[i]!;
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      if (xi === 0) continue;
      const row = i * n;
      for (let j = i; j < n; j++) cov[row + j] = cov[row + j]! + xi * x[j]!;
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const v = cov[i * n + j]! / pixels;
      cov[i * n + j] = v;
      cov[j * n + i] = v;
    }
  }
  return { channels: n, mean, covariance: cov };
}

/** Sum of the diagonal: the total variance. */
export function totalVariance(m: ChannelMoments): number {
  let t = 0;
  for (let i = 0; i < m.channels; i++) t += m.covariance[i * m.channels + i]!;
  return t;
}

/** PCA of the pixel vectors: components as 1×1 filters, largest variance first. */
export interface PcaResult {
  /** Variance along each component (eigenvalues of the covariance), descending. */
  readonly variances: Float64Array;
  /** Cin×Cin, one unit-length component per row: the filters of the best 1×1 reduction. */
  readonly components: Float64Array;
  /** kept[k−1]: fraction of the total variance kept by the first k components. */
  readonly kept: Float64Array;
}

export function pca(m: ChannelMoments): PcaResult {
  const { values, vectors } = symmetricEigen(m.covariance, m.channels);
  const total = totalVariance(m);
  const variances = values.map((v) => Math.max(0, v));
  const kept = new Float64Array(m.channels);
  let sum = 0;
  for (let k = 0; k < m.channels; k++) {
    sum += variances[k]!;
    kept[k] = total > 0 ? Math.min(1, sum / total) : 1;
  }
  return { variances, components: vectors, kept };
}

/**
 * Reconstruction by least squares from the outputs of k given filters (k×Cin, row-major,
 * float64): the basis U orthonormal in the covariance metric (uᵢᵀ C uⱼ = δᵢⱼ), one row per
 * filter kept, found by Gram–Schmidt in that metric. Filters whose outputs add nothing new
 * (linearly dependent on earlier ones) get a zero row.
 */
export interface FilterBasis {
  /** k×Cin, row j is uⱼ. */
  readonly basis: Float64Array;
  /** k×Cin, row j is C·uⱼ. */
  readonly covBasis: Float64Array;
  /** kept[k−1]: fraction of the total variance the first k filters' outputs can reconstruct. */
  readonly kept: Float64Array;
}

export function filterBasis(m: ChannelMoments, filters: ArrayLike<number>, k: number): FilterBasis {
  const n = m.channels, c = m.covariance;
  if (filters.length !== k * n) throw new RangeError(`expected ${k}×${n} filter weights, got ${filters.length}`);
  const basis = new Float64Array(k * n), covBasis = new Float64Array(k * n), kept = new Float64Array(k);
  const total = totalVariance(m);
  const u = new Float64Array(n), cu = new Float64Array(n);
  let sum = 0;
  const covTimes = (x: Float64Array, out: Float64Array) => {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += c[i * n + j]! * x[j]!;
      out[i] = s;
    }
  };
  for (let f = 0; f < k; f++) {
    for (let i = 0; i < n; i++) u[i] = filters[f * n + i]!;
    covTimes(u, cu);
    const norm0 = dot(u, cu, n);
    // Orthogonalise twice against the earlier basis (one pass loses accuracy).
    for (let pass = 0; pass < 2; pass++) {
      for (let j = 0; j < f; j++) {
        const coef = dotAt(covBasis, j * n, u, n);
        for (let i = 0; i < n; i++) {
          u[i] = u[i]! - coef * basis[j * n + i]!;
          cu[i] = cu[i]! - coef * covBasis[j * n + i]!;
        }
      }
    }
    const norm = dot(u, cu, n);
    if (norm > 1e-10 * Math.max(norm0, 1e-300) && norm > 0) {
      const s = 1 / Math.sqrt(norm);
      for (let i = 0; i < n; i++) {
        basis[f * n + i] = u[i]! * s;
        covBasis[f * n + i] = cu[i]! * s;
      }
      sum += dotAt(covBasis, f * n, covBasis.subarray(f * n, f * n + n), n);
    }
    kept[f] = total > 0 ? Math.min(1, sum / total) : 1;
  }
  return { basis, covBasis, kept };
}

function dot(a: Float64Array, b: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i]! * b[i]!;
  return s;
}

function dotAt(a: Float64Array, offset: number, b: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[offset + i]! * b[i]!;
  return s;
}

/** The PCA basis written as a FilterBasis (uⱼ = vⱼ/√λⱼ), so both reconstruct the same way. */
export function pcaBasis(result: PcaResult, k: number): FilterBasis {
  const n = result.variances.length;
  const basis = new Float64Array(k * n), covBasis = new Float64Array(k * n);
  for (let j = 0; j < k; j++) {
    const lambda = result.variances[j]!;
    if (lambda <= 0) continue;
    const s = 1 / Math.sqrt(lambda);
    for (let i = 0; i < n; i++) {
      const vi = result.components[j * n + i]!;
      basis[j * n + i] = vi * s;
      covBasis[j * n + i] = vi * lambda * s;
    }
  }
  return { basis, covBasis, kept: result.kept.slice(0, k) };
}

/**
 * Rebuilds the input from the outputs of the first k basis filters:
 * x̂ = mean + Σⱼ (uⱼ·(x − mean)) · C uⱼ, i.e. x̂_c = mean_c + Σᵢ (xᵢ − meanᵢ)·M[i][c] with
 * M = Σⱼ uⱼ (C uⱼ)ᵀ — a 1×1 layer itself. Returns an H×W×Cin float32 map (same layout as
 * `input`); only `channelsWanted` (default all) are filled, the others stay 0.
 */
export function reconstruct(input: HwcTensor, m: ChannelMoments, b: FilterBasis, k: number, channelsWanted?: readonly number[]): Float32Array {
  const { height, width, channels: n, data } = input;
  const pixels = height * width;
  const chans = channelsWanted ?? Array.from({ length: n }, (_, i) => i);
  // mix[q·n + i] = M[i][chans[q]]
  const mix = new Float64Array(chans.length * n);
  chans.forEach((ch, q) => {
    for (let j = 0; j < k; j++) {
      const w = b.covBasis[j * n + ch]!;
      if (w === 0) continue;
      for (let i = 0; i < n; i++) mix[q * n + i] = mix[q * n + i]! + b.basis[j * n + i]! * w;
    }
  });
  const out = new Float32Array(pixels * n);
  const x = new Float64Array(n);
  for (let p = 0; p < pixels; p++) {
    const off = p * n;
    for (let i = 0; i < n; i++) x[i] = data[off + i]! - m.mean[i]!;
    chans.forEach((ch, q) => {
      let v = m.mean[ch]!;
      for (let i = 0; i < n; i++) v += x[i]! * mix[q * n + i]!;
      out[off + ch] = v;
    });
  }
  return out;
}
