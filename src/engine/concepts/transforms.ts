/**
 * Spatial rearrangements of a channels-last map, for the "what vs where" demonstration: a
 * 1×1 layer commutes with any of them (it never looks at neighbours), a k×k layer does not.
 */
import { mulberry32 } from '../core/random';
import { hwcTensor, type HwcTensor } from '../core/tensor';

/** Moves every pixel `dy` rows down and `dx` columns right, wrapping around the edges. */
export function shiftPixels(input: HwcTensor, dy: number, dx: number): HwcTensor {
  const { height: h, width: w, channels: n } = input;
  const out = hwcTensor(h, w, n);
  for (let r = 0; r < h; r++) {
    const tr = (((r + dy) % h) + h) % h;
    for (let c = 0; c < w; c++) {
      const tc = (((c + dx) % w) + w) % w;
      out.data.set(input.data.subarray((r * w + c) * n, (r * w + c + 1) * n), (tr * w + tc) * n);
    }
  }
  return out;
}

/** A seeded shuffle of 0…count−1 (Fisher–Yates). */
export function pixelPermutation(count: number, seed: number): Uint32Array {
  const rand = mulberry32(seed);
  const p = new Uint32Array(count);
  for (let i = 0; i < count; i++) p[i] = i;
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  return p;
}

/** Puts pixel i of the input at position perm[i] of the output. */
export function permutePixels(input: HwcTensor, perm: ArrayLike<number>): HwcTensor {
  const { height: h, width: w, channels: n } = input;
  if (perm.length !== h * w) throw new RangeError(`permutation has ${perm.length} entries for ${h * w} pixels`);
  const out = hwcTensor(h, w, n);
  for (let i = 0; i < h * w; i++) out.data.set(input.data.subarray(i * n, (i + 1) * n), perm[i]! * n);
  return out;
}

/** The largest |a − b| over two equally long arrays. */
export function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError('arrays differ in length');
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}
