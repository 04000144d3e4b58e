import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { linearScale } from '../../../src/lib/linearScale';

describe('linearScale', () => {
  const cases: [number, number, number][] = [[-4.2, 4.2, 5], [0, 1, 5], [-0.013, 0.02, 4], [3, 1250, 6], [-1e-4, 1e-4, 5], [-37.5, 12, 4]];
  it('maps, ticks and labels as d3-scale does (the reference)', () => {
    for (const [lo, hi, n] of cases) {
      const ours = linearScale([lo, hi], [0, 100]), ref = scaleLinear().domain([lo, hi]).range([0, 100]);
      expect(ours.ticks(n)).toEqual(ref.ticks(n));
      expect(ours((lo + hi) / 3)).toBeCloseTo(ref((lo + hi) / 3), 9);
      const f = ours.tickFormat(n), g = ref.tickFormat(n);
      for (const t of ref.ticks(n)) expect(f(t)).toBe(g(t));
      const niceOurs = linearScale([lo, hi], [0, 1], { nice: n }), niceRef = scaleLinear().domain([lo, hi]).nice(n);
      expect(niceOurs.domain).toEqual(niceRef.domain());
    }
  });
});
