/**
 * C = A·Bᵀ by two levels of Strassen's scheme, for large products. Each matrix is cut into a
 * 4×4 grid of blocks; 49 products of block sums replace the 64 block products of the classic
 * scheme, so the micro-kernel does 49/64 of the multiply-adds. As in "Strassen's algorithm
 * reloaded" (Huang, Smith, Henry, van de Geijn, SC16), the block sums are not formed as
 * matrices: the sums of B's blocks are packed once per layer, the sums of A's blocks are
 * formed while packing A, and each finished tile is added straight into the one to four
 * blocks of C it belongs to. Everything is summed in float64, so C rounded to float32 almost
 * always equals the classic product bit for bit (a last-bit difference in a handful of values
 * per layer; tests bound it).
 */
import { B_AT, KC, MR, NC, NR, makeResident, multiplyBlock, setDestination, writeBlock } from './gemmKernel';
import { packPanelsB, packRowsA, roundUp } from './gemmPack';

/** One product of block sums: blocks of A (row, depth), of Bᵀ (depth, column), of C (row, column), as [row, col, sign] triples. */
interface BlockProduct {
  readonly a: readonly number[];
  readonly bt: readonly number[];
  readonly c: readonly number[];
}

/** Strassen's seven products of a 2×2 grid (1969), with C₀₀ = M1+M4−M5+M7, C₀₁ = M3+M5, C₁₀ = M2+M4, C₁₁ = M1−M2+M3+M6. */
const ONE_LEVEL: readonly BlockProduct[] = [
  { a: [0, 0, 1, 1, 1, 1], bt: [0, 0, 1, 1, 1, 1], c: [0, 0, 1, 1, 1, 1] },
  { a: [1, 0, 1, 1, 1, 1], bt: [0, 0, 1], c: [1, 0, 1, 1, 1, -1] },
  { a: [0, 0, 1], bt: [0, 1, 1, 1, 1, -1], c: [0, 1, 1, 1, 1, 1] },
  { a: [1, 1, 1], bt: [1, 0, 1, 0, 0, -1], c: [0, 0, 1, 1, 0, 1] },
  { a: [0, 0, 1, 0, 1, 1], bt: [1, 1, 1], c: [0, 0, -1, 0, 1, 1] },
  { a: [1, 0, 1, 0, 0, -1], bt: [0, 0, 1, 0, 1, 1], c: [1, 1, 1] },
  { a: [0, 1, 1, 1, 1, -1], bt: [1, 0, 1, 1, 1, 1], c: [0, 0, 1] },
];

/** Block (r1, c1) of the outer grid holding block (r2, c2) of its own 2×2 grid: block (2r1 + r2, 2c1 + c2) of the 4×4 grid. */
function nest(outer: readonly number[], inner: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < outer.length; i += 3) {
    for (let j = 0; j < inner.length; j += 3) {
      out.push(2 * outer[i]! + inner[j]!, 2 * outer[i + 1]! + inner[j + 1]!, outer[i + 2]! * inner[j + 2]!);
    }
  }
  return out;
}

/** The 49 products of two levels: Strassen applied to each of its own seven block products. */
export const TWO_LEVEL: readonly BlockProduct[] = ONE_LEVEL.flatMap((outer) =>
  ONE_LEVEL.map((inner) => ({ a: nest(outer.a, inner.a), bt: nest(outer.bt, inner.bt), c: nest(outer.c, inner.c) })));

/** Bᵀ's block (depth p, column q) is B's block (filters q, depths p): the triples with row and column swapped. */
function transposed(blocks: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < blocks.length; i += 3) out.push(blocks[i + 1]!, blocks[i]!, blocks[i + 2]!);
  return out;
}
const B_BLOCKS = TWO_LEVEL.map((p) => transposed(p.bt));

/**
 * For each product, its destinations in C as [block index (row·4 + column), mode]: mode ±2
 * for the first product to reach that block (it stores), ±1 after (it adds or subtracts).
 */
const DESTINATIONS: readonly (readonly number[])[] = (() => {
  const reached = new Set<number>();
  return TWO_LEVEL.map((p) => {
    const out: number[] = [];
    for (let i = 0; i < p.c.length; i += 3) {
      const block = p.c[i]! * 4 + p.c[i + 1]!;
      out.push(block, reached.has(block) ? p.c[i + 2]! : 2 * p.c[i + 2]!);
      reached.add(block);
    }
    return out;
  });
})();

/**
 * Below these sizes the classic product is as fast or faster (measured against it on this
 * machine: 0.96× at 1568×512·256, 0.99× at 1568×256·1024, 1.05× at 1568×256·256; rows
 * matter little, 0.89× already at 48 rows of the headline layer).
 */
const MIN_ROWS = 64;
const MIN_FILTERS = 256;
const MIN_DEPTH = 384;
/**
 * Rows of each block per pass over the 49 products: the 16 blocks of C for 64 rows of a
 * 1024-filter layer (2 MB) stay near the core while every product adds its tiles into them.
 */
const ROWS_PER_CHUNK = 64;

/** Whether an M×K · (N×K)ᵀ product is large enough for Strassen to pay. */
export function useStrassen(m: number, n: number, k: number): boolean {
  return m >= MIN_ROWS && n >= MIN_FILTERS && k >= MIN_DEPTH;
}

/** The 49 sums of B's blocks, packed for the micro-kernel one after another. */
export interface StrassenPanels {
  readonly data: Float64Array;
  /** Filters and depths of one block of the 4×4 grid (the last ones may run past N and K). */
  readonly ns: number;
  readonly ks: number;
}

/** Packs the 49 block sums of N×K row-major B. */
export function strassenPanels(b: Float32Array, n: number, k: number): StrassenPanels {
  const ns = Math.ceil(n / 4), ks = Math.ceil(k / 4);
  const size = roundUp(ns, NR) * ks;
  const data = new Float64Array(B_BLOCKS.length * size);
  B_BLOCKS.forEach((blocks, t) => packPanelsB(b, n, k, ns, ks, blocks, data, t * size));
  return { data, ns, ks };
}

/** Rows [rowStart, rowEnd) of C = A·Bᵀ (+ bias, ReLU) as gemmABt, by two levels of Strassen. */
export function strassenABt(
  a: Float32Array,
  panels: StrassenPanels,
  c: Float32Array,
  n: number,
  k: number,
  rowStart: number,
  rowEnd: number,
  bias: Float32Array | undefined,
  relu: boolean,
  cap = Infinity,
): void {
  const { ns, ks } = panels;
  const m = rowEnd - rowStart;
  const ms = Math.ceil(m / 4);
  const nsp = roundUp(ns, NR);
  // Rows of each block in chunks of at most ROWS_PER_CHUNK, as even as whole tiles allow.
  const chunks = Math.ceil(ms / ROWS_PER_CHUNK);
  const mcMax = roundUp(Math.ceil(ms / chunks), MR);
  const region = mcMax * nsp;
  const scratchAt = B_AT + panels.data.length;
  const blocksAt = scratchAt + region;
  makeResident(panels.data, blocksAt + 16 * region);
  for (let ic = 0; ic < ms; ic += mcMax) {
    const mc = Math.min(mcMax, ms - ic);
    const mcp = roundUp(mc, MR);
    // All 49 products for these rows of every block: their tiles land in 16 regions, one a
    // block of C, laid out tile after tile like the scratch sums.
    TWO_LEVEL.forEach((product, t) => {
      const dest = DESTINATIONS[t]!;
      for (let q = 0; q < dest.length; q += 2) {
        setDestination(q / 2, blocksAt + dest[q]! * region - scratchAt, dest[q + 1]! as 1 | -1 | 2 | -2);
      }
      for (let pc = 0; pc < ks; pc += KC) {
        const kc = Math.min(KC, ks - pc);
        packRowsA(a, k, rowStart, m, ms, ks, product.a, ic, mc, pc, kc);
        const scatter = pc + kc >= ks ? dest.length / 2 : 0;
        for (let jc = 0; jc < nsp; jc += NC) {
          const ncp = Math.min(NC, nsp - jc);
          multiplyBlock(mcp, ncp, kc, B_AT + t * nsp * ks + jc * ks + pc * ncp, scratchAt + jc * mcp, pc === 0, scatter);
        }
      }
    });
    for (let block = 0; block < 16; block++) {
      const row0 = (block >> 2) * ms + ic;
      const col0 = (block & 3) * ns;
      const rows = Math.min(mc, m - row0);
      for (let jc = 0; jc < nsp && rows > 0; jc += NC) {
        const ncp = Math.min(NC, nsp - jc);
        const cols = Math.min(ncp, ns - jc, n - col0 - jc);
        if (cols > 0) writeBlock(c, n, rowStart + row0, rows, col0 + jc, cols, ncp, blocksAt + block * region + jc * mcp, bias, relu, cap);
      }
    }
  }
}
