/**
 * C = A·Bᵀ for A (M×K, row-major) and B (N×K, row-major): the pointwise convolution written as
 * one matrix product, with A the pixels' channel vectors and B the filters.
 *
 * Three schemes over one micro-kernel (gemmKernel.ts):
 * - for a shallow product (depth ≤ KC = 128, or filters that fit in a core's L2), pairs of
 *   A's rows against every filter over the whole depth, the sums written straight to C;
 * - the classic blocked product: N in blocks of NC, M in blocks of MC, K in blocks of KC,
 *   packed into panels and multiplied by a 2×3 register tile held in float64 locals;
 * - for large products, two levels of Strassen's scheme (strassen.ts): 49 products of
 *   quarter-size blocks instead of 64, the block sums folded into the packing and the
 *   write-back, so the micro-kernel does 77 % of the classic multiply-adds.
 */
import { B_AT, KC, MC, MR, NC, NR, makeResident, multiplyBlock, shallowProduct, writeBlock } from './gemmKernel';

export { trimWorkspace } from './gemmKernel';
import { packPanelsB, packRowsA, roundUp } from './gemmPack';
import { strassenABt, strassenPanels, useStrassen, type StrassenPanels } from './strassen';


/**
 * Deeper products go to the shallow product too when their filters fit this many values
 * (2 MB of panels, a core's L2 here): measured faster than the blocked product for every such
 * shape tried (depths 144–1152: 1.03–1.1×; MobileNet's 144→24 projection 1.1×), and slower
 * when B is larger and comes from memory for every pair of rows (49×4608×512: 0.83×).
 */
const SHALLOW_B_VALUES = 1 << 18;

/** The one block of a one-block grid: the matrix itself. */
const WHOLE = [0, 0, 1] as const;

/**
 * B prepared once for many products (the row chunks of one layer): the filters and, made on
 * first use and kept, their classic panels and their Strassen panels.
 */
export interface PackedB {
  readonly source: Float32Array;
  readonly n: number;
  readonly k: number;
  panels?: Float64Array;
  shallow?: Float64Array;
  strassen?: StrassenPanels;
}

/** Wraps N×K row-major filters for reuse; panels are packed on first use. */
export function packB(b: Float32Array, n: number, k: number): PackedB {
  if (b.length < n * k) throw new RangeError(`B holds ${b.length} values, not ${n}×${k}`);
  return { source: b, n, k };
}

/** The classic panels: B packed as one block of the whole N×K. */
function classicPanels(packed: PackedB): Float64Array {
  if (!packed.panels) {
    const { source, n, k } = packed;
    packed.panels = new Float64Array(roundUp(n, NR) * k);
    packPanelsB(source, n, k, n, k, WHOLE, packed.panels, 0);
  }
  return packed.panels;
}

/** B as 3-filter panels over its whole depth, for the shallow product (the classic panels when k ≤ KC). */
function shallowPanels(packed: PackedB): Float64Array {
  if (packed.k <= KC) return classicPanels(packed);
  if (!packed.shallow) {
    const { source, n, k } = packed;
    const out = new Float64Array(roundUp(n, NR) * k);
    for (let j = 0; j < n; j++) for (let i = 0; i < k; i++) out[(j - (j % NR)) * k + i * NR + (j % NR)] = source[j * k + i]!;
    packed.shallow = out;
  }
  return packed.shallow;
}

/**
 * Packs B's panels for products of `rows` rows now, not inside the first product: a caller
 * that works in short slices (the page's main thread) makes the packing a slice of its own.
 */
export function prepack(packed: PackedB, rows: number): void {
  if (useStrassen(rows, packed.n, packed.k)) packed.strassen ??= strassenPanels(packed.source, packed.n, packed.k);
  else if (useShallow(packed.n, packed.k)) shallowPanels(packed);
  else classicPanels(packed);
}

/** Whether a (non-Strassen) product of n filters of depth k goes to the shallow product. */
function useShallow(n: number, k: number): boolean {
  return k <= KC || (n * k <= SHALLOW_B_VALUES && MR * k <= MC * KC);
}

/**
 * Computes rows [rowStart, rowEnd) of C = A·Bᵀ (+ bias, then ReLU capped at `cap` if asked) into `c`
 * (M×N row-major; only those rows are written).
 *
 * @param a M×K row-major, float32 (M is implied by rowEnd).
 * @param b N×K row-major (each of the N filters contiguous), or wrapped by {@link packB} so
 *   that its panels are packed once for many calls (e.g. the row chunks of one layer).
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
  cap = Infinity,
): void {
  const packed = b instanceof Float32Array ? packB(b, n, k) : b;
  if (packed.n !== n || packed.k !== k) throw new RangeError(`packed B is ${packed.n}×${packed.k}, not ${n}×${k}`);
  const m = rowEnd - rowStart;
  if (m <= 0) return;
  if (useStrassen(m, n, k)) {
    packed.strassen ??= strassenPanels(packed.source, n, k);
    strassenABt(a, packed.strassen, c, n, k, rowStart, rowEnd, bias, relu, cap);
    return;
  }
  if (useShallow(n, k)) {
    const panels = shallowPanels(packed);
    makeResident(panels, B_AT + panels.length);
    shallowProduct(a, c, n, k, rowStart, rowEnd, bias, relu, cap);
    return;
  }
  const panels = classicPanels(packed);
  const np = roundUp(n, NR);
  const cAt = B_AT + panels.length;
  makeResident(panels, cAt + MC * np);
  // One band of MC rows at a time: each depth block of it is packed once and meets every
  // column block of B, its sums for all N columns waiting in HEAP until the band is done.
  for (let ic = rowStart; ic < rowEnd; ic += MC) {
    const mc = Math.min(MC, rowEnd - ic);
    const mcp = roundUp(mc, MR);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      packRowsA(a, k, rowStart, m, m, k, WHOLE, ic - rowStart, mc, pc, kc);
      for (let jc = 0; jc < np; jc += NC) {
        const ncp = Math.min(NC, np - jc);
        multiplyBlock(mcp, ncp, kc, B_AT + jc * k + pc * ncp, cAt + jc * mcp, pc === 0, 0);
      }
    }
    for (let jc = 0; jc < np; jc += NC) {
      const ncp = Math.min(NC, np - jc);
      writeBlock(c, n, ic, mc, jc, Math.min(ncp, n - jc), ncp, cAt + jc * mcp, bias, relu, cap);
    }
  }
}
