/**
 * Colour lookup tables: 256 RGBA entries built once per scale, so drawing a heatmap only
 * copies bytes. Signed values use a diverging map centred on zero; non-negative ones a
 * sequential map. Both defaults are colour-blind safe (RdBu-like diverging, cividis).
 * The tables are interpolated from 33 stops sampled from d3-scale-chromatic at build time
 * (scripts/colormapStops.ts), so d3's interpolators stay out of the first chunk.
 */
import { quantileOf } from '../engine/data/channelStats';
import { COLORMAP_STOPS } from './colormapStops';

export const LUT_SIZE = 256;

export type ColormapName = keyof typeof COLORMAP_STOPS;
export type Lut = Uint8ClampedArray;

/** Parses "rgb(r, g, b)" or "#rrggbb" into [r, g, b]. */
export function parseColor(css: string): [number, number, number] {
  if (css.startsWith('#')) {
    const n = parseInt(css.slice(1, 7), 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const m = css.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0'];
  return [Number(m[0]), Number(m[1]), Number(m[2])];
}

const cache = new Map<ColormapName, Lut>();

/** The 256-entry RGBA table of a colour map (cached): linear interpolation between its stops. */
export function lut(name: ColormapName): Lut {
  let table = cache.get(name);
  if (!table) {
    const hex = COLORMAP_STOPS[name];
    const stops = hex.length / 6;
    const stop = (i: number, c: number) => parseInt(hex.slice(i * 6 + c * 2, i * 6 + c * 2 + 2), 16);
    table = new Uint8ClampedArray(LUT_SIZE * 4);
    for (let i = 0; i < LUT_SIZE; i++) {
      const x = (i / (LUT_SIZE - 1)) * (stops - 1);
      const j = Math.min(stops - 2, Math.floor(x)), f = x - j;
      for (let c = 0; c < 3; c++) table[i * 4 + c] = Math.round(stop(j, c) * (1 - f) + stop(j + 1, c) * f);
      table[i * 4 + 3] = 255;
    }
    cache.set(name, table);
  }
  return table;
}

/** CSS colour of LUT entry for t in [0, 1]. */
export function lutColor(table: Lut, t: number): string {
  const i = Math.max(0, Math.min(LUT_SIZE - 1, Math.round(t * (LUT_SIZE - 1)))) * 4;
  return `rgb(${table[i]}, ${table[i + 1]}, ${table[i + 2]})`;
}

/** A value domain mapped onto the table: [lo, hi]; diverging domains are symmetric around 0. */
export interface ColorDomain {
  readonly lo: number;
  readonly hi: number;
}

/** A symmetric domain [−m, m] covering the values (m > 0 even for all-zero data). */
export function symmetricDomain(values: ArrayLike<number>): ColorDomain {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]!);
    if (a > m && a !== Infinity) m = a; // ±Infinity (overflow) shows at the ends of the scale
  }
  m = m || 1;
  return { lo: -m, hi: m };
}

/** [0, max] for non-negative data. */
export function positiveDomain(values: ArrayLike<number>): ColorDomain {
  let m = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > m && values[i]! !== Infinity) m = values[i]!;
  return { lo: 0, hi: m || 1 };
}

/**
 * [0, q-quantile of the positive values]: for sparse, heavy-tailed maps (a real network's
 * features after ReLU), where the largest value would leave most of the map pale. Values
 * above it show at full colour.
 */
export function quantilePositiveDomain(values: ArrayLike<number>, q: number): ColorDomain {
  return { lo: 0, hi: quantileOf(values, q, (v) => v) ?? 1 };
}

/**
 * [−m, m] with m the q-quantile of |value| (from at most ~65,536 evenly spaced samples, so it
 * costs well under a millisecond for any map): learned weights and a photo's outputs have a
 * few large values that would otherwise wash every other cell out. Beyond ±m: full colour.
 */
export function quantileSymmetricDomain(values: ArrayLike<number>, q: number): ColorDomain {
  const m = quantileOf(values, q, Math.abs, Math.max(1, Math.ceil(values.length / 65536)), true);
  return m === null ? symmetricDomain(values) : { lo: -m, hi: m };
}

/** The weights' scale: learned prototypes have a few large weights, so their 99.5th percentile; others their full range. */
export function weightDomain(weights: ArrayLike<number>, isLearned: boolean): ColorDomain {
  return isLearned ? quantileSymmetricDomain(weights, 0.995) : symmetricDomain(weights);
}
