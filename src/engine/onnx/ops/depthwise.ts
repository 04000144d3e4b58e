/**
 * Depthwise convolution (one input channel per group) on NHWC maps. The 3×3 case with a
 * column stride of 1 or 2 — nearly every depthwise layer of MobileNet and EfficientNet —
 * slides a window of nine locals along each row, channel by channel, over the input or a
 * zero-bordered copy of the band it reads; other kernels take the general loop.
 */
import { relu6 } from '../../kernels/activate';
import { createRuntime, type Runtime } from '../runtime';
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

/** Output rows [r0, r1) into `out`, which holds just those rows (a zero-bordered copy of the band's input, when one is made, in `rt`'s scratch). */
export function depthwiseRows(x: Float32Array, layer: DepthwiseLayer, out: Float32Array, r0: number, r1: number, rt: Runtime = createRuntime()): void {
  const { geometry: g, inChannels: cin, outChannels: cout } = layer;
  const taps = g.kh * g.kw;
  // Taps first, channels inner: wr[t·Cout + o].
  const wr = new Float32Array(taps * cout);
  for (let o = 0; o < cout; o++) for (let t = 0; t < taps; t++) wr[t * cout + o] = layer.weights[o * taps + t]!;
  if (g.kh === 3 && g.kw === 3 && g.dy === 1 && g.dx === 1 && g.sx <= 2 && cin === cout) return rows3x3(x, layer, wr, out, r0, r1, rt);
  for (let oy = r0; oy < r1; oy++) for (let ox = 0; ox < g.ow; ox++) pixel(x, layer, wr, out, ((oy - r0) * g.ow + ox) * cout, oy, ox);
}

/**
 * The 3×3 path for output rows [r0, r1): every output through interior3x3 — on the input
 * itself when the band's windows lie inside it, otherwise on a copy of the rows and columns
 * they read with zeros where the pads are. A copy of the band's input costs far less than
 * its border pixels taken the general way (8× an interior pixel; a 14×14 map's border is a
 * quarter of it).
 */
function rows3x3(x: Float32Array, layer: DepthwiseLayer, wr: Float32Array, out: Float32Array, r0: number, r1: number, rt: Runtime): void {
  const { geometry: g, outChannels: c, bias } = layer;
  const lo = layer.lo ?? -Infinity, hi = layer.hi ?? Infinity;
  // Input rows [top, top + rows) and columns [−pl, −pl + cols) hold every window of the band.
  const top = r0 * g.sy - g.pt, rows = (r1 - 1 - r0) * g.sy + 3, cols = (g.ow - 1) * g.sx + 3;
  const inside = top >= 0 && top + rows <= g.h && g.pl === 0 && cols <= g.w;
  const src = inside ? x : paddedBand(x, g, c, top, rows, cols, rt), width = inside ? g.w : cols;
  // Output row oy's windows start at input row oy·sy + y0 of `src`.
  const y0 = -g.pt - (inside ? 0 : top);
  for (let oy = r0; oy < r1; oy++) {
    const base = (oy - r0) * g.ow * c, iy = oy * g.sy + y0;
    if (g.sy === 1 && g.sx === 1 && oy + 1 < r1) {
      pair3x3(src, wr, bias, out, base, iy, g.ow, width, c, lo, hi);
      oy++;
    } else interior3x3(src, wr, bias, out, base, iy, g.ow, g.sx, width, c, lo, hi);
  }
}

/** Input rows [top, top + rows), columns [−pl, −pl + cols) of `x` with zeros outside the map (in `rt`'s scratch when it fits its budget). */
function paddedBand(x: Float32Array, g: Window2d, c: number, top: number, rows: number, cols: number, rt: Runtime): Float32Array {
  // Every value of the copy is written below (the map's, or a zero).
  const band = rt.scratch('band', rows * cols * c);
  // Columns of the map inside the copy: [c0, c1) of the input, from column c0 + pl of the copy.
  const c0 = Math.max(0, -g.pl), c1 = Math.min(g.w, cols - g.pl), row = cols * c;
  for (let r = 0; r < rows; r++) {
    const iy = top + r, at = r * row;
    if (iy < 0 || iy >= g.h || c1 <= c0) {
      band.fill(0, at, at + row);
      continue;
    }
    band.fill(0, at, at + (c0 + g.pl) * c);
    band.set(x.subarray((iy * g.w + c0) * c, (iy * g.w + c1) * c), at + (c0 + g.pl) * c);
    band.fill(0, at + (c1 + g.pl) * c, at + row);
  }
  return band;
}

/**
 * The n pixels of one output row, its 3×3 windows starting at row iy, column 0 of `x` (w
 * columns wide), for a column stride of 1 or 2. Channel by channel, its nine weights held in
 * locals, the window slides along the row: a stride of 1 loads one new column of three values
 * per pixel (not nine), a stride of 2 two columns. Twice as fast as all channels per pixel; a
 * ReLU's clamp is relu6 (no branch on the sign, which mispredicts half the time). Integer
 * arguments are truncated on entry: a shape that reached here as a double would otherwise
 * turn every index into float arithmetic (2.5× slower in the model's run).
 */
function interior3x3(x: Float32Array, wr: Float32Array, bias: Float32Array | undefined, out: Float32Array, base: number, iy: number, n: number, sx: number, w: number, c: number, lo: number, hi: number): void {
  base |= 0; iy |= 0; n |= 0; sx |= 0; w |= 0; c |= 0;
  const relu = lo === 0, wc = w * c, wc2 = 2 * wc, c2 = 2 * c, start = iy * wc;
  for (let k = 0; k < c; k++) {
    const w0 = wr[k]!, w1 = wr[c + k]!, w2 = wr[c2 + k]!, w3 = wr[3 * c + k]!, w4 = wr[4 * c + k]!, w5 = wr[5 * c + k]!;
    const w6 = wr[6 * c + k]!, w7 = wr[7 * c + k]!, w8 = wr[8 * c + k]!, b = bias ? bias[k]! : 0;
    let p = start + k, o = base + k;
    // The window's left column (rows a, m, z), then its middle one for a stride of 1.
    let a0 = x[p]!, m0 = x[p + wc]!, z0 = x[p + wc2]!;
    if (sx === 1) {
      let a1 = x[p + c]!, m1 = x[p + wc + c]!, z1 = x[p + wc2 + c]!;
      for (let i = 0; i < n; i++, p += c, o += c) {
        const q = p + c2, a2 = x[q]!, m2 = x[q + wc]!, z2 = x[q + wc2]!;
        const v = b + a0 * w0 + a1 * w1 + a2 * w2 + m0 * w3 + m1 * w4 + m2 * w5 + z0 * w6 + z1 * w7 + z2 * w8;
        out[o] = relu ? relu6(v, hi) : Math.min(Math.max(v, lo), hi);
        a0 = a1; a1 = a2; m0 = m1; m1 = m2; z0 = z1; z1 = z2;
      }
    } else {
      for (let i = 0; i < n; i++, p += c2, o += c) {
        const q = p + c, a1 = x[q]!, m1 = x[q + wc]!, z1 = x[q + wc2]!, a2 = x[q + c]!, m2 = x[q + wc + c]!, z2 = x[q + wc2 + c]!;
        const v = b + a0 * w0 + a1 * w1 + a2 * w2 + m0 * w3 + m1 * w4 + m2 * w5 + z0 * w6 + z1 * w7 + z2 * w8;
        out[o] = relu ? relu6(v, hi) : Math.min(Math.max(v, lo), hi);
        a0 = a2; m0 = m2; z0 = z2;
      }
    }
  }
}

/**
 * Two output rows at once for strides of 1 (rows iy…iy + 3 of `x`): they share two of their
 * three input rows, so a step loads four values for two outputs instead of six (1.2× one row
 * at a time). The second row's outputs go ow·c after the first's.
 */
function pair3x3(x: Float32Array, wr: Float32Array, bias: Float32Array | undefined, out: Float32Array, base: number, iy: number, n: number, w: number, c: number, lo: number, hi: number): void {
  base |= 0; iy |= 0; n |= 0; w |= 0; c |= 0;
  const relu = lo === 0, wc = w * c, wc2 = 2 * wc, wc3 = 3 * wc, c2 = 2 * c, next = n * c, start = iy * wc;
  for (let k = 0; k < c; k++) {
    const w0 = wr[k]!, w1 = wr[c + k]!, w2 = wr[c2 + k]!, w3 = wr[3 * c + k]!, w4 = wr[4 * c + k]!, w5 = wr[5 * c + k]!;
    const w6 = wr[6 * c + k]!, w7 = wr[7 * c + k]!, w8 = wr[8 * c + k]!, b = bias ? bias[k]! : 0;
    let p = start + k, o = base + k;
    // Columns 0 and 1 of the four rows a, m, z, d (the first output reads a–z, the second m–d).
    let a0 = x[p]!, m0 = x[p + wc]!, z0 = x[p + wc2]!, d0 = x[p + wc3]!;
    let a1 = x[p + c]!, m1 = x[p + wc + c]!, z1 = x[p + wc2 + c]!, d1 = x[p + wc3 + c]!;
    for (let i = 0; i < n; i++, p += c, o += c) {
      const q = p + c2, a2 = x[q]!, m2 = x[q + wc]!, z2 = x[q + wc2]!, d2 = x[q + wc3]!;
      const v = b + a0 * w0 + a1 * w1 + a2 * w2 + m0 * w3 + m1 * w4 + m2 * w5 + z0 * w6 + z1 * w7 + z2 * w8;
      const u = b + m0 * w0 + m1 * w1 + m2 * w2 + z0 * w3 + z1 * w4 + z2 * w5 + d0 * w6 + d1 * w7 + d2 * w8;
      out[o] = relu ? relu6(v, hi) : Math.min(Math.max(v, lo), hi);
      out[o + next] = relu ? relu6(u, hi) : Math.min(Math.max(u, lo), hi);
      a0 = a1; a1 = a2; m0 = m1; m1 = m2; z0 = z1; z1 = z2; d0 = d1; d1 = d2;
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
