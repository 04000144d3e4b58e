/**
 * The photo layer's input summary (scene 2's stack: which channels show it, and their colour
 * scale) as the worker makes it: two steps, and a quantile without a callback. Apart from
 * channelStats.ts, which the page loads at start-up, so that the page does not carry it.
 */
import { channelsByVariance, type InputSummary } from './channelStats';
import type { Steps } from '../core/steps';
import type { HwcTensor } from '../core/tensor';

/** inputSummary as two steps (each a pass over the whole map: ~20 ms, twice that on a phone's main thread). */
export function* inputSummarySteps(input: HwcTensor): Steps<InputSummary> {
  const byVariance = channelsByVariance(input);
  yield;
  return { byVariance, high: positiveQuantile(input.data, 0.99) ?? 1 };
}

/**
 * quantileOf(values, q, v => v) without the measure callback, for the 1.6 million values of a
 * map (the same bins, the same answer; the callback made it a 40–50 ms step).
 */
export function positiveQuantile(values: Float32Array, q: number): number | null {
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const a = values[i]!;
    if (a > max && a !== Infinity) max = a;
  }
  if (!(max > 0)) return null;
  const bins = new Uint32Array(1024);
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const a = values[i]!;
    if (!(a > 0)) continue;
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
