import { describe, expect, it } from 'vitest';
import {
  firstLayerFeatures, hwcTensor, imagePatches, normalizePatches, randomFirstLayer, sphericalKMeans, windowCount, zcaWhitening,
  FIRST_LAYER_SHAPE, type FirstLayer,
} from '../../../../src/engine';
import { lcg } from '../reference';

/** Seeded uniforms in [0, 1). */
const testRandom = (seed: number) => {
  const r = lcg(seed);
  return () => r() + 0.5;
};

/** An H×W×3 image of seeded values in [0, 1]. */
function image(h: number, w: number, seed: number) {
  const rand = testRandom(seed);
  return hwcTensor(h, w, 3, Float32Array.from({ length: h * w * 3 }, () => rand()));
}

/** The value at (y, x, ch) with replicate padding, read the plainest way. */
const at = (img: ReturnType<typeof image>, y: number, x: number, ch: number) =>
  img.data[(Math.min(img.height - 1, Math.max(0, y)) * img.width + Math.min(img.width - 1, Math.max(0, x))) * 3 + ch]!;

describe('imagePatches(image, kernel, stride, pad)', () => {
  it('matches a direct read of every window, edges replicated, in (dy, dx, channel) order', () => {
    const img = image(13, 10, 1);
    const { patches, outHeight, outWidth } = imagePatches(img, 5, 3, 2);
    expect([outHeight, outWidth]).toEqual([windowCount(13, 5, 3, 2), windowCount(10, 5, 3, 2)]);
    expect([outHeight, outWidth]).toEqual([5, 4]);
    for (let r = 0; r < outHeight; r++) for (let c = 0; c < outWidth; c++) for (let dy = 0; dy < 5; dy++) for (let dx = 0; dx < 5; dx++) for (let ch = 0; ch < 3; ch++) {
      expect(patches[(((r * outWidth + c) * 5 + dy) * 5 + dx) * 3 + ch]).toBe(at(img, r * 3 - 2 + dy, c * 3 - 2 + dx, ch));
    }
  });

  it('gives 56×56 windows for a 224×224 photo with the app’s 8×8, stride 4, pad 2', () => {
    const { kernel, stride, pad } = FIRST_LAYER_SHAPE;
    expect(windowCount(224, kernel, stride, pad)).toBe(56);
  });
});

describe('normalizePatches(patches, dim, eps)', () => {
  it('leaves each row with mean 0 and variance var / (var + eps)', () => {
    const rand = testRandom(2);
    const rows = Float32Array.from({ length: 4 * 12 }, () => rand() * 3);
    const copy = Float64Array.from(rows);
    normalizePatches(rows, 12, 0.5);
    for (let r = 0; r < 4; r++) {
      const x = Array.from(copy.subarray(r * 12, r * 12 + 12));
      const m = x.reduce((a, b) => a + b) / 12;
      const v = x.reduce((a, b) => a + (b - m) ** 2, 0) / 12;
      const y = Array.from(rows.subarray(r * 12, r * 12 + 12));
      expect(y.reduce((a, b) => a + b) / 12).toBeCloseTo(0, 6);
      expect(y.reduce((a, b) => a + b * b, 0) / 12).toBeCloseTo(v / (v + 0.5), 5);
    }
  });
});

describe('zcaWhitening(rows, dim, eps)', () => {
  it('makes correlated data’s covariance the identity (eps → 0) and is symmetric', () => {
    const rand = testRandom(3);
    const n = 4000, dim = 5;
    const rows = new Float32Array(n * dim);
    for (let p = 0; p < n; p++) {
      const a = rand() - 0.5, b = rand() - 0.5, c = rand() - 0.5, d = rand() - 0.5, e = rand() - 0.5;
      // Strongly correlated dimensions with different scales and offsets.
      [a + 2, a + 0.1 * b, 3 * c - a, d + e, 0.5 * e + 1].forEach((v, i) => { rows[p * dim + i] = v; });
    }
    const { mean, matrix } = zcaWhitening(rows, dim, 1e-12);
    for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) expect(matrix[i * dim + j]).toBeCloseTo(matrix[j * dim + i]!, 9);
    const white = new Float64Array(n * dim);
    for (let p = 0; p < n; p++) for (let i = 0; i < dim; i++) {
      let s = 0;
      for (let j = 0; j < dim; j++) s += matrix[i * dim + j]! * (rows[p * dim + j]! - mean[j]!);
      white[p * dim + i] = s;
    }
    for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) {
      let s = 0;
      for (let p = 0; p < n; p++) s += white[p * dim + i]! * white[p * dim + j]!;
      expect(s / (n - 1)).toBeCloseTo(i === j ? 1 : 0, 4);
    }
  });
});

describe('sphericalKMeans(data, dim, options)', () => {
  // Three directions in 4-D, each point a noisy multiple of one of them (both signs).
  const dirs = [[1, 0, 0, 0], [0, 0.6, 0.8, 0], [0, 0, 0, 1]];
  const rand = testRandom(4);
  const sizes = [300, 200, 100];
  const points: number[] = [];
  sizes.forEach((count, d) => {
    for (let i = 0; i < count; i++) {
      const g = (0.5 + rand()) * (rand() < 0.5 ? -1 : 1);
      dirs[d]!.forEach((v) => points.push(g * v + (rand() - 0.5) * 0.05));
    }
  });
  const data = Float32Array.from(points);

  it('finds the three directions by |dot| (gain-shape), unit length, ordered by cluster size', () => {
    const { centroids, sizes: found } = sphericalKMeans(data, 4, { clusters: 3, iterations: 10, seed: 1, absolute: true });
    expect(Array.from(found)).toEqual(sizes);
    dirs.forEach((d, j) => {
      const c = Array.from(centroids.subarray(j * 4, j * 4 + 4));
      expect(Math.hypot(...c)).toBeCloseTo(1, 5);
      expect(Math.abs(c.reduce((s, v, i) => s + v * d[i]!, 0))).toBeGreaterThan(0.999);
    });
  });

  it('is deterministic for a seed', () => {
    const a = sphericalKMeans(data, 4, { clusters: 3, iterations: 4, seed: 9, absolute: false });
    const b = sphericalKMeans(data, 4, { clusters: 3, iterations: 4, seed: 9, absolute: false });
    expect(a.centroids).toEqual(b.centroids);
  });
});

describe('firstLayerFeatures(image, layer, channels)', () => {
  it('equals normalise → dot → polarity split with threshold, computed directly in float64', () => {
    const img = image(20, 16, 5);
    const layer: FirstLayer = { ...randomFirstLayer(3, 7), bias: Float32Array.from([0.3, -0.2, 0.1]) };
    const out = firstLayerFeatures(img, layer, 5);
    const { kernel: k, stride, pad, contrastEps, threshold } = layer;
    expect([out.height, out.width, out.channels]).toEqual([5, 4, 5]);
    let checked = 0;
    for (let r = 0; r < 5; r++) for (let c = 0; c < 4; c++) {
      const win: number[] = [];
      for (let dy = 0; dy < k; dy++) for (let dx = 0; dx < k; dx++) for (let ch = 0; ch < 3; ch++) win.push(at(img, r * stride - pad + dy, c * stride - pad + dx, ch));
      const m = win.reduce((a, b) => a + b) / win.length;
      const v = win.reduce((a, b) => a + (b - m) ** 2, 0) / win.length;
      const x = win.map((w) => (w - m) / Math.sqrt(v + contrastEps));
      for (let j = 0; j < 3; j++) {
        const f = x.reduce((s, xi, i) => s + xi * layer.filters[j * k * k * 3 + i]!, 0) + layer.bias[j]!;
        const want = [Math.max(0, f - threshold), Math.max(0, -f - threshold)];
        for (let s = 0; s < 2 && 2 * j + s < 5; s++) {
          expect(out.data[(r * 4 + c) * 5 + 2 * j + s]).toBeCloseTo(want[s]!, 4);
          checked++;
        }
      }
    }
    expect(checked).toBe(20 * 5);
  });
});
