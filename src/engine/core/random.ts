/**
 * Seeded, deterministic random numbers. Only integer ops and correctly rounded IEEE
 * arithmetic (+ − × ÷ √) are used, never Math.random, exp, log or sin, whose last bits may
 * differ between JavaScript engines: the same seed gives the same numbers everywhere.
 */

/** A generator of uniform numbers in [0, 1). */
export type Uniform = () => number;

/** mulberry32: a small, fast 32-bit generator with a full 2³² period. */
export function mulberry32(seed: number): Uniform {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Derives an independent seed for a named stream ("weights", "input", …) from one seed. */
export function subSeed(seed: number, stream: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < stream.length; i++) {
    h = Math.imul(h ^ stream.charCodeAt(i), 0x85ebca6b) >>> 0;
    h ^= h >>> 13;
  }
  return h >>> 0;
}

/**
 * An approximately standard normal sample (mean 0, variance 1): the Irwin–Hall sum of four
 * uniforms, centred and scaled by √3. Bell-shaped, bounded at ±2√3, and it needs no
 * transcendental function — enough for weight initialisation, at a third of the cost of
 * the classic twelve-uniform sum.
 */
export function normal(rand: Uniform): number {
  return (rand() + rand() + rand() + rand() - 2) * SQRT3;
}

const SQRT3 = Math.sqrt(3);

/**
 * He-normal weights for a layer with `fanIn` inputs per output: N(0, 2 / fanIn), as for a
 * layer followed by ReLU. Returns `count` float32 values.
 */
export function heNormal(count: number, fanIn: number, seed: number): Float32Array {
  const rand = mulberry32(seed);
  const std = Math.sqrt(2 / fanIn);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = normal(rand) * std;
  return out;
}

/** Small biases, N(0, 0.1²), one per output channel. */
export function smallBias(count: number, seed: number): Float32Array {
  const rand = mulberry32(seed);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = normal(rand) * 0.1;
  return out;
}
