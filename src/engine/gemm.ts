/**
 * C = A·Bᵀ for A (M×K, row-major) and B (N×K, row-major): the pointwise convolution written as
 * one matrix product, with A the pixels' channel vectors and B the filters.
 *
 * Blocked the classic way (N in blocks of NC, M in blocks of MC, K in blocks of KC), packed into
 * panels and multiplied by a 2×3 register tile held in float64 locals. What makes it fast in V8
 * (each measured against the alternative in one interleaved run on this machine; figures in
 * the note on issue #2):
 * - every packed panel and the float64 accumulators live in ONE module-level constant array of
 *   doubles. Turbofan folds a constant array into the code, so each step of the micro-kernel
 *   checks the array's map once and each load is a bounds compare and a load; panels passed
 *   as arguments cost a map check, a reload of the data pointer and of the length per load,
 *   more than the arithmetic. It is a plain array, not a Float64Array: once any ArrayBuffer
 *   in the thread has been transferred (every worker transfers its results), Node 20's V8
 *   adds a "was it detached?" test to every typed-array load and the typed heap drops from
 *   527 to 763 ms, while the array stays at 636 (Chromium 156: typed 535, array 580–600);
 * - a 2×3 tile (6 accumulators, 5 loads a step) is the largest that V8's register allocator
 *   keeps entirely in registers: 2×4 spills three accumulators a step and is 15 % slower, 3×4
 *   spills half of them;
 * - the micro-kernel's index steps are literals and `| 0` truncations: an imported or
 *   exported constant is read from its module cell with a hole check on every step, and an
 *   untruncated `+` carries an overflow check (together 25 % of the time);
 * - float64 accumulation is faster than `Math.fround` on every step and ~20× more accurate.
 * Panels are zero-padded to whole tiles, so the micro-kernel never branches; only the
 * write-back of a block looks at the true edges.
 */
import { activate } from './activate';

/** Rows of A (pixels) in one register tile; the micro-kernel spells it as the literal 2. */
const MR = 2;
/** Columns of B (filters) in one register tile; the micro-kernel spells it as the literal 3. */
const NR = 3;
/** Depth of one block: a 2×KC panel of A (2 KB) and a 3×KC panel of B (3 KB) sit in L1. */
const KC = 128;
/** Rows of A per block: MC×KC doubles = 192 KB, kept in L2 while B's panels pass over it. */
const MC = 192;
/** Columns of B per block (a multiple of NR): NC×KC doubles = 342 KB. */
const NC = 342;

const A_AT = 0;
const B_AT = A_AT + MC * KC;
/**
 * [packed A block | the resident packed B, all of it | float64 sums of an MC-row band of C].
 * An array of doubles, packed (built by push, never holey) and only ever given numbers, so V8
 * keeps it unboxed; it grows to the largest layer seen and never shrinks (4 MB of B and 1.6 MB
 * of sums for the 1024×512 headline layer). Module-level and constant on purpose (see above);
 * each worker has its own. The GEMM never calls out while it uses it, so one serves every call.
 */
const HEAP: number[] = [];
/** The packed B whose copy sits in HEAP from B_AT on, so the row chunks of a layer copy it once. */
let resident: PackedB | null = null;

function reserve(length: number): void {
  while (HEAP.length < length) HEAP.push(0.5);
}

/** B packed once for many products: blocks of NC columns × KC depth, each in NR-wide panels. */
export interface PackedB {
  data: Float64Array;
  n: number;
  k: number;
}

/** x rounded up to a multiple of m: rows to whole MR-row panels, columns to NR-wide ones. */
function roundUp(x: number, m: number): number {
  return Math.ceil(x / m) * m;
}

/**
 * Packs N×K row-major B (each filter contiguous). Block (jc, pc) holds columns
 * [jc, jc + ncp) at depths [pc, pc + kc) and starts at jc·K + pc·ncp; inside it, panel p holds
 * for each depth the NR values of columns jc + p·NR … side by side. Columns past N are zero.
 */
export function packB(b: Float32Array, n: number, k: number): PackedB {
  const np = roundUp(n, NR);
  const data = new Float64Array(np * k);
  for (let jc = 0; jc < np; jc += NC) {
    const ncp = Math.min(NC, np - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      const block = jc * k + pc * ncp;
      for (let j = 0; j < ncp; j++) {
        const col = jc + j;
        let d = block + (j - (j % NR)) * kc + (j % NR);
        if (col < n) {
          for (let kk = pc, src = col * k + pc; kk < pc + kc; kk++, src++, d += NR) data[d] = b[src]!;
        }
      }
    }
  }
  return { data, n, k };
}

/** Packs A rows [r0, r0 + mc), depths [pc, pc + kc) into MR-row panels in HEAP (zero rows past mc). */
function packA(a: Float32Array, k: number, r0: number, mc: number, pc: number, kc: number): void {
  const mcp = roundUp(mc, MR);
  for (let i = 0; i < mcp; i++) {
    let d = A_AT + (i - (i % MR)) * kc + (i % MR);
    if (i < mc) {
      for (let src = (r0 + i) * k + pc, end = src + kc; src < end; src++, d += MR) HEAP[d] = a[src]!;
    } else {
      for (let kk = 0; kk < kc; kk++, d += MR) HEAP[d] = 0;
    }
  }
}

/**
 * Computes rows [rowStart, rowEnd) of C = A·Bᵀ (+ bias, then ReLU if asked) into `c`
 * (M×N row-major; only those rows are written).
 *
 * @param a M×K row-major, float32 (M is implied by rowEnd).
 * @param b N×K row-major (each of the N filters contiguous), or B already packed by
 *   {@link packB} (reused across calls, e.g. the row chunks of one layer).
 */
export function gemmABt(
  a: Float32Array,
  b: Float32Array | PackedB,
  c: Float32Array,
  n: number,
  k: number,
  rowStart: number,
  rowEnd: number,
  bias: Float32Array | undefined,
  relu: boolean,
): void {
  const packed = b instanceof Float32Array ? packB(b, n, k) : b;
  if (packed.n !== n || packed.k !== k) throw new RangeError(`packed B is ${packed.n}×${packed.k}, not ${n}×${k}`);
  const np = roundUp(n, NR);
  const cAt = B_AT + np * k;
  if (resident !== packed) {
    reserve(cAt + MC * np);
    for (let i = 0; i < packed.data.length; i++) HEAP[B_AT + i] = packed.data[i]!;
    resident = packed;
  }
  // One band of MC rows at a time: each depth block of it is packed once and meets every
  // column block of B, its sums for all N columns waiting in HEAP until the band is done.
  for (let ic = rowStart; ic < rowEnd; ic += MC) {
    const mc = Math.min(MC, rowEnd - ic);
    const mcp = roundUp(mc, MR);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      packA(a, k, ic, mc, pc, kc);
      for (let jc = 0; jc < np; jc += NC) {
        const ncp = Math.min(NC, np - jc);
        multiplyBlock(mcp, ncp, kc, B_AT + jc * k + pc * ncp, cAt + jc * mcp, pc === 0);
      }
    }
    for (let jc = 0; jc < np; jc += NC) writeBlock(c, n, ic, mc, jc, Math.min(NC, np - jc), cAt + jc * mcp, bias, relu);
  }
}

/**
 * Every MR×NR tile of the packed A block against one packed block of B (at `bBlock`),
 * accumulated into that column block's float64 sums (at `cBlock`, tile after tile).
 */
function multiplyBlock(mcp: number, ncp: number, kc: number, bBlock: number, cBlock: number, first: boolean): void {
  const panelsB = ncp / NR;
  for (let jr = 0; jr < panelsB; jr++) {
    const bAt = bBlock + jr * NR * kc;
    for (let ir = 0, cAt = cBlock + jr * MR * NR; ir < mcp; ir += MR, cAt += panelsB * MR * NR) {
      const aAt = A_AT + ir * kc;
      microKernel(aAt, bAt, aAt + MR * kc, cAt, first);
    }
  }
}

/**
 * One MR×NR tile over one depth block: 5 loads feed 6 multiply-adds per step. The first depth
 * block starts from zero, later ones from the sums so far.
 */
function microKernel(ai: number, bi: number, aEnd: number, ci: number, first: boolean): void {
  const h = HEAP;
  let c00 = 0, c01 = 0, c02 = 0, c10 = 0, c11 = 0, c12 = 0;
  if (!first) {
    c00 = h[ci]!; c01 = h[ci + 1]!; c02 = h[ci + 2]!;
    c10 = h[ci + 3]!; c11 = h[ci + 4]!; c12 = h[ci + 5]!;
  }
  for (; ai < aEnd; ai = (ai + 2) | 0, bi = (bi + 3) | 0) {
    const a0 = h[ai]!, a1 = h[(ai + 1) | 0]!;
    let w = h[bi]!;
    c00 += a0 * w; c10 += a1 * w;
    w = h[(bi + 1) | 0]!;
    c01 += a0 * w; c11 += a1 * w;
    w = h[(bi + 2) | 0]!;
    c02 += a0 * w; c12 += a1 * w;
  }
  h[ci] = c00; h[ci + 1] = c01; h[ci + 2] = c02;
  h[ci + 3] = c10; h[ci + 4] = c11; h[ci + 5] = c12;
}

/** Moves one block's sums into C (float32), adding the bias and applying ReLU; skips padding. */
function writeBlock(
  c: Float32Array,
  n: number,
  ic: number,
  mc: number,
  jc: number,
  ncp: number,
  cBlock: number,
  bias: Float32Array | undefined,
  relu: boolean,
): void {
  const cols = Math.min(ncp, n - jc);
  // The sums sit tile after tile (MR rows × NR columns each), tile rows one after another.
  let t = cBlock;
  for (let i0 = 0; i0 < mc; i0 += MR) {
    const rows = Math.min(MR, mc - i0);
    for (let j0 = 0; j0 < ncp; j0 += NR, t += MR * NR) {
      const width = Math.min(NR, cols - j0);
      for (let i = 0; i < rows; i++) {
        const out = (ic + i0 + i) * n + jc + j0;
        const from = t + i * NR;
        if (!bias && !relu) {
          for (let j = 0; j < width; j++) c[out + j] = HEAP[from + j]!;
        } else {
          for (let j = 0; j < width; j++) c[out + j] = activate(HEAP[from + j]!, bias, jc + j0 + j, relu);
        }
      }
    }
  }
}
