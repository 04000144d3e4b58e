import { describe, expect, it } from 'vitest';
import { cellRect, layerGeometry, pixelAt } from '../../../../src/views/Walkthrough/layer/geometry';
import { cycleMs, loopPosition, SLOW_MS, SLOW_PIXELS, strongestChannels, timeAtPixel } from '../../../../src/views/Walkthrough/layer/schedule';

describe('the whole-layer figure’s geometry', () => {
  it('draws 1,024 channels twice as deep as 512, says how much depth is squeezed, and keeps faces to the map’s aspect', () => {
    const g = layerGeometry({ height: 56, width: 56, inChannels: 512, outChannels: 1024 });
    expect(g.outDepth / g.inDepth).toBeCloseTo(2, 6);
    expect(g.rodDepth).toBe(g.inDepth); // the filter has Cin weights, as deep as the input
    expect(g.inFace.w).toBe(g.inFace.h);
    // To scale, 1,024 channels would be 1,024 × (100 / 56) units deep; drawn 80.
    expect(g.depthSqueeze).toBeCloseTo((1024 * 100) / 56 / 80, 6);
    expect(g.depthClamped).toBe(false);
    const wide = layerGeometry({ height: 16, width: 64, inChannels: 250, outChannels: 10 });
    expect(wide.outFace.w / wide.outFace.h).toBeCloseTo(4, 6);
    expect(wide.depthClamped).toBe(true); // 10 of 250 channels would be thinner than visible
    // Everything stays inside the view box, input left of the rod left of the output.
    for (const s of [g, wide]) {
      expect(s.inFace.x + s.inFace.w).toBeLessThan(s.rod.x);
      expect(s.rod.x).toBeLessThan(s.outFace.x);
      expect(s.outFace.x + s.outFace.w + s.outDepth * s.dx).toBeLessThanOrEqual(s.viewWidth);
      expect(s.outFace.y - s.outDepth * s.dy).toBeGreaterThanOrEqual(0);
    }
  });
  it('maps a pointer position on a face to its pixel, and a pixel to its cell', () => {
    expect(pixelAt(0, 0, 56, 56)).toEqual({ row: 0, col: 0 });
    expect(pixelAt(0.999, 0.5, 56, 56)).toEqual({ row: 28, col: 55 });
    expect(pixelAt(1.2, -0.1, 4, 4)).toEqual({ row: 0, col: 3 });
    expect(cellRect({ x: 10, y: 20, w: 40, h: 40 }, 1, 2, 4, 4)).toEqual({ x: 30, y: 30, w: 10, h: 10 });
  });
});

describe('the loop’s schedule', () => {
  it('shows the first pixels slowly, fills the rest, holds the map, then is done', () => {
    const n = 56 * 56;
    expect(loopPosition(0, n)).toEqual({ pixel: 0, filled: 1, done: false });
    expect(loopPosition(SLOW_MS * 2.5, n)).toEqual({ pixel: 2, filled: 3, done: false });
    const end = loopPosition(cycleMs(n) - 1, n);
    expect(end).toEqual({ pixel: n - 1, filled: n, done: false });
    expect(loopPosition(cycleMs(n), n).done).toBe(true);
    // Pixels never go backwards within a cycle.
    let last = -1;
    for (let t = 0; t < cycleMs(n); t += 37) {
      const p = loopPosition(t, n).pixel;
      expect(p).toBeGreaterThanOrEqual(last);
      last = p;
    }
  });
  it('resumes where it was paused: the time at a pixel gives that pixel back', () => {
    for (const n of [16, 3136]) {
      for (const p of [0, 1, SLOW_PIXELS, Math.floor(n / 2), n - 2]) expect(loopPosition(timeAtPixel(p, n) + 1e-6, n).pixel).toBe(p);
    }
    // A map smaller than the slow start is all slow.
    expect(loopPosition(SLOW_MS * 2 + 1, 3)).toEqual({ pixel: 2, filled: 3, done: false });
  });
  it('picks the channels that vary most, in channel order', () => {
    // 2 pixels × 4 channels: channel 2 varies most, then 0; 1 and 3 are constant.
    const data = new Float32Array([1, 5, 0, 7, 3, 5, 10, 7]);
    expect(strongestChannels(data, 4, 2)).toEqual([0, 2]);
    expect(strongestChannels(data, 4, 9)).toHaveLength(4);
  });
});
