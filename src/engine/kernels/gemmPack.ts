/**
 * Packing for the GEMM: sums of blocks of A and of B (a sum of one block is the block itself)
 * laid out in the panels the micro-kernel reads. The classic product packs single blocks; the
 * Strassen product packs its ±sums of quarter blocks the same way, so both share one code.
 *
 * A list of blocks is flat: `[row, col, sign, row, col, sign, …]`, blocks of size
 * `rows × depth` of a grid over the matrix, sign ±1. Parts past the matrix read as zero.
 */
import { A_AT, HEAP, KC, MR, NC, NR } from './gemmKernel';

/** x rounded up to a multiple of m: rows to whole MR-row panels, columns to NR-wide ones. */
export function roundUp(x: number, m: number): number {
  return Math.ceil(x / m) * m;
}

/**
 * Packs Σ sign·B[block] for N×K row-major B (each filter contiguous) into `out` at `at`:
 * blocks are `ns` filters × `ks` depths (block (q, p) holds filters q·ns… at depths p·ks…),
 * packed as an `nsp`×`ks` matrix (nsp = ns rounded up to NR) in blocks of NC columns × KC
 * depth, each in NR-wide panels: block (jc, pc) starts at jc·ks + pc·ncp and panel j holds for
 * each depth the NR values of columns jc + j·NR … side by side. `out` must start at zero there.
 */
export function packPanelsB(
  b: Float32Array, n: number, k: number, ns: number, ks: number, blocks: readonly number[], out: Float64Array, at: number,
): void {
  const nsp = roundUp(ns, NR);
  for (let jc = 0; jc < nsp; jc += NC) {
    const ncp = Math.min(NC, nsp - jc);
    for (let pc = 0; pc < ks; pc += KC) {
      const kc = Math.min(KC, ks - pc);
      const block = at + jc * ks + pc * ncp;
      for (let j = 0; j < ncp && jc + j < ns; j++) {
        const d0 = block + (j - (j % NR)) * kc + (j % NR);
        for (let t = 0; t < blocks.length; t += 3) {
          const filter = blocks[t]! * ns + jc + j;
          const depth = blocks[t + 1]! * ks + pc;
          const sign = blocks[t + 2]!;
          if (filter >= n) continue;
          const end = Math.min(kc, k - depth);
          for (let kk = 0, src = filter * k + depth, d = d0; kk < end; kk++, src++, d += NR) out[d] = out[d]! + sign * b[src]!;
        }
      }
    }
  }
}

/**
 * Packs rows [ic, ic + mc) and depths [pc, pc + kc) of Σ sign·A[block] into MR-row panels at
 * the start of HEAP (rows past mc are zero). A is M×K row-major from row `rowAt` on, `rows`
 * rows of it belong to the product; blocks are `ms` rows × `ks` depths. Written for MR = 2
 * (a panel's two rows side by side), as the micro-kernel is.
 */
export function packRowsA(
  a: Float32Array, k: number, rowAt: number, rows: number, ms: number, ks: number, blocks: readonly number[],
  ic: number, mc: number, pc: number, kc: number,
): void {
  const h = HEAP;
  const mcp = roundUp(mc, MR);
  const terms = blocks.length / 3;
  for (let i = 0; i < mcp; i += 2) {
    const d0 = A_AT + i * kc;
    // Both rows of the panel from the same up to four blocks, when all of them lie inside A
    // for both rows over the whole depth: one pass writes the panel's two rows side by side.
    let count = 0, lastRow = 0, whole = true;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, g0 = 0, g1 = 0, g2 = 0, g3 = 0;
    for (let t = 0; t < blocks.length && terms <= 4; t += 3) {
      const row = blocks[t]! * ms + ic + i;
      const depth = blocks[t + 1]! * ks + pc;
      lastRow = Math.max(lastRow, row + 1);
      if (depth + kc > k) whole = false;
      const src = (rowAt + row) * k + depth, sign = blocks[t + 2]!;
      if (count === 0) { s0 = src; g0 = sign; } else if (count === 1) { s1 = src; g1 = sign; } else if (count === 2) { s2 = src; g2 = sign; } else { s3 = src; g3 = sign; }
      count++;
    }
    if (terms > 4 || !whole || i + 1 >= mc || lastRow >= rows) {
      packRow(a, k, rowAt, rows, ms, ks, blocks, i < mc ? ic + i : -1, pc, kc, d0);
      packRow(a, k, rowAt, rows, ms, ks, blocks, i + 1 < mc ? ic + i + 1 : -1, pc, kc, d0 + 1);
    } else if (count === 1) {
      for (let kk = 0, d = d0; kk < kc; kk++, d += 2) {
        h[d] = g0 * a[s0 + kk]!;
        h[d + 1] = g0 * a[s0 + k + kk]!;
      }
    } else if (count === 2) {
      for (let kk = 0, d = d0; kk < kc; kk++, d += 2) {
        h[d] = g0 * a[s0 + kk]! + g1 * a[s1 + kk]!;
        h[d + 1] = g0 * a[s0 + k + kk]! + g1 * a[s1 + k + kk]!;
      }
    } else if (count === 3) {
      for (let kk = 0, d = d0; kk < kc; kk++, d += 2) {
        h[d] = g0 * a[s0 + kk]! + g1 * a[s1 + kk]! + g2 * a[s2 + kk]!;
        h[d + 1] = g0 * a[s0 + k + kk]! + g1 * a[s1 + k + kk]! + g2 * a[s2 + k + kk]!;
      }
    } else {
      for (let kk = 0, d = d0; kk < kc; kk++, d += 2) {
        h[d] = g0 * a[s0 + kk]! + g1 * a[s1 + kk]! + g2 * a[s2 + kk]! + g3 * a[s3 + kk]!;
        h[d + 1] = g0 * a[s0 + k + kk]! + g1 * a[s1 + k + kk]! + g2 * a[s2 + k + kk]! + g3 * a[s3 + k + kk]!;
      }
    }
  }
}

/**
 * One row of a panel for {@link packRowsA} block by block, at the edges: blocks past A's rows
 * or depth read as zero, and so does the whole row when `rowInBlock` is −1 (padding).
 */
function packRow(
  a: Float32Array, k: number, rowAt: number, rows: number, ms: number, ks: number, blocks: readonly number[],
  rowInBlock: number, pc: number, kc: number, d0: number,
): void {
  const h = HEAP;
  for (let kk = 0, d = d0; kk < kc; kk++, d += MR) h[d] = 0;
  for (let t = 0; t < blocks.length && rowInBlock >= 0; t += 3) {
    const row = blocks[t]! * ms + rowInBlock;
    const depth = blocks[t + 1]! * ks + pc;
    const sign = blocks[t + 2]!;
    if (row >= rows) continue;
    const end = Math.min(kc, k - depth);
    const src = (rowAt + row) * k + depth;
    for (let kk = 0, d = d0; kk < end; kk++, d += MR) h[d] = h[d]! + sign * a[src + kk]!;
  }
}
