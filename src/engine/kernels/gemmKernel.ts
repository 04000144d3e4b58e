/**
 * The register-tiled heart of the GEMM, shared by the classic blocked product (gemm.ts) and the
 * Strassen one (strassen.ts): one array of doubles holding every packed panel and sum, the 2×3
 * micro-kernel that runs over it, and the write-back of float64 sums into a float32 C.
 *
 * What makes it fast in V8 (each measured against the alternative in one interleaved run on
 * this machine; figures in the notes on issue #2):
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
 * write-back looks at the true edges.
 */
import { activate, relu6 } from './activate';

/** Rows of A (pixels) in one register tile; the micro-kernel spells it as the literal 2. */
export const MR = 2;
/** Columns of B (filters) in one register tile; the micro-kernel spells it as the literal 3. */
export const NR = 3;
/** Depth of one block: a 2×KC panel of A (2 KB) and a 3×KC panel of B (3 KB) sit in L1. */
export const KC = 128;
/** Rows of A per block: MC×KC doubles = 192 KB, kept in L2 while B's panels pass over it. */
export const MC = 192;
/** Columns of B per block (a multiple of NR): NC×KC doubles = 342 KB. */
export const NC = 342;

/** Where the packed block of A starts in HEAP (MC×KC doubles). */
export const A_AT = 0;
/** Where the resident packed B starts in HEAP; sums and scratch follow it. */
export const B_AT = A_AT + MC * KC;

/**
 * [packed A block | the resident packed B | float64 sums and scratch of the product running].
 * An array of doubles, packed (built by push, never holey) and only ever given numbers, so V8
 * keeps it unboxed; it grows to the largest layer seen and never shrinks. Module-level and
 * constant on purpose (see above); each worker has its own. A product never calls out while
 * it uses it, so one serves every call.
 */
export const HEAP: number[] = [];

/**
 * Where a finished block of sums goes when it is scattered (Strassen): pairs of
 * (offset added to the tile's scratch index, mode), mode +1 adds, −1 subtracts, +2 stores,
 * −2 stores the negation. Set by {@link setDestination} before a block runs.
 */
const DEST: number[] = [0, 0, 0, 0, 0, 0, 0, 0];

/**
 * The packed B whose copy sits in HEAP from B_AT on, so the row chunks of a layer copy it once.
 * With HEAP, the one module-level state the engine keeps (issue #27): HEAP must stay a module
 * constant for the micro-kernel's speed (above), and what it holds can only be described
 * beside it — a caller's context could not know whether another job (between two of its
 * chunks) refilled it. Both are the thread's, not a model's: a runtime's trimScratch() and
 * dispose() (onnx/runtime.ts) and a new layer (worker/layerJobs.ts) let them go through
 * trimWorkspace.
 */
// eslint-disable-next-line no-restricted-syntax -- see above
let resident: Float64Array | null = null;

/**
 * Gives the working memory back: HEAP is cut to at most `length` doubles (V8 trims the
 * array's store) and the resident panels are forgotten, so a large layer's hundreds of
 * megabytes do not outlive it. The next product grows HEAP again to what it needs (a few
 * milliseconds for the headline layer).
 */
export function trimWorkspace(length = 0): void {
  if (HEAP.length > length) HEAP.length = length;
  resident = null;
}

/** Grows HEAP to at least `length` doubles. */
function reserve(length: number): void {
  while (HEAP.length < length) HEAP.push(0.5);
}

/** Copies packed panels of B into HEAP at B_AT unless they are there already. */
export function makeResident(panels: Float64Array, heapLength: number): void {
  reserve(Math.max(heapLength, B_AT + panels.length));
  if (resident === panels) return;
  for (let i = 0; i < panels.length; i++) HEAP[B_AT + i] = panels[i]!;
  resident = panels;
}

/** Sets destination `q` (0–3) of the scattering micro-kernel: see {@link DEST}. */
export function setDestination(q: number, offset: number, mode: 1 | -1 | 2 | -2): void {
  DEST[2 * q] = offset;
  DEST[2 * q + 1] = mode;
}

/**
 * Every MR×NR tile of the packed A block against one packed block of B (at `bBlock`) over
 * depth `kc`, into that column block's float64 sums (at `cBlock`, tile after tile). With
 * `scatter` = 0 the sums stay there; with 1–4 the finished block is then also sent to the
 * first `scatter` destinations set by {@link setDestination}.
 */
export function multiplyBlock(mcp: number, ncp: number, kc: number, bBlock: number, cBlock: number, first: boolean, scatter: number): void {
  const panelsB = ncp / NR;
  for (let jr = 0; jr < panelsB; jr++) {
    const bAt = bBlock + jr * NR * kc;
    for (let ir = 0, cAt = cBlock + jr * MR * NR; ir < mcp; ir += MR, cAt += panelsB * MR * NR) {
      const aAt = A_AT + ir * kc;
      microKernel(aAt, bAt, aAt + MR * kc, cAt, first);
    }
  }
  if (scatter !== 0) scatterBlock(mcp, ncp, cBlock, scatter);
}

/**
 * Sends a block's finished sums (at `cBlock`, mcp×ncp) to their destinations: first the ones
 * it is the first to reach (a store each), then all the others in one pass that reads each
 * sum once (one pass for four destinations measured faster than four passes).
 */
function scatterBlock(mcp: number, ncp: number, cBlock: number, count: number): void {
  const h = HEAP;
  const end = cBlock + mcp * ncp;
  let adds = 0;
  let d0 = 0, d1 = 0, d2 = 0, d3 = 0, s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  for (let q = 0; q < count; q++) {
    const offset = DEST[2 * q]!, mode = DEST[2 * q + 1]!;
    if (mode === 2) {
      for (let t = cBlock, d = cBlock + offset; t < end; t++, d++) h[d] = h[t]!;
    } else if (mode === -2) {
      for (let t = cBlock, d = cBlock + offset; t < end; t++, d++) h[d] = -h[t]!;
    } else {
      if (adds === 0) { d0 = offset; s0 = mode; } else if (adds === 1) { d1 = offset; s1 = mode; } else if (adds === 2) { d2 = offset; s2 = mode; } else { d3 = offset; s3 = mode; }
      adds++;
    }
  }
  if (adds === 1) {
    for (let t = cBlock; t < end; t++) h[t + d0] = h[t + d0]! + s0 * h[t]!;
  } else if (adds === 2) {
    for (let t = cBlock; t < end; t++) {
      const v = h[t]!;
      h[t + d0] = h[t + d0]! + s0 * v; h[t + d1] = h[t + d1]! + s1 * v;
    }
  } else if (adds === 3) {
    for (let t = cBlock; t < end; t++) {
      const v = h[t]!;
      h[t + d0] = h[t + d0]! + s0 * v; h[t + d1] = h[t + d1]! + s1 * v; h[t + d2] = h[t + d2]! + s2 * v;
    }
  } else if (adds === 4) {
    for (let t = cBlock; t < end; t++) {
      const v = h[t]!;
      h[t + d0] = h[t + d0]! + s0 * v; h[t + d1] = h[t + d1]! + s1 * v;
      h[t + d2] = h[t + d2]! + s2 * v; h[t + d3] = h[t + d3]! + s3 * v;
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

/**
 * Moves one block of float64 sums (at `src`, MR×NR tiles, a row of tiles `ncp` wide, rows of
 * tiles one after another) into C rows [row0, row0 + rows), columns [col0, col0 + cols),
 * adding the bias and applying ReLU (capped at `cap`). Padding rows and columns are skipped.
 */
export function writeBlock(
  c: Float32Array,
  n: number,
  row0: number,
  rows: number,
  col0: number,
  cols: number,
  ncp: number,
  src: number,
  bias: Float32Array | undefined,
  relu: boolean,
  cap = Infinity,
): void {
  for (let i = 0; i < rows; i++) {
    // Row i's sums: in the tile row i − i % 2 (MR·ncp sums), row i % 2 of each tile.
    const from = src + (i - (i % MR)) * ncp + (i % MR) * NR;
    const out = (row0 + i) * n + col0;
    const whole = cols - (cols % NR);
    if (!bias && !relu) {
      for (let j = 0, f = from; j < whole; j += NR, f += MR * NR) {
        c[out + j] = HEAP[f]!; c[out + j + 1] = HEAP[f + 1]!; c[out + j + 2] = HEAP[f + 2]!;
      }
      for (let j = whole, f = from + whole * MR; j < cols; j++, f++) c[out + j] = HEAP[f]!;
    } else {
      for (let j = 0, f = from; j < whole; j += NR, f += MR * NR) {
        c[out + j] = activate(HEAP[f]!, bias, col0 + j, relu, cap);
        c[out + j + 1] = activate(HEAP[f + 1]!, bias, col0 + j + 1, relu, cap);
        c[out + j + 2] = activate(HEAP[f + 2]!, bias, col0 + j + 2, relu, cap);
      }
      for (let j = whole, f = from + whole * MR; j < cols; j++, f++) c[out + j] = activate(HEAP[f]!, bias, col0 + j, relu, cap);
    }
  }
}

/**
 * Rows [rowStart, rowEnd) of C = A·Bᵀ (+ bias, ReLU capped at `cap`), B resident in HEAP as
 * panels over the whole depth (a panel of 3 filters is 3·k doubles at B_AT + j·k for filters
 * j…j+2; for k ≤ KC that is the classic packing), 2k ≤ MC·KC. Each pair of A's rows is packed once (2k doubles at A_AT) and meets every
 * panel; the 2×3 tile's sums go straight to C. With so short a depth, storing the sums in
 * HEAP, reading them back and walking them again for the write-back cost as much as the
 * multiply-adds: measured against the blocked product in one run, this path is 1.6× for a
 * depth of 16 (MobileNet's first expand layer), 1.4× for 24–32, 1.1–1.2× for 48–128, and
 * still a little faster for deeper products whose filters stay in L2 (gemm.ts).
 */
export function shallowProduct(a: Float32Array, c: Float32Array, n: number, k: number, rowStart: number, rowEnd: number, bias: Float32Array | undefined, relu: boolean, cap: number): void {
  const h = HEAP, aEnd = (A_AT + 2 * k) | 0;
  // The bias padded to whole panels (zeros without one), so the write-back never tests it.
  const b = new Float64Array(n + 2);
  if (bias) b.set(bias.subarray(0, n));
  for (let p = rowStart; p < rowEnd; p += 2) {
    // An odd last row is paired with itself (and written twice, the same values).
    const q = p + 1 < rowEnd ? p + 1 : p;
    for (let i = 0, s0 = p * k, s1 = q * k; i < k; i++) {
      h[A_AT + 2 * i] = a[s0 + i]!;
      h[A_AT + 2 * i + 1] = a[s1 + i]!;
    }
    for (let j = 0; j < n; j += 3) {
      // microKernel's loop, written out: calling it and reading its six sums back from HEAP
      // measured 5–9 % slower at these depths.
      let c00 = 0, c01 = 0, c02 = 0, c10 = 0, c11 = 0, c12 = 0;
      for (let ai = A_AT, bi = (B_AT + j * k) | 0; ai < aEnd; ai = (ai + 2) | 0, bi = (bi + 3) | 0) {
        const a0 = h[ai]!, a1 = h[(ai + 1) | 0]!;
        let w = h[bi]!;
        c00 += a0 * w; c10 += a1 * w;
        w = h[(bi + 1) | 0]!;
        c01 += a0 * w; c11 += a1 * w;
        w = h[(bi + 2) | 0]!;
        c02 += a0 * w; c12 += a1 * w;
      }
      const o0 = p * n + j, o1 = q * n + j;
      // Columns past n (the last panel's padding) are computed and dropped.
      const v00 = c00 + b[j]!, v01 = c01 + b[j + 1]!, v02 = c02 + b[j + 2]!;
      const v10 = c10 + b[j]!, v11 = c11 + b[j + 1]!, v12 = c12 + b[j + 2]!;
      if (relu) {
        c[o0] = relu6(v00, cap); c[o1] = relu6(v10, cap);
        if (j + 1 < n) { c[o0 + 1] = relu6(v01, cap); c[o1 + 1] = relu6(v11, cap); }
        if (j + 2 < n) { c[o0 + 2] = relu6(v02, cap); c[o1 + 2] = relu6(v12, cap); }
      } else {
        c[o0] = v00; c[o1] = v10;
        if (j + 1 < n) { c[o0 + 1] = v01; c[o1 + 1] = v11; }
        if (j + 2 < n) { c[o0 + 2] = v02; c[o1 + 2] = v12; }
      }
    }
  }
}
