import { afterEach, describe, expect, it, vi } from 'vitest';
import { paintInFrames } from '../../../src/components/CanvasHeatmap/paintInFrames';

/** A fake frame loop: `frame()` runs the callbacks requested so far. */
function fakeFrames() {
  let queue: FrameRequestCallback[] = [];
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => queue.push(cb));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => { queue[id - 1] = () => {}; });
  return {
    frame() {
      const run = queue;
      queue = [];
      for (const cb of run) cb(0);
    },
    get pending() { return queue.length; },
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('paintInFrames', () => {
  it('paints nothing in the calling task, a budget per frame after, and shows the image once, when complete', () => {
    const frames = fakeFrames();
    const untils: number[] = [];
    let pieces = 0;
    const shows: number[] = [];
    paintInFrames((until) => {
      untils.push(until - performance.now());
      pieces += 2; // two pieces a frame
      return pieces >= 5;
    }, () => shows.push(pieces));
    expect(pieces).toBe(0);
    frames.frame();
    frames.frame();
    expect([pieces, shows]).toEqual([4, []]);
    frames.frame();
    expect([pieces, shows, frames.pending]).toEqual([6, [6], 0]);
    // Each frame's deadline is a few ms ahead: far below the 50 ms of a long task.
    for (const u of untils) {
      expect(u).toBeGreaterThan(2);
      expect(u).toBeLessThanOrEqual(10);
    }
  });

  it('stops when cancelled: newer data never shows a half-painted older picture', () => {
    const frames = fakeFrames();
    let pieces = 0;
    const show = vi.fn();
    const cancel = paintInFrames(() => ++pieces >= 3, show);
    frames.frame();
    cancel();
    frames.frame();
    frames.frame();
    expect(pieces).toBe(1);
    expect(show).not.toHaveBeenCalled();
  });
});
