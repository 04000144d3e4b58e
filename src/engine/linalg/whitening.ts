/**
 * ZCA whitening (Bell & Sejnowski 1997; as used by Coates & Ng 2011): a linear map that
 * makes the patches' covariance close to the identity while staying as near as possible
 * to the original pixels, so a whitened patch still looks like an image.
 */
import { symmetricEigen } from './symmetricEigen';

export interface Whitening {
  readonly dim: number;
  /** The data's mean, dim values. */
  readonly mean: Float64Array;
  /** W = V (Λ + eps)^(−½) Vᵀ, dim×dim, symmetric. A point x is whitened as W (x − mean). */
  readonly matrix: Float64Array;
}

/** Learns ZCA whitening from `count` rows of `dim` values. `eps` regularises small eigenvalues. */
export function zcaWhitening(rows: Float32Array, dim: number, eps: number): Whitening {
  const count = rows.length / dim;
  if (!Number.isInteger(count) || count < 2) throw new RangeError(`need at least 2 rows of ${dim} values`);
  const mean = new Float64Array(dim);
  for (let o = 0; o < rows.length; o += dim) for (let i = 0; i < dim; i++) mean[i]! += rows[o + i]!;
  for (let i = 0; i < dim; i++) mean[i]! /= count;
  const cov = new Float64Array(dim * dim);
  const centred = new Float64Array(dim);
  for (let o = 0; o < rows.length; o += dim) {
    for (let i = 0; i < dim; i++) centred[i] = rows[o + i]! - mean[i]!;
    for (let i = 0; i < dim; i++) {
      const ci = centred[i]!;
      if (ci === 0) continue;
      for (let j = i; j < dim; j++) cov[i * dim + j]! += ci * centred[j]!;
    }
  }
  for (let i = 0; i < dim; i++) {
    for (let j = i; j < dim; j++) {
      const v = cov[i * dim + j]! / (count - 1);
      cov[i * dim + j] = v;
      cov[j * dim + i] = v;
    }
  }
  const { values, vectors } = symmetricEigen(cov, dim);
  const matrix = new Float64Array(dim * dim);
  for (let e = 0; e < dim; e++) {
    const s = 1 / Math.sqrt(Math.max(0, values[e]!) + eps);
    for (let i = 0; i < dim; i++) {
      const vi = vectors[e * dim + i]! * s;
      if (vi === 0) continue;
      for (let j = 0; j < dim; j++) matrix[i * dim + j]! += vi * vectors[e * dim + j]!;
    }
  }
  return { dim, mean, matrix };
}
