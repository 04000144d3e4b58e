import { describe, expect, it } from 'vitest';
import { COLORMAP_STOPS } from '../../../src/lib/colormapStops';
import { LUT_SIZE, lut, parseColor, type ColormapName } from '../../../src/lib/colormap';
import { REFERENCE_MAPS } from '../../../scripts/colormapStops';

describe('colour tables', () => {
  it('stay within 3 levels per channel of d3-scale-chromatic at every one of the 256 entries', () => {
    for (const name of Object.keys(COLORMAP_STOPS) as ColormapName[]) {
      const table = lut(name);
      let worst = 0;
      for (let i = 0; i < LUT_SIZE; i++) {
        const ref = parseColor(REFERENCE_MAPS[name](i / (LUT_SIZE - 1)));
        for (let c = 0; c < 3; c++) worst = Math.max(worst, Math.abs(table[i * 4 + c]! - ref[c]!));
        expect(table[i * 4 + 3]).toBe(255);
      }
      expect(worst, name).toBeLessThanOrEqual(3);
    }
  });
  it('the generated stops are what the script prints (regenerate after changing it)', () => {
    for (const name of Object.keys(COLORMAP_STOPS) as ColormapName[]) {
      expect(COLORMAP_STOPS[name].slice(0, 6)).toBe(parseColor(REFERENCE_MAPS[name](0)).map((v) => Math.round(v).toString(16).padStart(2, '0')).join(''));
    }
  });
  it('diverging maps are light in the middle (zero) and dark at both ends', () => {
    const t = lut('rdbu');
    const light = (i: number) => t[i * 4]! + t[i * 4 + 1]! + t[i * 4 + 2]!;
    expect(light(128)).toBeGreaterThan(650);
    expect(light(0)).toBeLessThan(300);
    expect(light(255)).toBeLessThan(300);
  });
});

describe('domains with overflowed values (issue #18 §5)', () => {
  it('span the finite values; ±Infinity clamps to the ends, NaN is ignored', async () => {
    const { symmetricDomain, positiveDomain, quantileSymmetricDomain } = await import('../../../src/lib/colormap');
    const values = Float32Array.from([Infinity, -Infinity, NaN, 2, -3, 1]);
    expect(symmetricDomain(values)).toEqual({ lo: -3, hi: 3 });
    expect(positiveDomain(values)).toEqual({ lo: 0, hi: 2 });
    const q = quantileSymmetricDomain(values, 1);
    expect(Number.isFinite(q.hi)).toBe(true);
    expect(q.hi).toBeGreaterThanOrEqual(3);
  });
});

describe('the weights’ colour scale (weightDomain)', () => {
  it('spans the full range of synthetic weights and the 99.5th percentile of |w| for learned ones, for the same array', async () => {
    const { weightDomain } = await import('../../../src/lib/colormap');
    const w = Float32Array.from({ length: 1000 }, (_, i) => (i === 7 ? -50 : ((i * 37) % 200) / 100 - 1));
    expect(weightDomain(w, false)).toEqual({ lo: -50, hi: 50 });
    const learned = weightDomain(w, true);
    expect(learned.hi).toBeCloseTo(1, 1); // the one −50 is beyond the 99.5th percentile
    expect(learned.lo).toBe(-learned.hi);
  });
});
