import { describe, expect, it } from 'vitest';
import { cellAt, cellOrigin, gridLayout, paintMap, paintShrunk } from '../../../src/components/CanvasHeatmap/drawHeatmap';
import { thumbnailFactor } from '../../../src/views/Explorer/OutputGrid';
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

  it('paints a row-major Cout×Cin matrix as Cin rows × Cout columns with rowStride 1', () => {
    const table = lut('rdbu');
    // 3 filters of 2 weights: filter k = [k − 1, 1 − k]; drawn 2 rows (channels) × 3 columns (filters).
    const weights = [-1, 1, 0, 0, 1, -1];
    const rgba = new Uint8ClampedArray(2 * 3 * 4);
    paintMap(rgba, 3, 0, 0, { values: weights, height: 2, width: 3, stride: 2, rowStride: 1 }, { lo: -1, hi: 1 }, table);
    const colourAt = (r: number, c: number) => Array.from(rgba.subarray((r * 3 + c) * 4, (r * 3 + c) * 4 + 4));
    const colourOf = (i: number) => Array.from(table.subarray(i * 4, i * 4 + 4));
    expect([colourAt(0, 0), colourAt(0, 1), colourAt(0, 2)]).toEqual([colourOf(0), colourOf(128), colourOf(255)]);
    expect([colourAt(1, 0), colourAt(1, 1), colourAt(1, 2)]).toEqual([colourOf(255), colourOf(128), colourOf(0)]);
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

describe('paintShrunk', () => {
  it('paints each pixel as the mean of its block, edge blocks included', () => {
    const table = lut('rdbu');
    // A 3×3 map shrunk twice: blocks [[−1, 1; −1, 1]] → 0, [[1; 1]] → 1, [[−1, 1]] → 0, [[1]] → 1.
    const values = [-1, 1, 1, -1, 1, 1, -1, 1, 1];
    const rgba = new Uint8ClampedArray(2 * 2 * 4);
    paintShrunk(rgba, 2, 0, 0, { values, height: 3, width: 3 }, { lo: -1, hi: 1 }, table, 2);
    const colourOf = (i: number) => Array.from(table.subarray(i * 4, i * 4 + 4));
    const got = [0, 1, 2, 3].map((p) => Array.from(rgba.subarray(p * 4, p * 4 + 4)));
    expect(got).toEqual([colourOf(128), colourOf(255), colourOf(128), colourOf(255)]);
  });

  it('shrinks the 1024 headline maps to 28×28 thumbnails in a grid under 1024 px', () => {
    expect(thumbnailFactor(1024, 56, 56)).toBe(2);
    expect(thumbnailFactor(10, 56, 56)).toBe(1);
  });
});
