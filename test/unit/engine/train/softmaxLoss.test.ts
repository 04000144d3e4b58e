import { describe, expect, it } from 'vitest';
import { paramCount, softmaxLoss, softmaxLossPlain, type TrainSet } from '../../../../src/engine/train';
import { mulberry32, normal } from '../../../../src/engine/core/random';

/** A random set: `pixels` rows of `channels` features (some pixels unpainted), labels 0…k−1. */
function randomSet(pixels: number, channels: number, k: number, seed: number): TrainSet {
  const rand = mulberry32(seed);
  const features = Float32Array.from({ length: (pixels + 3) * channels }, () => normal(rand));
  const idx = Int32Array.from({ length: pixels }, (_, i) => i + (i % 2));
  return { features, channels, pixels: idx, labels: Uint8Array.from({ length: pixels }, () => Math.floor(rand() * k)) };
}

function randomParams(size: number, seed: number, scale = 0.3): Float64Array {
  const rand = mulberry32(seed);
  return Float64Array.from({ length: size }, () => scale * normal(rand));
}

describe('softmax cross-entropy of a 1×1 layer', () => {
  for (const decay of [0, 0.05]) {
    it(`has the gradient of central finite differences (float64, decay ${decay})`, () => {
      const k = 4, d = 7;
      const set = randomSet(23, d, k, 3);
      const x = randomParams(paramCount(k, d), 4);
      const grad = new Float64Array(x.length), scratch = new Float64Array(x.length);
      softmaxLossPlain(set, k, decay, x, grad);
      const h = 1e-6;
      for (let i = 0; i < x.length; i++) {
        const xp = x.slice(), xm = x.slice();
        xp[i] = x[i]! + h; xm[i] = x[i]! - h;
        const fd = (softmaxLossPlain(set, k, decay, xp, scratch) - softmaxLossPlain(set, k, decay, xm, scratch)) / (2 * h);
        expect(Math.abs(fd - grad[i]!)).toBeLessThan(1e-7);
      }
    });
  }

  it('fast kernel agrees with the plain loop for every K (odd pixel counts too)', () => {
    for (const k of [1, 2, 3, 6]) {
      const d = 37;
      const set = randomSet(31, d, k, 10 + k);
      const x = randomParams(paramCount(k, d), 20 + k);
      const g1 = new Float64Array(x.length), g2 = new Float64Array(x.length);
      const l1 = softmaxLossPlain(set, k, 0.01, x, g1);
      const stats = { correct: 0 };
      const l2 = softmaxLoss(set, k, 0.01, x, g2, stats);
      expect(Math.abs(l1 - l2)).toBeLessThan(1e-12);
      for (let i = 0; i < x.length; i++) expect(Math.abs(g1[i]! - g2[i]!)).toBeLessThan(1e-12);
      expect(stats.correct).toBeGreaterThanOrEqual(0);
      expect(stats.correct).toBeLessThanOrEqual(31);
    }
  });

  it('loss is log K at zero weights, and the fast kernel counts correct pixels', () => {
    const set = randomSet(10, 5, 3, 1);
    const x = new Float64Array(paramCount(3, 5));
    expect(softmaxLoss(set, 3, 0, x, new Float64Array(x.length))).toBeCloseTo(Math.log(3), 12);
    // A bias that favours class 2 gets exactly the pixels painted 2 right.
    x[3 * 5 + 2] = 1;
    const stats = { correct: 0 };
    softmaxLoss(set, 3, 0, x, new Float64Array(x.length), stats);
    expect(stats.correct).toBe(set.labels.filter((l) => l === 2).length);
  });
});
