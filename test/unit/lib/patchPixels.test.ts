import { describe, expect, it } from 'vitest';
import { quantilePositiveDomain, quantileSymmetricDomain } from '../../../src/lib/colormap';
import { filterPatch, photoWindow } from '../../../src/lib/patchPixels';

describe('photoWindow(photo, top, left, size)', () => {
  it('copies the window and repeats edge pixels outside the photo', () => {
    // A 3×2 photo whose red value is 10·row + col.
    const rgba = Uint8ClampedArray.from({ length: 3 * 2 * 4 }, (_, i) => (i % 4 === 0 ? 10 * Math.floor(i / 8) + ((i / 4) % 2) : 0));
    const win = photoWindow({ rgba, width: 2, height: 3 }, -1, 1, 2);
    // Rows −1, 0 → 0, 0; columns 1, 2 → 1, 1.
    expect([win[0], win[4], win[8], win[12]]).toEqual([1, 1, 1, 1]);
    expect(photoWindow({ rgba, width: 2, height: 3 }, 2, 0, 1)[0]).toBe(20);
    expect(win[3]).toBe(255);
  });
});

describe('filterPatch(filters, j, kernel, negate)', () => {
  it('maps 0 to grey, the largest |weight| to 1 or 255, and negates the other polarity', () => {
    // Two 1×1 filters (3 weights each): filter 1 is (0.5, −0.5, 1).
    const filters = Float32Array.from([2, 0, 0, 0.5, -0.5, 1]);
    expect(Array.from(filterPatch(filters, 1, 1))).toEqual([192, 65, 255, 255]);
    expect(Array.from(filterPatch(filters, 1, 1, true))).toEqual([65, 192, 1, 255]);
    expect(Array.from(filterPatch(filters, 0, 1))).toEqual([255, 128, 128, 255]);
  });
});

describe('quantile colour domains', () => {
  it('quantileSymmetricDomain: ±(the q-quantile of |v|) within one bin, not the outlier', () => {
    const values = Float32Array.from({ length: 10000 }, (_, i) => (i % 2 ? -1 : 1) * (i / 10000));
    values[5] = 100;
    const d = quantileSymmetricDomain(values, 0.99);
    expect(d.hi).toBeGreaterThan(0.98);
    expect(d.hi).toBeLessThan(0.99 + 100 / 1024);
    expect(d.lo).toBe(-d.hi);
  });
  it('quantilePositiveDomain ignores zeros and negatives', () => {
    const values = Float32Array.from({ length: 1000 }, (_, i) => (i < 900 ? 0 : (i - 899) / 100));
    values[0] = -5;
    const d = quantilePositiveDomain(values, 0.5);
    expect(d.lo).toBe(0);
    expect(d.hi).toBeGreaterThan(0.49);
    expect(d.hi).toBeLessThan(0.51 + 1 / 1024);
  });
});
