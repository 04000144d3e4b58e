import { describe, expect, it } from 'vitest';
import { combineMaps, generateLayerData, mapCorrelation, partialMap, pointwiseConv, termMap } from '../../../../src/engine';

const shape = { height: 9, width: 7, inChannels: 24, outChannels: 5 };

describe('combineMaps: an output map as a weighted sum of whole input maps', () => {
  const d = generateLayerData(shape, 4);
  const layer = { weights: d.weights, bias: d.bias, relu: false };
  const conv = pointwiseConv(d.input, layer).data;
  it('all terms add up to the convolution’s map k (float64 vs the float32 kernels), for either order', () => {
    for (const order of ['contribution', 'index'] as const) {
      const c = combineMaps(d.input, layer, 3, order);
      const whole = partialMap(d.input, layer, c, shape.inChannels);
      for (let p = 0; p < 63; p++) {
        expect(whole[p]).toBeCloseTo(conv[p * 5 + 3]!, 5);
        expect(c.final[p]).toBeCloseTo(conv[p * 5 + 3]!, 5);
      }
      expect(c.relativeError[0]).toBe(1);
      expect(c.relativeError[shape.inChannels]).toBe(0);
    }
  });
  it('orders terms by contribution, and measures each partial sum with a plain float64 loop', () => {
    const c = combineMaps(d.input, layer, 1);
    for (let n = 1; n < c.contribution.length; n++) expect(c.contribution[n - 1]).toBeGreaterThanOrEqual(c.contribution[n]!);
    // Reference: the partial map by brute force, its distance to the whole over the terms' norm.
    const total = Math.hypot(...Array.from(c.final, (v) => v - c.bias));
    for (const n of [1, 5, 12, 23]) {
      const part = partialMap(d.input, layer, c, n);
      let e = 0;
      for (let p = 0; p < 63; p++) e += (c.final[p]! - part[p]!) ** 2;
      expect(c.relativeError[n]).toBeCloseTo(Math.sqrt(e) / total, 10);
    }
    // The first term is the largest single map w·x.
    const first = termMap(d.input, layer, 1, c.order[0]!);
    expect(Math.hypot(...first)).toBeCloseTo(c.contribution[0]!, 10);
    // Largest first explains more early than channel order does, on average over the sums.
    const byIndex = combineMaps(d.input, layer, 1, 'index');
    const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean(c.relativeError)).toBeLessThan(mean(byIndex.relativeError));
  });
  it('correlation is 1 for a map and its scaled copy, −1 for its negation, 0 against a constant', () => {
    const a = [1, 2, 3, 5], b = a.map((v) => 2 * v + 1), n = a.map((v) => -v);
    expect(mapCorrelation(a, b)).toBeCloseTo(1, 12);
    expect(mapCorrelation(a, n)).toBeCloseTo(-1, 12);
    expect(mapCorrelation(a, [4, 4, 4, 4])).toBe(0);
  });
  it('refuses a filter outside the layer', () => {
    expect(() => combineMaps(d.input, layer, 5)).toThrow(/filter 5/);
  });
});
