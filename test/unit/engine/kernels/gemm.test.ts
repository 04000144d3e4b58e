import { describe, expect, it } from 'vitest';
import { gemmABt } from '../../../../src/engine';
import { KC } from '../../../../src/engine/kernels/gemmKernel';
import { lcg, maxError, randomArray, referencePointwise } from '../reference';

describe('the shallow product (depth ≤ KC, or filters that fit in L2)', () => {
  // Odd row counts from an offset row, filter counts past whole 3-wide panels (n % 3 = 1, 2, 0),
  // depths from 1 to KC and past it, with and without a bias, no activation, ReLU and ReLU6.
  const cases = [
    { rows: 7, n: 5, k: 1, from: 3, bias: true, cap: undefined },
    { rows: 33, n: 16, k: 3, from: 0, bias: false, cap: Infinity },
    { rows: 101, n: 96, k: 16, from: 11, bias: true, cap: 6 },
    { rows: 64, n: 145, k: 27, from: 1, bias: false, cap: 6 },
    { rows: 19, n: 64, k: KC, from: 5, bias: true, cap: Infinity },
    { rows: 21, n: 40, k: 300, from: 2, bias: true, cap: 6 },
    { rows: 9, n: 23, k: 1000, from: 0, bias: false, cap: undefined },
  ] as const;
  for (const { rows, n, k, from, bias: withBias, cap } of cases) {
    const act = cap === undefined ? 'no activation' : cap === Infinity ? 'ReLU' : `ReLU capped at ${cap}`;
    it(`${rows} rows from row ${from}, ${n} filters, depth ${k}, ${withBias ? 'a bias' : 'no bias'}, ${act}: the float64 reference, nothing else written`, () => {
      const rand = lcg(rows * 1000 + k);
      const a = randomArray((from + rows + 2) * k, rand).map((v) => v * 10);
      const b = randomArray(n * k, rand);
      const bias = withBias ? randomArray(n, rand) : undefined;
      const c = new Float32Array((from + rows + 2) * n).fill(NaN);
      gemmABt(a, b, c, n, k, from, from + rows, bias, cap !== undefined, cap);
      const want = referencePointwise(a.subarray(from * k, (from + rows) * k), rows, k, b, n, bias, cap !== undefined).map((v) => Math.min(v, cap ?? Infinity));
      const got = c.subarray(from * n, (from + rows) * n);
      const { err, scale } = maxError(got, want);
      expect(scale).toBeGreaterThan(0.5);
      expect(err).toBeLessThanOrEqual(1e-6 * scale);
      if (cap !== undefined) expect(Math.min(...got)).toBe(0);
      if (cap === 6) expect(Math.max(...got)).toBe(6);
      expect(c.subarray(0, from * n).every(Number.isNaN)).toBe(true);
      expect(c.subarray((from + rows) * n).every(Number.isNaN)).toBe(true);
    });
  }
});
