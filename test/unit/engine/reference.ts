/** Independent float64 references for the engine tests: the plainest loops possible. */

/** out[p][k] = Σᵢ x[p][i]·w[k][i] (+ b[k]) (ReLU), all in float64. */
export function referencePointwise(
  x: Float32Array, pixels: number, cin: number, w: Float32Array, cout: number,
  bias?: Float32Array, relu = false,
): Float64Array {
  const out = new Float64Array(pixels * cout);
  for (let p = 0; p < pixels; p++) {
    for (let k = 0; k < cout; k++) {
      let s = 0;
      for (let i = 0; i < cin; i++) s += x[p * cin + i]! * w[k * cin + i]!;
      if (bias) s += bias[k]!;
      out[p * cout + k] = relu ? Math.max(0, s) : s;
    }
  }
  return out;
}

/** Largest |a − b| over both arrays, and the largest |b|. */
export function maxError(a: ArrayLike<number>, b: ArrayLike<number>): { err: number; scale: number } {
  let err = 0, scale = 0;
  for (let i = 0; i < b.length; i++) {
    err = Math.max(err, Math.abs(a[i]! - b[i]!));
    scale = Math.max(scale, Math.abs(b[i]!));
  }
  return { err, scale };
}

/** A tiny seeded generator for test data, independent of the engine's. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296 - 0.5;
  };
}

export function randomArray(n: number, rand: () => number): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = rand();
  return a;
}
