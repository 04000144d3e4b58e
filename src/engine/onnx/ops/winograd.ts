/**
 * A 3×3 convolution with stride 1 by Winograd's minimal filtering F(2×2, 3×3) (Lavin & Gray,
 * "Fast Algorithms for Convolutional Neural Networks", 2016): each 2×2 block of outputs is
 * Aᵀ·[(G·g·Gᵀ) ⊙ (Bᵀ·d·B)]·A over the 4×4 input tile d around it, so the products over the
 * input channels become 16 matrix products (one per position of the 4×4 tile) with 16
 * multiply-adds per block and channel pair instead of 36. The transforms are additions (and
 * halvings of the filters); the products are the engine's GEMM. ResNet's 3×3 layers and every
 * VGG-like one are of this kind.
 *
 * Layout, for a band of T tiles (2×2 output blocks): V[ξ][t][i] (16 × T × Cin), the
 * transformed inputs; U[ξ] (Cout × Cin), the transformed filters (kept with the weights);
 * M[ξ][t][o] = Σᵢ V[ξ][t][i]·U[ξ][o][i] (16 × T × Cout), turned back into outputs.
 */
import { relu6 } from '../../kernels/activate';
import { gemmABt, packB, type PackedB } from '../../kernels/gemm';
import { createRuntime, type Runtime } from '../runtime';
import type { Window2d } from './geometry';

/** Values of V (16 per tile and input channel) per pass: 2 MB, so a pass's tiles stay in the caches between the transforms and the products. */
const TILE_VALUES = 1 << 19;

/** A layer F(2×2, 3×3) computes: 3×3, stride and dilation 1, one group, enough channels for the products to pay. */
export function winogradFits(g: Window2d, groups: number, cin: number, cout: number): boolean {
  return g.kh === 3 && g.kw === 3 && g.sy === 1 && g.sx === 1 && g.dy === 1 && g.dx === 1 && groups === 1
    && cin >= MIN_CHANNELS && cout >= MIN_CHANNELS && g.ow >= MIN_WIDTH;
}
const MIN_CHANNELS = 16;
const MIN_WIDTH = 4;

/**
 * U[ξ] = G·g·Gᵀ for each filter pair (o, i), G = [[1, 0, 0], [½, ½, ½], [½, −½, ½], [0, 0, 1]]:
 * 16 matrices of Cout × Cin, each wrapped for the GEMM. Made once per layer's weights and
 * kept in `rt` (packed for the GEMM on first use) while its budget allows.
 */
export function filterTransform(weights: Float32Array, cout: number, cin: number, rt: Runtime = createRuntime()): PackedB[] {
  const kept = rt.transformed.get(weights);
  if (kept) return kept;
  const u = Array.from({ length: 16 }, () => new Float32Array(cout * cin));
  const t = new Float64Array(12);
  for (let o = 0; o < cout; o++) {
    for (let i = 0; i < cin; i++) {
      const g = (o * cin + i) * 9;
      // G·g: 4 rows × 3 columns.
      for (let c = 0; c < 3; c++) {
        const g0 = weights[g + c]!, g1 = weights[g + 3 + c]!, g2 = weights[g + 6 + c]!;
        t[c] = g0; t[3 + c] = 0.5 * (g0 + g1 + g2); t[6 + c] = 0.5 * (g0 - g1 + g2); t[9 + c] = g2;
      }
      // (G·g)·Gᵀ: 4 × 4.
      const at = o * cin + i;
      for (let r = 0; r < 4; r++) {
        const a = t[3 * r]!, b = t[3 * r + 1]!, c = t[3 * r + 2]!;
        u[4 * r]![at] = a;
        u[4 * r + 1]![at] = 0.5 * (a + b + c);
        u[4 * r + 2]![at] = 0.5 * (a - b + c);
        u[4 * r + 3]![at] = c;
      }
    }
  }
  const packed = u.map((m) => packB(m, cout, cin));
  // Each kept matrix is held as floats and, once packed, as doubles: 12 bytes a value.
  rt.transformed.keep(weights, packed, 12 * 16 * cout * cin);
  return packed;
}

/**
 * Output rows [r0, r1) of the convolution of an H×W×Cin map (NHWC) into `out` (just those
 * rows), with the bias and a clamp to [lo, hi]. Tiles start at even rows of the whole map,
 * whose row `firstRow` is row 0 here (a band of a chain, chain.ts), so any band gives the
 * same numbers as the whole map: a tile's output row reads only the input rows its window
 * covers, and the row of a tile outside the band (computed and dropped) reads nothing that
 * the kept row needs. Rows and columns past the map are dropped too. The passes' working
 * arrays V and M are `rt`'s scratch (every value a pass reads, it wrote).
 */
export function winogradRows(
  x: Float32Array, g: Window2d, weights: Float32Array, bias: Float32Array | undefined, cin: number, cout: number,
  out: Float32Array, r0: number, r1: number, lo: number, hi: number, firstRow = 0, rt: Runtime = createRuntime(),
): void {
  const u = filterTransform(weights, cout, cin, rt);
  const start = r0 - ((firstRow + r0) & 1);
  const tilesX = Math.ceil(g.ow / 2), tileRows = Math.ceil((r1 - start) / 2);
  const perPass = Math.max(1, Math.floor(TILE_VALUES / (16 * tilesX * Math.max(cin, cout))));
  const most = Math.min(perPass, tileRows) * tilesX;
  const vs = rt.scratch('tilesIn', 16 * most * cin), ms = rt.scratch('tilesOut', 16 * most * cout);
  for (let ty = 0; ty < tileRows; ty += perPass) {
    const rows = Math.min(perPass, tileRows - ty), tiles = rows * tilesX;
    const oy0 = start + 2 * ty;
    inputTransform(x, g, cin, oy0, rows, tilesX, vs);
    for (let xi = 0; xi < 16; xi++) {
      gemmABt(vs.subarray(xi * tiles * cin, (xi + 1) * tiles * cin), u[xi]!, ms.subarray(xi * tiles * cout, (xi + 1) * tiles * cout), cout, cin, 0, tiles, undefined, false);
    }
    outputTransform(ms, tiles, tilesX, cout, bias, out, g.ow, oy0 - r0, r1 - r0, lo, hi);
  }
}

/**
 * V[ξ][t][i] = (Bᵀ·d·B)[ξ] for the tiles of `rows` tile rows from output row oy0, with
 * Bᵀ = [[1, 0, −1, 0], [0, 1, 1, 0], [0, −1, 1, 0], [0, 1, 0, −1]]; d is the 4×4 input
 * window from row oy0 + 2·ty − pt, column 2·tx − pl, zeros outside the map.
 */
function inputTransform(x: Float32Array, g: Window2d, cin: number, oy0: number, rows: number, tilesX: number, v: Float32Array): void {
  const tiles = rows * tilesX, plane = tiles * cin;
  // The window's 16 pixel offsets (−1 outside the map), row by row.
  const at = new Int32Array(16);
  for (let ty = 0; ty < rows; ty++) {
    for (let tx = 0; tx < tilesX; tx++) {
      const iy0 = oy0 + 2 * ty - g.pt, ix0 = 2 * tx - g.pl;
      const o = (ty * tilesX + tx) * cin;
      if (iy0 >= 0 && iy0 + 4 <= g.h && ix0 >= 0 && ix0 + 4 <= g.w) {
        tileInside(x, (iy0 * g.w + ix0) * cin, g.w * cin, cin, v, o, plane);
        continue;
      }
      for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) {
        const iy = iy0 + r, ix = ix0 + c;
        at[4 * r + c] = iy >= 0 && iy < g.h && ix >= 0 && ix < g.w ? (iy * g.w + ix) * cin : -1;
      }
      tileAt(x, at, cin, v, o, plane);
    }
  }
}

/** One tile's 16 planes for every channel, its window inside the map from pixel offset `p` (rows `row` apart). */
function tileInside(x: Float32Array, p: number, row: number, cin: number, v: Float32Array, o: number, plane: number): void {
  p |= 0; row |= 0; cin |= 0; o |= 0; plane |= 0;
  const p1 = p + row, p2 = p1 + row, p3 = p2 + row, c2 = 2 * cin, c3 = 3 * cin;
  for (let i = 0; i < cin; i++) {
    const d00 = x[p + i]!, d01 = x[p + cin + i]!, d02 = x[p + c2 + i]!, d03 = x[p + c3 + i]!;
    const d10 = x[p1 + i]!, d11 = x[p1 + cin + i]!, d12 = x[p1 + c2 + i]!, d13 = x[p1 + c3 + i]!;
    const d20 = x[p2 + i]!, d21 = x[p2 + cin + i]!, d22 = x[p2 + c2 + i]!, d23 = x[p2 + c3 + i]!;
    const d30 = x[p3 + i]!, d31 = x[p3 + cin + i]!, d32 = x[p3 + c2 + i]!, d33 = x[p3 + c3 + i]!;
    transformTile(d00, d01, d02, d03, d10, d11, d12, d13, d20, d21, d22, d23, d30, d31, d32, d33, v, o + i, plane);
  }
}

/** One tile's 16 planes for every channel, zeros where its window leaves the map. */
function tileAt(x: Float32Array, at: Int32Array, cin: number, v: Float32Array, o: number, plane: number): void {
  const get = (p: number, i: number) => { const a = at[p]!; return a >= 0 ? x[a + i]! : 0; };
  for (let i = 0; i < cin; i++) {
    transformTile(get(0, i), get(1, i), get(2, i), get(3, i), get(4, i), get(5, i), get(6, i), get(7, i),
      get(8, i), get(9, i), get(10, i), get(11, i), get(12, i), get(13, i), get(14, i), get(15, i), v, o + i, plane);
  }
}

/** Bᵀ·d·B of one channel's window (d rc: row r, column c) into v[ξ·plane + o]. */
function transformTile(
  d00: number, d01: number, d02: number, d03: number, d10: number, d11: number, d12: number, d13: number,
  d20: number, d21: number, d22: number, d23: number, d30: number, d31: number, d32: number, d33: number,
  v: Float32Array, o: number, plane: number,
): void {
  // Rows: Bᵀ·d.
  const a0 = d00 - d20, a1 = d01 - d21, a2 = d02 - d22, a3 = d03 - d23;
  const b0 = d10 + d20, b1 = d11 + d21, b2 = d12 + d22, b3 = d13 + d23;
  const e0 = d20 - d10, e1 = d21 - d11, e2 = d22 - d12, e3 = d23 - d13;
  const f0 = d10 - d30, f1 = d11 - d31, f2 = d12 - d32, f3 = d13 - d33;
  // Columns: ·B.
  v[o] = a0 - a2; v[plane + o] = a1 + a2; v[2 * plane + o] = a2 - a1; v[3 * plane + o] = a1 - a3;
  v[4 * plane + o] = b0 - b2; v[5 * plane + o] = b1 + b2; v[6 * plane + o] = b2 - b1; v[7 * plane + o] = b1 - b3;
  v[8 * plane + o] = e0 - e2; v[9 * plane + o] = e1 + e2; v[10 * plane + o] = e2 - e1; v[11 * plane + o] = e1 - e3;
  v[12 * plane + o] = f0 - f2; v[13 * plane + o] = f1 + f2; v[14 * plane + o] = f2 - f1; v[15 * plane + o] = f1 - f3;
}

/**
 * Y = Aᵀ·M·A for each tile and output channel, Aᵀ = [[1, 1, 1, 0], [0, 1, −1, −1]], plus the
 * bias and the clamp, into band rows [0, rows) (tile row 0 is band row `row0`, which may be
 * −1) and columns below `ow`.
 */
function outputTransform(m: Float32Array, tiles: number, tilesX: number, cout: number, bias: Float32Array | undefined, out: Float32Array, ow: number, row0: number, rows: number, lo: number, hi: number): void {
  const plane = tiles * cout, relu = lo === 0;
  const s = new Float64Array(8);
  for (let t = 0; t < tiles; t++) {
    const ty = Math.floor(t / tilesX), tx = t - ty * tilesX;
    const y = row0 + 2 * ty, xx = 2 * tx;
    const r0 = y < 0 ? 1 : 0, r1 = y + 1 < rows ? 2 : 1, wide = xx + 1 < ow;
    for (let o = 0; o < cout; o++) {
      const q = t * cout + o, b = bias ? bias[o]! : 0;
      // Rows: Aᵀ·M (2 × 4).
      for (let c = 0; c < 4; c++) {
        const m0 = m[c * plane + q]!, m1 = m[(4 + c) * plane + q]!, m2 = m[(8 + c) * plane + q]!, m3 = m[(12 + c) * plane + q]!;
        s[c] = m0 + m1 + m2;
        s[4 + c] = m1 - m2 - m3;
      }
      for (let r = r0; r < r1; r++) {
        const a = s[4 * r]!, bb = s[4 * r + 1]!, c = s[4 * r + 2]!, d = s[4 * r + 3]!;
        const at = ((y + r) * ow + xx) * cout + o;
        const v0 = a + bb + c + b, v1 = bb - c - d + b;
        out[at] = relu ? relu6(v0, hi) : Math.min(Math.max(v0, lo), hi);
        if (wide) out[at + cout] = relu ? relu6(v1, hi) : Math.min(Math.max(v1, lo), hi);
      }
    }
  }
}
