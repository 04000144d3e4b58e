import { describe, expect, it } from 'vitest';
import type { Window2d } from '../../../../src/engine/onnx/ops/geometry';
import { filterTransform, winogradFits, winogradRows } from '../../../../src/engine/onnx/ops/winograd';
import { createRuntime } from '../../../../src/engine/onnx/runtime';
import { lcg, randomArray } from '../reference';

/** A plain float64 3×3 convolution (NHWC, one group), clamped. */
function reference(x: Float32Array, w: Float32Array, bias: Float32Array | undefined, g: Window2d, cin: number, cout: number, lo: number, hi: number): Float64Array {
  const out = new Float64Array(g.oh * g.ow * cout);
  for (let oy = 0; oy < g.oh; oy++) for (let ox = 0; ox < g.ow; ox++) for (let o = 0; o < cout; o++) {
    let s = bias ? bias[o]! : 0;
    for (let i = 0; i < cin; i++) for (let ky = 0; ky < 3; ky++) for (let kx = 0; kx < 3; kx++) {
      const iy = oy - g.pt + ky, ix = ox - g.pl + kx;
      if (iy >= 0 && iy < g.h && ix >= 0 && ix < g.w) s += x[(iy * g.w + ix) * cin + i]! * w[((o * cin + i) * 3 + ky) * 3 + kx]!;
    }
    out[(oy * g.ow + ox) * cout + o] = Math.min(Math.max(s, lo), hi);
  }
  return out;
}

function geometry(h: number, w: number, [pt, pl, pb, pr]: [number, number, number, number]): Window2d {
  return { kh: 3, kw: 3, sy: 1, sx: 1, dy: 1, dx: 1, pt, pl, pb, pr, h, w, oh: h + pt + pb - 2, ow: w + pl + pr - 2 };
}

describe('a 3×3 convolution by Winograd’s F(2×2, 3×3)', () => {
  const cases: { name: string; g: Window2d; cin: number; cout: number; lo?: number; hi?: number; bias?: boolean }[] = [
    { name: 'pads 1 (ResNet), ReLU, even sizes', g: geometry(12, 10, [1, 1, 1, 1]), cin: 16, cout: 24, lo: 0 },
    { name: 'pads 1, odd sizes (a last tile row and column half outside)', g: geometry(9, 11, [1, 1, 1, 1]), cin: 17, cout: 20, lo: 0, hi: 6 },
    { name: 'no pads, no bias', g: geometry(10, 7, [0, 0, 0, 0]), cin: 19, cout: 16, bias: false },
    { name: 'uneven pads (0, 2, 1, 0), a clamp to [−0.5, 0.5]', g: geometry(8, 9, [0, 2, 1, 0]), cin: 16, cout: 17, lo: -0.5, hi: 0.5 },
  ];
  for (const { name, g, cin, cout, lo = -Infinity, hi = Infinity, bias: withBias = true } of cases) {
    it(`${name}: every output as a plain float64 loop, and any band of rows exactly as the whole`, () => {
      expect(winogradFits(g, 1, cin, cout)).toBe(true);
      const rand = lcg(g.h * 100 + cin);
      const x = randomArray(g.h * g.w * cin, rand).map((v) => v * 4);
      const weights = randomArray(cout * cin * 9, rand);
      const bias = withBias ? randomArray(cout, rand) : undefined;
      const row = g.ow * cout;
      const out = new Float32Array(g.oh * row).fill(NaN);
      winogradRows(x, g, weights, bias, cin, cout, out, 0, g.oh, lo, hi);
      const want = reference(x, weights, bias, g, cin, cout, lo, hi);
      for (let i = 0; i < want.length; i++) expect(Math.abs(out[i]! - want[i]!), `output ${i}`).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(want[i]!)));
      for (const [r0, r1] of [[1, g.oh], [1, 4], [2, 5], [g.oh - 1, g.oh], [3, 4]] as const) {
        const band = new Float32Array((r1 - r0) * row).fill(NaN);
        winogradRows(x, g, weights, bias, cin, cout, band, r0, r1, lo, hi);
        expect(band, `rows ${r0}–${r1}`).toEqual(out.subarray(r0 * row, r1 * row));
        // As a chain computes a band: from only the input rows it reads, its geometry's row 0
        // being row r0 of the map.
        const from = Math.max(0, r0 - g.pt), to = Math.min(g.h, r1 - g.pt + 2);
        const slab = { ...g, h: to - from, pt: g.pt + from - r0, oh: r1 - r0 };
        const fromSlab = new Float32Array((r1 - r0) * row).fill(NaN);
        winogradRows(x.slice(from * g.w * cin, to * g.w * cin), slab, weights, bias, cin, cout, fromSlab, 0, r1 - r0, lo, hi, r0);
        expect(fromSlab, `rows ${r0}–${r1} from input rows ${from}–${to}`).toEqual(band);
      }
    });
  }

  it('is taken for 3×3 convolutions with stride and dilation 1, one group, 16 channels or more and maps 4 wide or more', () => {
    const g = geometry(14, 14, [1, 1, 1, 1]);
    expect(winogradFits(g, 1, 64, 64)).toBe(true);
    expect(winogradFits({ ...g, sy: 2, sx: 2 }, 1, 64, 64)).toBe(false);
    expect(winogradFits({ ...g, dy: 2, dx: 2 }, 1, 64, 64)).toBe(false);
    expect(winogradFits({ ...g, kh: 5, kw: 5 }, 1, 64, 64)).toBe(false);
    expect(winogradFits(g, 2, 64, 64)).toBe(false);
    expect(winogradFits(g, 1, 8, 64)).toBe(false);
    expect(winogradFits({ ...g, ow: 3 }, 1, 64, 64)).toBe(false);
  });

  it('transforms each layer’s filters once while its runtime keeps them, and again after dispose() (another model) or in another runtime', () => {
    const w = randomArray(16 * 16 * 9, lcg(3));
    const rt = createRuntime();
    const first = filterTransform(w, 16, 16, rt);
    expect(filterTransform(w, 16, 16, rt)).toBe(first);
    expect(filterTransform(w, 16, 16, createRuntime())).not.toBe(first);
    rt.dispose();
    const again = filterTransform(w, 16, 16, rt);
    expect(again).not.toBe(first);
    expect(again.map((p) => p.source)).toEqual(first.map((p) => p.source));
    // U = G·g·Gᵀ: its corners are the filter's corners.
    expect([again[0]!.source[0], again[3]!.source[0], again[12]!.source[0], again[15]!.source[0]]).toEqual([w[0], w[2], w[6], w[8]]);
  });
});
