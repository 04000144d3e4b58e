/**
 * Spherical k-means (Coates & Ng 2012, §3.2): k unit-length centroids; each point goes to the
 * centroid with the largest dot product (or the largest |dot| for "gain-shape" clustering,
 * where a patch and its negative are the same shape), and each centroid moves to the sum of
 * its points weighted by their dot products, plus its old position, renormalised. Dot
 * products run through the engine's GEMM. Deterministic for a seed: only + − × ÷ √.
 */
import { gemmABt, packB } from '../kernels/gemm';
import { mulberry32 } from '../core/random';

export interface KMeansOptions {
  readonly clusters: number;
  readonly iterations: number;
  readonly seed: number;
  /** Assign by |dot| (a centroid stands for itself and its negative). */
  readonly absolute: boolean;
}

export interface KMeansResult {
  /** clusters × dim, each row of unit length, ordered by cluster size, largest first. */
  readonly centroids: Float32Array;
  /** Points assigned to each centroid in the last iteration, in the same order. */
  readonly sizes: Int32Array;
}

/** Rows of points handled per GEMM call (bounds the dot-product buffer). */
const CHUNK = 2048;

/** Clusters `count` rows of `dim` values (`data`, row-major). */
export function sphericalKMeans(data: Float32Array, dim: number, options: KMeansOptions): KMeansResult {
  const count = data.length / dim;
  const k = options.clusters;
  if (!Number.isInteger(count) || count < k) throw new RangeError(`need at least ${k} points of ${dim} values`);
  let centroids = initialCentroids(data, dim, count, k, options.seed);
  const sizes = new Int32Array(k);
  const sums = new Float64Array(k * dim);
  const dots = new Float32Array(CHUNK * k);
  for (let it = 0; it < options.iterations; it++) {
    sums.fill(0);
    sizes.fill(0);
    const packed = packB(centroids, k, dim);
    for (let start = 0; start < count; start += CHUNK) {
      const end = Math.min(count, start + CHUNK);
      gemmABt(data.subarray(start * dim, end * dim), packed, dots, k, dim, 0, end - start, undefined, false);
      for (let p = 0; p < end - start; p++) {
        let best = 0, bestScore = -Infinity, bestDot = 0;
        for (let j = 0; j < k; j++) {
          const d = dots[p * k + j]!;
          const score = options.absolute ? Math.abs(d) : d;
          if (score > bestScore) {
            bestScore = score;
            best = j;
            bestDot = d;
          }
        }
        sizes[best]!++;
        const o = (start + p) * dim;
        for (let i = 0; i < dim; i++) sums[best * dim + i]! += bestDot * data[o + i]!;
      }
    }
    const next = new Float32Array(k * dim);
    for (let j = 0; j < k; j++) {
      let norm = 0;
      for (let i = 0; i < dim; i++) {
        const v = sums[j * dim + i]! + centroids[j * dim + i]!;
        sums[j * dim + i] = v;
        norm += v * v;
      }
      const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let i = 0; i < dim; i++) next[j * dim + i] = sums[j * dim + i]! * s;
    }
    centroids = next;
  }
  return sortBySize(centroids, sizes, dim);
}

/** k distinct points chosen by a seeded partial shuffle, normalised. */
function initialCentroids(data: Float32Array, dim: number, count: number, k: number, seed: number): Float32Array {
  const rand = mulberry32(seed);
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  const out = new Float32Array(k * dim);
  for (let j = 0, taken = 0; taken < k && j < count; j++) {
    const pick = j + Math.floor(rand() * (count - j));
    const p = order[pick]!;
    order[pick] = order[j]!;
    order[j] = p;
    let norm = 0;
    for (let i = 0; i < dim; i++) norm += data[p * dim + i]! * data[p * dim + i]!;
    if (norm === 0) continue; // a zero point has no direction
    const s = 1 / Math.sqrt(norm);
    for (let i = 0; i < dim; i++) out[taken * dim + i] = data[p * dim + i]! * s;
    taken++;
  }
  return out;
}

function sortBySize(centroids: Float32Array, sizes: Int32Array, dim: number): KMeansResult {
  const k = sizes.length;
  const order = Array.from({ length: k }, (_, j) => j).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const sorted = new Float32Array(k * dim), sortedSizes = new Int32Array(k);
  order.forEach((j, to) => {
    sorted.set(centroids.subarray(j * dim, (j + 1) * dim), to * dim);
    sortedSizes[to] = sizes[j]!;
  });
  return { centroids: sorted, sizes: sortedSizes };
}
