import { describe, expect, it } from 'vitest';
import { quantileOf } from '../../../../src/engine/data/channelStats';
import { positiveQuantile } from '../../../../src/engine/data/inputSummary';

describe('positiveQuantile (the photo summary’s colour scale, issue #26)', () => {
  it('equals quantileOf(values, q, v => v) on random maps with zeros, negatives and infinities', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let t = 0; t < 100; t++) {
      const n = 1 + Math.floor(rand() * 3000);
      const v = Float32Array.from({ length: n }, () => (rand() < 0.3 ? 0 : rand() < 0.02 ? Infinity : rand() * 10 - 2));
      expect(positiveQuantile(v, 0.99)).toBe(quantileOf(v, 0.99, (x) => x));
    }
    expect(positiveQuantile(new Float32Array([0, -1, 0]), 0.99)).toBeNull();
    expect(positiveQuantile(Float32Array.from({ length: 100 }, (_, i) => i + 1), 0.5)).toBe(50.09765625);
  });
});
