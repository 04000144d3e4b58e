import { describe, expect, it } from 'vitest';
import { copyInSteps, setInSteps } from '../../../src/worker/copySteps';

/** The first index where a and b differ (or their lengths do), -1 if none (toEqual takes 30 s on 4 M floats). */
function firstDifference(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

/** Large arrays are copied 2 M floats at a time with a task between steps (no long main-thread task). */
describe('stepwise copies of large outputs and bands', () => {
  const n = (1 << 21) * 2 + 12_345; // three steps, the last one partial
  const src = Float32Array.from({ length: n }, (_, i) => (i % 9973) - i / n);

  it('setInSteps writes every element at the offset and nothing else', async () => {
    const dst = new Float32Array(n + 7).fill(-1);
    await setInSteps(dst, src, 5);
    expect(dst.subarray(0, 5).every((v) => v === -1)).toBe(true);
    expect(dst[n + 5]).toBe(-1);
    expect(dst[n + 6]).toBe(-1);
    for (const i of [0, 1, (1 << 21) - 1, 1 << 21, (1 << 22) + 1, n - 1]) expect(dst[i + 5]).toBe(src[i]);
    expect(firstDifference(dst.subarray(5, n + 5), src)).toBe(-1);
  });

  it('setInSteps stops with an abort error when cancelled between steps', async () => {
    const c = new AbortController();
    const dst = new Float32Array(n);
    const p = setInSteps(dst, src, 0, c.signal);
    c.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(dst[n - 1]).toBe(0); // the last step never ran
  });

  it('copyInSteps copies the range [start, end)', async () => {
    const out = await copyInSteps(src, 3, n - 2);
    expect(out.length).toBe(n - 5);
    expect(firstDifference(out, src.subarray(3, n - 2))).toBe(-1);
  });
});
