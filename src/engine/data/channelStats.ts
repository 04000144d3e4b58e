/**
 * What scene 2's stack of channel maps needs to know about a photo's input before it can draw:
 * which channels vary most over the photo, and where its colour scale ends. Two passes over
 * the whole input (1.6 M values for the classic layer): the worker computes them with the
 * layer, so the page does not spend a long task on them when the layer arrives.
 */
import type { HwcTensor } from '../core/tensor';

/**
 * The q-quantile of `measure(v)` over every `step`-th value, from a 1,024-bin histogram
 * between 0 and the largest finite measure: linear time, no sort. Counted are the values
 * whose measure is > 0, or, with `countAll`, every one that is a number (zeros in the first
 * bin, ±Infinity in the last). Null when no finite measure is > 0.
 */
export function quantileOf(values: ArrayLike<number>, q: number, measure: (v: number) => number, step = 1, countAll = false): number | null {
  let max = 0;
  for (let i = 0; i < values.length; i += step) {
    const a = measure(values[i]!);
    if (a > max && a !== Infinity) max = a;
  }
  if (!(max > 0)) return null;
  const bins = new Uint32Array(1024);
  let count = 0;
  for (let i = 0; i < values.length; i += step) {
    const a = measure(values[i]!);
    if (countAll ? a !== a : !(a > 0)) continue;
    bins[Math.min(1023, Math.floor((a / max) * 1024))]!++;
    count++;
  }
  let seen = 0;
  for (let b = 0; b < 1024; b++) {
    seen += bins[b]!;
    if (seen >= q * count) return ((b + 1) / 1024) * max;
  }
  return max;
}

/** The input's channels by decreasing variance over the map (ties: the lower channel first). */
export function channelsByVariance(input: HwcTensor): Int32Array {
  const { channels: c, data } = input;
  const sum = new Float64Array(c), sq = new Float64Array(c);
  for (let o = 0; o < data.length; o += c) {
    for (let i = 0; i < c; i++) {
      const v = data[o + i]!;
      sum[i]! += v;
      sq[i]! += v * v;
    }
  }
  const n = data.length / c;
  const variance = Array.from({ length: c }, (_, i) => sq[i]! / n - (sum[i]! / n) ** 2);
  return Int32Array.from(Array.from({ length: c }, (_, i) => i).sort((a, b) => variance[b]! - variance[a]! || a - b));
}

/** Scene 2's view of a photo's sparse features: channels by variance, and the 99th percentile of the positive values. */
export interface InputSummary {
  readonly byVariance: Int32Array;
  /** The colour scale's top: the 0.99-quantile of the values > 0 (1 when there are none). */
  readonly high: number;
}

export function inputSummary(input: HwcTensor): InputSummary {
  return { byVariance: channelsByVariance(input), high: quantileOf(input.data, 0.99, (v) => v) ?? 1 };
}

