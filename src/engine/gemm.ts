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

const B_AT = 0;
const A_AT = B_AT + NC * KC;
const C_AT = A_AT + MC * KC;
/**
 * The packed B block, the packed A block and the float64 accumulators of one MC×NC block of C:
 * 134,016 doubles (1 MB), packed (built by push, never holey) and only ever given numbers, so
 * V8 keeps it as unboxed doubles. Module-level and constant on purpose (see above); each worker
 * has its own copy. The GEMM never calls out while it uses it, so one buffer serves every call.
 */
const HEAP: number[] = [];
for (let i = 0; i < C_AT + MC * NC; i++) HEAP.push(0.5);

/** B packed once for many products: blocks of NC columns × KC depth, each in NR-wide panels. */
export interface PackedB {
  data: Float64Array;
  n: number;
  k: number;
}

/** Columns rounded up to whole NR-wide panels. */
function paddedColumns(n: number): number {
  return Math.ceil(n / NR) * NR;
}

/**
 * Packs N×K row-major B (each filter contiguous). Block (jc, pc) holds columns
 * [jc, jc + ncp) at depths [pc, pc + kc) and starts at jc·K + pc·ncp; inside it, panel p holds
 * for each depth the NR values of columns jc + p·NR … side by side. Columns past N are zero.
 */
export function packB(b: Float32Array, n: number, k: number): PackedB {
  const np = paddedColumns(n);
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
  const mcp = Math.ceil(mc / MR) * MR;
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
  const np = paddedColumns(n);
  for (let jc = 0; jc < np; jc += NC) {
    const ncp = Math.min(NC, np - jc);
    for (let ic = rowStart; ic < rowEnd; ic += MC) {
      const mc = Math.min(MC, rowEnd - ic);
      const mcp = Math.ceil(mc / MR) * MR;
      HEAP.fill(0, C_AT, C_AT + mcp * ncp);
      for (let pc = 0; pc < k; pc += KC) {
        const kc = Math.min(KC, k - pc);
        const block = jc * k + pc * ncp;
        copyB(packed.data, block, ncp * kc);
        packA(a, k, ic, mc, pc, kc);
        multiplyBlock(mcp, ncp, kc);
      }
      writeBlock(c, n, ic, mc, jc, ncp, bias, relu);
    }
  }
}

/** Copies one packed block of B into HEAP. */
function copyB(from: Float64Array, start: number, count: number): void {
  for (let i = 0; i < count; i++) HEAP[B_AT + i] = from[start + i]!;
}

/** Every MR×NR tile of the packed blocks, accumulated into the block's float64 sums. */
function multiplyBlock(mcp: number, ncp: number, kc: number): void {
  const panelsB = ncp / NR;
  for (let jr = 0; jr < panelsB; jr++) {
    const bAt = B_AT + jr * NR * kc;
    for (let ir = 0, cAt = C_AT + jr * MR * NR; ir < mcp; ir += MR, cAt += panelsB * MR * NR) {
      const aAt = A_AT + ir * kc;
      microKernel(aAt, bAt, aAt + MR * kc, cAt);
    }
  }
}

/** One MR×NR tile over one depth block: 5 loads feed 6 multiply-adds per step. */
function microKernel(ai: number, bi: number, aEnd: number, ci: number): void {
  const h = HEAP;
  let c00 = h[ci]!, c01 = h[ci + 1]!, c02 = h[ci + 2]!;
  let c10 = h[ci + 3]!, c11 = h[ci + 4]!, c12 = h[ci + 5]!;
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
  bias: Float32Array | undefined,
  relu: boolean,
): void {
  const panelsB = ncp / NR;
  const cols = Math.min(ncp, n - jc);
  for (let i = 0; i < mc; i++) {
    const tileRow = C_AT + (i - (i % MR)) * panelsB * NR + (i % MR) * NR;
    const out = (ic + i) * n + jc;
    for (let j = 0; j < cols; j++) {
      const sum = HEAP[tileRow + (j - (j % NR)) * MR + (j % NR)]!;
      c[out + j] = activate(sum, bias, jc + j, relu);
    }
  }
}
