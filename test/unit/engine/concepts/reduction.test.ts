import { describe, expect, it } from 'vitest';
import {
  channelMoments, correlatedActivations, filterBasis, heNormal, hwcTensor, pca, pcaBasis, reconstruct,
  symmetricEigen, totalVariance,
} from '../../../../src/engine';
import { lcg, randomArray } from '../reference';

/** Covariance of the pixel vectors straight from the definition, in float64. */
function referenceCovariance(data: Float32Array, pixels: number, n: number): Float64Array {
  const mean = new Float64Array(n);
  for (let p = 0; p < pixels; p++) for (let i = 0; i < n; i++) mean[i]! += data[p * n + i]!;
  for (let i = 0; i < n; i++) mean[i]! /= pixels;
  const cov = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < pixels; p++) s += (data[p * n + i]! - mean[i]!) * (data[p * n + j]! - mean[j]!);
      cov[i * n + j] = s / pixels;
    }
  }
  return cov;
}

/** Top eigenpairs by power iteration with deflation: independent of the Householder/QL code. */
function powerIteration(a: Float64Array, n: number, count: number): { value: number; vector: Float64Array }[] {
  const m = Float64Array.from(a);
  const out: { value: number; vector: Float64Array }[] = [];
  for (let q = 0; q < count; q++) {
    let v = new Float64Array(n).map((_, i) => 1 + ((i * 7919 + q * 104729) % 13) / 13);
    let value = 0;
    for (let it = 0; it < 5000; it++) {
      const w = new Float64Array(n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) w[i]! += m[i * n + j]! * v[j]!;
      const norm = Math.hypot(...w);
      const next = w.map((x) => x / norm);
      const delta = Math.max(...next.map((x, i) => Math.abs(x - v[i]!)));
      v = next;
      value = norm;
      if (delta < 1e-13) break;
    }
    out.push({ value, vector: v });
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[i * n + j]! -= value * v[i]! * v[j]!;
  }
  return out;
}

describe('symmetricEigen', () => {
  it('satisfies A·v = λ·v with orthonormal vectors, largest λ first', () => {
    for (const n of [1, 2, 7, 40]) {
      const r = randomArray(n * n, lcg(n));
      const a = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = r[i * n + j]!;
      const { values, vectors } = symmetricEigen(a, n);
      for (let q = 0; q < n; q++) {
        if (q > 0) expect(values[q]!).toBeLessThanOrEqual(values[q - 1]!);
        for (let i = 0; i < n; i++) {
          let av = 0;
          for (let j = 0; j < n; j++) av += a[i * n + j]! * vectors[q * n + j]!;
          expect(Math.abs(av - values[q]! * vectors[q * n + i]!)).toBeLessThan(1e-12);
        }
        for (let p = 0; p < n; p++) {
          let d = 0;
          for (let i = 0; i < n; i++) d += vectors[q * n + i]! * vectors[p * n + i]!;
          expect(Math.abs(d - (p === q ? 1 : 0))).toBeLessThan(1e-12);
        }
      }
    }
  });
  it('refuses a matrix of the wrong size', () => {
    expect(() => symmetricEigen(new Float64Array(5), 2)).toThrow(RangeError);
  });
});

describe('channel reduction on correlated activations (16×16×30 from 6 features)', () => {
  const input = correlatedActivations(16, 16, 30, 6, 3);
  const n = 30, pixels = 256;
  const moments = channelMoments(input);
  const result = pca(moments);

  it('computes the covariance as the definition does', () => {
    const ref = referenceCovariance(input.data, pixels, n);
    for (let i = 0; i < n * n; i++) expect(moments.covariance[i]!).toBeCloseTo(ref[i]!, 10);
  });

  it('finds the same top components as power iteration on the float64 covariance', () => {
    const ref = powerIteration(referenceCovariance(input.data, pixels, n), n, 3);
    ref.forEach(({ value, vector }, q) => {
      expect(result.variances[q]! / value).toBeCloseTo(1, 8);
      let d = 0;
      for (let i = 0; i < n; i++) d += vector[i]! * result.components[q * n + i]!;
      expect(Math.abs(d)).toBeCloseTo(1, 6);
    });
  });

  it('keeps 100 % with all components, and the variance sums to the trace', () => {
    expect(result.kept[n - 1]).toBeCloseTo(1, 12);
    const sum = result.variances.reduce((a, b) => a + b, 0);
    expect(sum / totalVariance(moments)).toBeCloseTo(1, 10);
  });

  it('is the best reduction: random 1×1 filters never keep more, and their basis reproduces the PCA curve', () => {
    const random = filterBasis(moments, heNormal(n * n, n, 11), n);
    for (let k = 1; k <= n; k++) expect(random.kept[k - 1]!).toBeLessThanOrEqual(result.kept[k - 1]! + 1e-9);
    expect(random.kept[n - 1]).toBeCloseTo(1, 8);
    const viaFilters = filterBasis(moments, result.components, n);
    for (let k = 1; k <= n; k++) expect(viaFilters.kept[k - 1]).toBeCloseTo(result.kept[k - 1]!, 9);
    // Six features explain most of the thirty channels.
    expect(result.kept[5]!).toBeGreaterThan(0.9);
  });

  it('reconstructs the input exactly from all components, and with the measured error from k', () => {
    const full = reconstruct(input, moments, pcaBasis(result, n), n);
    for (let i = 0; i < input.data.length; i++) expect(full[i]!).toBeCloseTo(input.data[i]!, 4);
    const k = 3;
    const part = reconstruct(input, moments, pcaBasis(result, k), k);
    let err = 0;
    for (let i = 0; i < input.data.length; i++) err += (part[i]! - input.data[i]!) ** 2;
    expect(err / pixels / totalVariance(moments)).toBeCloseTo(1 - result.kept[k - 1]!, 5);
  });

  it('gives a dependent filter nothing: a repeated filter adds no kept variance', () => {
    const f = heNormal(n, n, 5);
    const twice = new Float32Array(2 * n);
    twice.set(f);
    twice.set(f, n);
    const b = filterBasis(moments, twice, 2);
    expect(b.kept[1]).toBeCloseTo(b.kept[0]!, 10);
  });

  it('handles a constant input (no variance) without dividing by zero', () => {
    const flat = hwcTensor(4, 4, 3, new Float32Array(48).fill(2));
    const r = pca(channelMoments(flat));
    expect(Array.from(r.kept)).toEqual([1, 1, 1]);
  });
});
