/**
 * The opening figure's loop as a pure function of time: for each filter, the first pixels
 * slowly (so the dot product can be read), then the rest of the map quickly, a pause on the
 * finished map, and the next filter. No DOM: tests check it directly.
 */

/** Pixels shown one by one, and how long each stays. */
export const SLOW_PIXELS = 5;
export const SLOW_MS = 900;
/** The rest of the map fills in this long, then the finished map stays HOLD_MS. */
export const FAST_MS = 6000;
export const HOLD_MS = 1800;

export interface LoopPosition {
  /** Pixel index (row · W + col) the rod is at. */
  readonly pixel: number;
  /** How many pixels of the map are filled (0…pixels), the current one included. */
  readonly filled: number;
  /** True once the map is finished and the loop should move to the next filter. */
  readonly done: boolean;
}

/** How long one filter's cycle lasts for a map of `pixels` pixels. */
export function cycleMs(pixels: number): number {
  const slow = Math.min(SLOW_PIXELS, pixels);
  return slow * SLOW_MS + (pixels > slow ? FAST_MS : 0) + HOLD_MS;
}

/** Where the loop is `t` ms into a filter's cycle. */
export function loopPosition(t: number, pixels: number): LoopPosition {
  const slow = Math.min(SLOW_PIXELS, pixels);
  const time = Math.max(0, t);
  if (time < slow * SLOW_MS) {
    const pixel = Math.floor(time / SLOW_MS);
    return { pixel, filled: pixel + 1, done: false };
  }
  const rest = pixels - slow;
  const fast = rest > 0 ? FAST_MS : 0;
  const u = time - slow * SLOW_MS;
  if (u < fast) {
    const pixel = Math.min(pixels - 1, slow + Math.floor((u / fast) * rest));
    return { pixel, filled: pixel + 1, done: false };
  }
  return { pixel: pixels - 1, filled: pixels, done: time >= slow * SLOW_MS + fast + HOLD_MS };
}

/** The time in a cycle at which the loop reaches `pixel` (to resume from a paused pixel). */
export function timeAtPixel(pixel: number, pixels: number): number {
  const slow = Math.min(SLOW_PIXELS, pixels);
  if (pixel < slow) return pixel * SLOW_MS;
  const rest = pixels - slow;
  return slow * SLOW_MS + (rest > 0 ? ((pixel - slow) / rest) * FAST_MS : 0);
}

/** The `count` channels of largest variance over the map (those that show the picture), in channel order. */
export function strongestChannels(data: Float32Array, channels: number, count: number): number[] {
  const n = Math.min(count, channels);
  const sum = new Float64Array(channels), sq = new Float64Array(channels);
  for (let o = 0; o < data.length; o += channels) {
    for (let i = 0; i < channels; i++) {
      const v = data[o + i]!;
      sum[i]! += v;
      sq[i]! += v * v;
    }
  }
  const pixels = data.length / channels || 1;
  const variance = (i: number) => sq[i]! / pixels - (sum[i]! / pixels) ** 2;
  return Array.from({ length: channels }, (_, i) => i)
    .sort((a, b) => variance(b) - variance(a) || a - b).slice(0, n).sort((a, b) => a - b);
}
