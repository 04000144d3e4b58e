import { describe, expect, it } from 'vitest';
import { gemmABt, generateLayerData, pixelOutputs, pointwiseConv } from '../../../../src/engine';
import { TWO_LEVEL, useStrassen } from '../../../../src/engine/kernels/strassen';
import { lcg, maxError, randomArray, referencePointwise } from '../reference';

describe('two-level Strassen', () => {
  it('its 49 products of block sums add up to A·Bᵀ exactly on a 4×4 grid of integers', () => {
    const rand = lcg(3);
    const int = () => Math.round(rand() * 20);
    const a = Array.from({ length: 4 }, () => Array.from({ length: 4 }, int));
    const bt = Array.from({ length: 4 }, () => Array.from({ length: 4 }, int));
    const sum = (m: number[][], blocks: readonly number[]) => {
      let s = 0;
      for (let i = 0; i < blocks.length; i += 3) s += blocks[i + 2]! * m[blocks[i]!]![blocks[i + 1]!]!;
      return s;
    };
    const c = Array.from({ length: 4 }, () => new Array<number>(4).fill(0));
    for (const p of TWO_LEVEL) {
      const product = sum(a, p.a) * sum(bt, p.bt);
      for (let i = 0; i < p.c.length; i += 3) c[p.c[i]!]![p.c[i + 1]!]! += p.c[i + 2]! * product;
    }
    expect(TWO_LEVEL).toHaveLength(49);
    for (let r = 0; r < 4; r++) {
      for (let q = 0; q < 4; q++) {
        let want = 0;
        for (let p = 0; p < 4; p++) want += a[r]![p]! * bt[p]![q]!;
        expect(c[r]![q], `C[${r}][${q}]`).toBe(want);
      }
    }
  });

  it('matches the float64 reference when every block is ragged: rows, filters and depth past whole tiles and blocks', () => {
    // 203 rows from row 17 (blocks of 51, the last 50), 1401 filters (blocks of 351: two column
    // blocks of panels each), 1030 channels (blocks of 258: three depth blocks each, the last 256).
    const [rows, n, k, from] = [203, 1401, 1030, 17];
    expect(useStrassen(rows, n, k)).toBe(true);
    const rand = lcg(11);
    const a = randomArray((from + rows + 5) * k, rand);
    const b = randomArray(n * k, rand);
    const bias = randomArray(n, rand);
    const c = new Float32Array((from + rows + 5) * n).fill(NaN);
    gemmABt(a, b, c, n, k, from, from + rows, bias, true);
    const want = referencePointwise(a.subarray(from * k, (from + rows) * k), rows, k, b, n, bias, true);
    const { err, scale } = maxError(c.subarray(from * n, (from + rows) * n), want);
    expect(scale).toBeGreaterThan(1);
    expect(err).toBeLessThanOrEqual(1e-6 * scale);
    expect(Number.isNaN(c[from * n - 1])).toBe(true);
    expect(Number.isNaN(c[(from + rows) * n])).toBe(true);
  });

  it('gives the headline layer’s map as the per-pixel dot products do, bit for bit but for a handful of values one float32 step apart', () => {
    const { input, weights, bias } = generateLayerData({ height: 56, width: 56, inChannels: 512, outChannels: 1024 }, 1);
    expect(useStrassen(56 * 56, 1024, 512)).toBe(true);
    const layer = { weights, bias, relu: false };
    const full = pointwiseConv(input, layer).data;
    let differing = 0, compared = 0;
    for (let r = 0; r < 56; r += 2) {
      for (let col = (r / 2) % 2; col < 56; col += 2) {
        const px = pixelOutputs(input, layer, r, col);
        for (let f = 0; f < 1024; f++, compared++) {
          const got = full[(r * 56 + col) * 1024 + f]!, want = px[f]!;
          if (got === want) continue;
          differing++;
          const step = 2 ** (Math.floor(Math.log2(Math.abs(want))) - 23);
          expect(Math.abs(got - want), `(${r}, ${col}) filter ${f}`).toBeLessThanOrEqual(step);
        }
      }
    }
    expect(compared).toBe(784 * 1024);
    expect(differing).toBeLessThanOrEqual(8);
  });
});
