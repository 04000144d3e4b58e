/**
 * A small linear scale for the start-up views: d3-array's tick algorithm and d3-format's
 * fixed-precision labels, without pulling d3-scale (and its interpolators) into the first
 * chunk. Lazily loaded views may use d3-scale itself.
 */
import { nice as niceExtent, ticks as d3Ticks, tickStep } from 'd3-array';

export interface LinearScale {
  (value: number): number;
  readonly domain: readonly [number, number];
  ticks(count: number): number[];
  /** Labels with as many decimals as the tick step needs, thousands grouped, a real minus sign (U+2212). */
  tickFormat(count: number): (value: number) => string;
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number], options: { nice?: number } = {}): LinearScale {
  let [d0, d1] = domain;
  if (options.nice !== undefined) [d0, d1] = niceExtent(d0, d1, options.nice);
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const scale = ((v: number) => (d1 === d0 ? (r0 + r1) / 2 : r0 + (v - d0) * k)) as LinearScale;
  Object.assign(scale, {
    domain: [d0, d1] as const,
    ticks: (count: number) => d3Ticks(d0, d1, count),
    tickFormat: (count: number) => {
      const step = Math.abs(tickStep(d0, d1, count));
      const decimals = step > 0 && Number.isFinite(step) ? Math.max(0, -Math.floor(Math.log10(step) + 1e-9)) : 0;
      return (v: number) => {
        const s = Math.abs(v).toFixed(decimals);
        const [whole = '', frac] = s.split('.');
        const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',') + (frac === undefined ? '' : `.${frac}`);
        return v < 0 && Number(s) !== 0 ? `−${grouped}` : grouped;
      };
    },
  });
  return scale;
}
