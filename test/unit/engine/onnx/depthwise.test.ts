import { describe, expect, it } from 'vitest';
import { depthwiseRows } from '../../../../src/engine/onnx/ops/depthwise';
import type { Window2d } from '../../../../src/engine/onnx/ops/geometry';
import { lcg, randomArray } from '../reference';

/** A plain float64 depthwise convolution (NHWC, channel multiplier cout / cin), clamped. */
function reference(x: Float32Array, w: Float32Array, bias: Float32Array | undefined, g: Window2d, cin: number, cout: number, lo: number, hi: number): Float64Array {
  const out = new Float64Array(g.oh * g.ow * cout), mult = cout / cin;
  for (let oy = 0; oy < g.oh; oy++) for (let ox = 0; ox < g.ow; ox++) for (let o = 0; o < cout; o++) {
    let s = bias ? bias[o]! : 0;
    for (let ky = 0; ky < g.kh; ky++) for (let kx = 0; kx < g.kw; kx++) {
      const iy = oy * g.sy - g.pt + ky * g.dy, ix = ox * g.sx - g.pl + kx * g.dx;
      if (iy >= 0 && iy < g.h && ix >= 0 && ix < g.w) s += x[(iy * g.w + ix) * cin + Math.floor(o / mult)]! * w[(o * g.kh + ky) * g.kw + kx]!;
    }
    out[(oy * g.ow + ox) * cout + o] = Math.min(Math.max(s, lo), hi);
  }
  return out;
}

function geometry(h: number, w: number, k: number, s: number, pads: [number, number, number, number], d = 1): Window2d {
  const [pt, pl, pb, pr] = pads;
  const size = (n: number, a: number, b: number) => Math.floor((n + a + b - ((k - 1) * d + 1)) / s) + 1;
  return { kh: k, kw: k, sy: s, sx: s, dy: d, dx: d, pt, pl, pb, pr, h, w, oh: size(h, pt, pb), ow: size(w, pl, pr) };
}

describe('depthwise convolution', () => {
  const cases: { name: string; g: Window2d; cin: number; cout?: number; lo?: number; hi?: number; bias?: boolean }[] = [
    { name: '3×3, stride 1, pads 1, ReLU6 (MobileNet)', g: geometry(9, 11, 3, 1, [1, 1, 1, 1]), cin: 24, lo: 0, hi: 6 },
    { name: '3×3, stride 2, pads 1, an odd width', g: geometry(10, 13, 3, 2, [1, 1, 1, 1]), cin: 16, lo: 0, hi: 6 },
    { name: '3×3, stride 2, SAME_UPPER pads (0, 0, 1, 1), no bias', g: geometry(8, 8, 3, 2, [0, 0, 1, 1]), cin: 5, bias: false },
    { name: '3×3, stride 1, no pads, one channel', g: geometry(6, 7, 3, 1, [0, 0, 0, 0]), cin: 1 },
    { name: '3×3, stride 3 (the general loop)', g: geometry(11, 11, 3, 3, [1, 1, 1, 1]), cin: 4, lo: 0 },
    { name: '5×5, stride 2, pads 2 (EfficientNet)', g: geometry(12, 9, 5, 2, [2, 2, 2, 2]), cin: 6 },
    { name: '3×3, dilation 2', g: geometry(9, 9, 3, 1, [2, 2, 2, 2], 2), cin: 3 },
    { name: 'a channel multiplier of 2', g: geometry(7, 7, 3, 1, [1, 1, 1, 1]), cin: 4, cout: 8 },
    { name: 'a map no wider than the window (no interior)', g: geometry(2, 2, 3, 1, [1, 1, 1, 1]), cin: 7 },
  ];
  for (const { name, g, cin, cout = cin, lo = -Infinity, hi = Infinity, bias: withBias = true } of cases) {
    it(`${name}: every output as a plain float64 loop, and any band of rows as the whole`, () => {
      const rand = lcg(g.h * 100 + cin);
      const x = randomArray(g.h * g.w * cin, rand).map((v) => v * 4);
      const weights = randomArray(cout * g.kh * g.kw, rand);
      const bias = withBias ? randomArray(cout, rand) : undefined;
      const layer = { geometry: g, inChannels: cin, outChannels: cout, weights, bias, lo, hi };
      const out = new Float32Array(g.oh * g.ow * cout).fill(NaN);
      depthwiseRows(x, layer, out, 0, g.oh);
      const want = reference(x, weights, bias, g, cin, cout, lo, hi);
      for (let i = 0; i < want.length; i++) expect(Math.abs(out[i]! - want[i]!), `output ${i}`).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(want[i]!)));
      const r0 = Math.floor(g.oh / 3), r1 = g.oh - 1;
      const band = new Float32Array((r1 - r0) * g.ow * cout);
      depthwiseRows(x, layer, band, r0, r1);
      expect(band).toEqual(out.subarray(r0 * g.ow * cout, r1 * g.ow * cout));
    });
  }
});
