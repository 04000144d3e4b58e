import { describe, expect, it } from 'vitest';
import { packFeatures, packSet, paramCount, softmaxLoss, softmaxLossPacked, softmaxLossPlain, type LossStats, type TrainSet } from '../../../../src/engine/train';
import { mulberry32, normal } from '../../../../src/engine/core/random';

function randomSet(pixels: number, channels: number, k: number, seed: number): TrainSet {
  const rand = mulberry32(seed);
  const features = Float32Array.from({ length: (2 * pixels + 1) * channels }, () => normal(rand));
  // Every other map pixel painted, so the packed map's offsets differ from the gathered rows'.
  const idx = Int32Array.from({ length: pixels }, (_, i) => 2 * i + 1);
  return { features, channels, pixels: idx, labels: Uint8Array.from({ length: pixels }, () => Math.floor(rand() * k)) };
}

describe('the loss over packed features', () => {
  it('equals the fused kernel exactly, on a packed map and on gathered rows, for every K', () => {
    for (const k of [1, 2, 5, 6]) {
      for (const n of [1, 30, 31]) {
        const d = 19;
        const set = randomSet(n, d, k, 100 * k + n);
        const rand = mulberry32(k + n);
        const x = Float64Array.from({ length: paramCount(k, d) }, () => 0.3 * normal(rand));
        const want = new Float64Array(x.length), fromMap = new Float64Array(x.length), fromRows = new Float64Array(x.length);
        const s0: LossStats = { correct: -1 }, s1: LossStats = { correct: -1 }, s2: LossStats = { correct: -1 };
        const l0 = softmaxLoss(set, k, 0.02, x, want, s0);
        const l1 = softmaxLossPacked(packSet(set, packFeatures(set.features)), k, 0.02, x, fromMap, s1);
        const l2 = softmaxLossPacked(packSet(set), k, 0.02, x, fromRows, s2);
        expect(l1).toBe(l0);
        expect(l2).toBe(l0);
        expect(Array.from(fromMap)).toEqual(Array.from(want));
        expect(Array.from(fromRows)).toEqual(Array.from(want));
        expect(s1.correct).toBe(s0.correct);
        expect(s2.correct).toBe(s0.correct);
        // and the reference loop, to rounding
        expect(Math.abs(softmaxLossPlain(set, k, 0.02, x, new Float64Array(x.length)) - l0)).toBeLessThan(1e-12);
      }
    }
  });

  it('ignores a packed map of the wrong size (gathers the rows instead)', () => {
    const set = randomSet(5, 4, 2, 1);
    const p = packSet(set, [1, 2, 3]);
    expect(p.features.length).toBe(5 * 4);
    expect(Array.from(p.pixels)).toEqual([0, 1, 2, 3, 4]);
  });
});
