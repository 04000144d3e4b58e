import { describe, expect, it } from 'vitest';
import { generateLayerData, heNormal, mulberry32, syntheticActivations } from '../../../../src/engine';

describe('mulberry32(seed)', () => {
  it('is deterministic: seed 1 starts with the same numbers on every machine', () => {
    const r = mulberry32(1);
    // Pinned values: any change to the generator changes every saved link's data.
    expect([r(), r(), r()].map((v) => Math.round(v * 1e9))).toEqual(PINNED_MULBERRY_1);
  });
});

// The first three outputs for seed 1, pinned.
const PINNED_MULBERRY_1 = [627073941, 2735721, 527447040];

describe('heNormal(count, fanIn, seed)', () => {
  it('has mean ≈ 0 and variance ≈ 2/fanIn', () => {
    const w = heNormal(100_000, 512, 3);
    let s = 0, s2 = 0;
    for (const v of w) { s += v; s2 += v * v; }
    const mean = s / w.length, variance = s2 / w.length - mean * mean;
    expect(Math.abs(mean)).toBeLessThan(0.002);
    expect(variance).toBeGreaterThan((2 / 512) * 0.97);
    expect(variance).toBeLessThan((2 / 512) * 1.03);
  });
});

describe('syntheticActivations(h, w, c, seed)', () => {
  const x = syntheticActivations(56, 56, 64, 1);

  it('is non-negative and sparse: between 25 % and 75 % zeros', () => {
    let zeros = 0, negative = 0;
    for (const v of x.data) { if (v === 0) zeros++; if (v < 0) negative++; }
    expect(negative).toBe(0);
    expect(zeros / x.data.length).toBeGreaterThan(0.25);
    expect(zeros / x.data.length).toBeLessThan(0.75);
  });

  it('is smooth: neighbouring pixels differ far less than random pixels', () => {
    let near = 0, far = 0, n = 0;
    for (let r = 0; r < 55; r++) for (let c = 0; c < 55; c++) for (let ch = 0; ch < 64; ch += 7) {
      const v = x.data[(r * 56 + c) * 64 + ch]!;
      near += Math.abs(v - x.data[(r * 56 + c + 1) * 64 + ch]!);
      far += Math.abs(v - x.data[(((r * 17) % 56) * 56 + ((c * 29 + 11) % 56)) * 64 + ch]!);
      n++;
    }
    expect(near / n).toBeLessThan(0.25 * (far / n));
  });

  it('keeps the input and the first filters when only the number of filters changes', () => {
    const a = generateLayerData({ height: 4, width: 4, inChannels: 3, outChannels: 2 }, 9);
    const b = generateLayerData({ height: 4, width: 4, inChannels: 3, outChannels: 5 }, 9);
    expect(Array.from(a.input.data)).toEqual(Array.from(b.input.data));
    expect(Array.from(b.weights.data.subarray(0, 6))).toEqual(Array.from(a.weights.data));
    expect(a.input.data.some((v) => v > 0)).toBe(true);
  });
});
