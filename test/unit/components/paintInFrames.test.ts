import { afterEach, describe, expect, it, vi } from 'vitest';
import { paintInFrames } from '../../../src/components/CanvasHeatmap/paintInFrames';

/** A fake frame loop and clock: `frame(ms)` advances the clock and runs the requested callbacks. */
function fakeFrames() {
  let queue: FrameRequestCallback[] = [];
  let now = 1000;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => queue.push(cb));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => { queue[id - 1] = () => {}; });
  return {
    frame(ms = 16) {
      now += ms;
      const run = queue;
      queue = [];
      for (const cb of run) cb(now);
    },
    get pending() { return queue.length; },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('paintInFrames', () => {
  it('paints nothing in the calling task, then within a budget each frame, and shows the image when complete', () => {
    const frames = fakeFrames();
    const budgets: number[] = [];
    let pieces = 0;
    const shows: number[] = [];
    paintInFrames((until) => {
      budgets.push(until - performance.now());
      pieces += 2;
      return pieces >= 5;
    }, () => shows.push(pieces));
    expect(pieces).toBe(0);
    frames.frame();
    frames.frame();
    expect([pieces, shows]).toEqual([4, []]);
    frames.frame();
    expect([pieces, shows, frames.pending]).toEqual([6, [6], 0]);
    expect(budgets).toEqual([8, 8, 8]);
  });

  it('shows a long paint every 100 ms while it fills in, not every frame', () => {
    const frames = fakeFrames();
    let pieces = 0;
    const shows: number[] = [];
    paintInFrames(() => ++pieces >= 20, () => shows.push(pieces));
    for (let i = 0; i < 20; i++) frames.frame(16);
    // Frames at 16, 32, … ms: 112 ms is the first ≥ 100 ms after the start, 224 the next; then done.
    expect(shows).toEqual([7, 14, 20]);
  });

  it('stops when cancelled: newer data is not overdrawn by the older picture', () => {
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
