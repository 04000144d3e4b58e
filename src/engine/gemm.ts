/**
 * C = A·Bᵀ for A (M×K, row-major) and B (N×K, row-major): the pointwise convolution written as
 * one matrix product, with A the pixels' channel vectors and B the filters.
 *
 * Packed panels, a 3×4 register tile held in local float64 accumulators, no allocation in
 * the inner loops. Panels are float64 (no float32→float64 conversion on the hot loads) and
 * zero-padded to whole tiles so the micro-kernel never branches; only the write-back of an
 * edge tile checks bounds. Measured on this machine (docs/performance-notes.md): float64
 * accumulation is both faster and ~20× more accurate than `Math.fround` on every step.
 */
import { activate } from './activate';

/** Rows of A in one register tile. */
export const MR = 3;
/** Columns of B in one register tile. */
export const NR = 4;
/** Rows of A packed at once: 96 rows × 512 channels × 8 bytes ≈ 393 KB stays in L2. */
const MC = MR * 32;

/** Reusable packing buffers; grown on demand, never shrunk. */
export interface GemmScratch {
  a: Float64Array;
  b: Float64Array;
}

export function gemmScratch(): GemmScratch {
  return { a: new Float64Array(0), b: new Float64Array(0) };
}

/**
 * Packs N×K row-major B into panels of NR columns: panel p holds, for each k, the NR values
 * B[p·NR + j][k] side by side. Columns past N are zero.
 */
export function packB(b: Float32Array, n: number, k: number, out: Float64Array): void {
  const np = Math.ceil(n / NR) * NR;
  for (let j0 = 0; j0 < np; j0 += NR) {
    const base = j0 * k;
    for (let j = 0; j < NR; j++) {
      const col = j0 + j;
      if (col < n) {
        const src = col * k;
        for (let kk = 0, d = base + j; kk < k; kk++, d += NR) out[d] = b[src + kk]!;
      } else {
        for (let kk = 0, d = base + j; kk < k; kk++, d += NR) out[d] = 0;
      }
    }
  }
}

/** Packs rows [r0, r1) of M×K row-major A into panels of MR rows (zero rows past r1). */
function packA(a: Float32Array, r0: number, r1: number, k: number, out: Float64Array): void {
  const rows = r1 - r0;
  const mp = Math.ceil(rows / MR) * MR;
  for (let i0 = 0; i0 < mp; i0 += MR) {
    const base = i0 * k;
    for (let i = 0; i < MR; i++) {
      const row = i0 + i;
      if (row < rows) {
        const src = (r0 + row) * k;
        for (let kk = 0, d = base + i; kk < k; kk++, d += MR) out[d] = a[src + kk]!;
      } else {
        for (let kk = 0, d = base + i; kk < k; kk++, d += MR) out[d] = 0;
      }
    }
  }
}

/**
 * Computes rows [rowStart, rowEnd) of C = A·Bᵀ (+ bias, then ReLU if asked) into `c`
 * (M×N row-major; only those rows are written).
 *
 * @param a M×K row-major, float32 (M is implied by rowEnd).
 * @param b N×K row-major (each of the N filters contiguous).
 * @param packedB optional B already packed by {@link packB} (reused across calls).
 */
export function gemmABt(
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  n: number,
  k: number,
  rowStart: number,
  rowEnd: number,
  bias: Float32Array | undefined,
  relu: boolean,
  scratch: GemmScratch = gemmScratch(),
  packedB?: Float64Array,
): void {
  const np = Math.ceil(n / NR) * NR;
  let bp = packedB;
  if (!bp) {
    if (scratch.b.length < np * k) scratch.b = new Float64Array(np * k);
    bp = scratch.b;
    packB(b, n, k, bp);
  }
  if (scratch.a.length < MC * k) scratch.a = new Float64Array(MC * k);
  const ap = scratch.a;
  for (let ib = rowStart; ib < rowEnd; ib += MC) {
    const ie = Math.min(rowEnd, ib + MC);
    packA(a, ib, ie, k, ap);
    const tiles = Math.ceil((ie - ib) / MR);
    for (let j0 = 0; j0 < np; j0 += NR) {
      for (let t = 0; t < tiles; t++) {
        microKernel(ap, t * MR * k, bp, j0 * k, k, c, ib + t * MR, ie, j0, n, bias, relu);
      }
    }
  }
}

/** One MR×NR tile of C over the whole K: 7 loads feed 12 multiply-adds per step. */
function microKernel(
  ap: Float64Array,
  ai: number,
  bp: Float64Array,
  bi: number,
  k: number,
  c: Float32Array,
  row: number,
  rowEnd: number,
  col: number,
  n: number,
  bias: Float32Array | undefined,
  relu: boolean,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
  const aEnd = ai + MR * k;
  while (ai < aEnd) {
    const a0 = ap[ai]!, a1 = ap[ai + 1]!, a2 = ap[ai + 2]!;
    let w = bp[bi]!;
    c00 += a0 * w; c10 += a1 * w; c20 += a2 * w;
    w = bp[bi + 1]!;
    c01 += a0 * w; c11 += a1 * w; c21 += a2 * w;
    w = bp[bi + 2]!;
    c02 += a0 * w; c12 += a1 * w; c22 += a2 * w;
    w = bp[bi + 3]!;
    c03 += a0 * w; c13 += a1 * w; c23 += a2 * w;
    ai += MR;
    bi += NR;
  }
  if (col + NR <= n && row + MR <= rowEnd) {
    let o = row * n + col;
    c[o] = activate(c00, bias, col, relu); c[o + 1] = activate(c01, bias, col + 1, relu);
    c[o + 2] = activate(c02, bias, col + 2, relu); c[o + 3] = activate(c03, bias, col + 3, relu);
    o += n;
    c[o] = activate(c10, bias, col, relu); c[o + 1] = activate(c11, bias, col + 1, relu);
    c[o + 2] = activate(c12, bias, col + 2, relu); c[o + 3] = activate(c13, bias, col + 3, relu);
    o += n;
    c[o] = activate(c20, bias, col, relu); c[o + 1] = activate(c21, bias, col + 1, relu);
    c[o + 2] = activate(c22, bias, col + 2, relu); c[o + 3] = activate(c23, bias, col + 3, relu);
    return;
  }
  const tile = [c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23];
  for (let i = 0; i < MR && row + i < rowEnd; i++) {
    for (let j = 0; j < NR && col + j < n; j++) {
      c[(row + i) * n + col + j] = activate(tile[i * NR + j]!, bias, col + j, relu);
    }
  }
}

