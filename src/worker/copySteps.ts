/**
 * Large arrays copied on the main thread a slice at a time (a layer's band is tens of
 * megabytes), with a task between slices, so the page never stops for longer than a frame.
 */
import { abortError } from './connection';
import { yieldTask } from './yieldTask';

/** Floats copied in one step of copyInSteps: 2 M (8 MB), about 4 ms. */
export const COPY_STEP = 1 << 21;

/** A copy of src[start, end), made COPY_STEP floats at a time with a yield between steps. */
export async function copyInSteps(src: Float32Array, start: number, end: number, signal?: AbortSignal): Promise<Float32Array> {
  if (end - start <= COPY_STEP) return src.slice(start, end);
  const out = new Float32Array(end - start);
  await setInSteps(out, src.subarray(start, end), 0, signal);
  return out;
}

/** dst.set(src, offset), COPY_STEP floats at a time with a yield between steps. */
export async function setInSteps(dst: Float32Array, src: Float32Array, offset: number, signal?: AbortSignal): Promise<void> {
  for (let o = 0; o < src.length; o += COPY_STEP) {
    if (o > 0) {
      await yieldTask();
      if (signal?.aborted) throw abortError();
    }
    dst.set(src.subarray(o, Math.min(src.length, o + COPY_STEP)), offset + o);
  }
}
