import { describe, expect, it } from 'vitest';
import { cellAt, cellOrigin, gridLayout, paintMap } from '../../../src/components/CanvasHeatmap/drawHeatmap';
import { lut } from '../../../src/lib/colormap';

describe('paintMap', () => {
  it('maps −m, 0 and +m to the first, middle and last LUT colours, reading with a stride', () => {
    const table = lut('rdbu');
    const rgba = new Uint8ClampedArray(3 * 4);
    // Channel 1 of a 1×3×2 channels-last map: values −2, 0, 2.
    paintMap(rgba, 3, 0, 0, { values: [9, -2, 9, 0, 9, 2], height: 1, width: 3, offset: 1, stride: 2 }, { lo: -2, hi: 2 }, table);
    expect(Array.from(rgba.subarray(0, 4))).toEqual(Array.from(table.subarray(0, 4)));
    expect(Array.from(rgba.subarray(4, 8))).toEqual(Array.from(table.subarray(128 * 4, 128 * 4 + 4)));
    expect(Array.from(rgba.subarray(8, 12))).toEqual(Array.from(table.subarray(255 * 4, 256 * 4)));
    // Blue for negative, red for positive.
    expect(rgba[2]!).toBeGreaterThan(rgba[0]!);
    expect(rgba[8]!).toBeGreaterThan(rgba[10]!);
  });
});

describe('gridLayout / cellAt', () => {
  it('lays 1024 56×56 maps out 32×32 and finds the cell under a point', () => {
    const g = gridLayout(1024, 56, 56, 4);
    expect([g.cols, g.rows]).toEqual([32, 32]);
    expect(g.width).toBe(32 * 60 - 4);
    const o = cellOrigin(g, 33);
    expect(o).toEqual({ x: 60, y: 60 });
    expect(cellAt(g, o.x + 10, o.y + 10, 1024)).toBe(33);
    expect(cellAt(g, 57, 10, 1024)).toBe(-1); // in the gap
  });
});
