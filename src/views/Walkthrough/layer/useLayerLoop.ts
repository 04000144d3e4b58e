import { useEffect, type RefObject } from 'react';
import { appStore } from '../../../store';
import { cycleMs, loopPosition, timeAtPixel } from './schedule';
import type { FigurePainter } from './painter';

/** How often, while the loop runs, the store's cursor (step bar, links) catches up with it. */
const CURSOR_MS = 400;

/** Frame times of the figure's own drawing, for the browser test and the README. */
export interface FrameStats { frames: number; totalMs: number; maxMs: number }

/**
 * Runs the opening figure's loop while `playing`: requestAnimationFrame, one painter call a
 * frame. It pauses (without stopping play) while the tab is hidden or the figure is off screen,
 * starts from the store's cursor, and when play stops it leaves the cursor where the rod is —
 * synchronously, so a step key pressed to take over steps on from the pixel on screen.
 */
export function useLayerLoop(painter: FigurePainter | null, playing: boolean, root: RefObject<HTMLElement | null>, stats: FrameStats): void {
  useEffect(() => {
    if (!painter || !playing) return;
    const s0 = appStore.getState();
    const { height, width, outChannels } = s0.config;
    const pixels = height * width;
    let k = s0.cursor.filterIndex;
    // A cursor at the map's last pixel starts a new map rather than holding the finished one.
    const start = s0.cursor.row * width + s0.cursor.col;
    let t = start >= pixels - 1 ? 0 : timeAtPixel(start, pixels);
    let pixel = start;
    let last = performance.now();
    let lastCursor = last;
    let frame = 0;
    let visible = document.visibilityState !== 'hidden';
    let onScreen = true;
    const tick = (now: number) => {
      frame = 0;
      t += Math.min(100, now - last); // a long gap (a slow frame, a hidden tab) does not skip a map
      last = now;
      let pos = loopPosition(t, pixels);
      if (pos.done) {
        k = (k + 1) % outChannels;
        t -= cycleMs(pixels);
        pos = loopPosition(t, pixels);
      }
      pixel = pos.pixel;
      const t0 = performance.now();
      painter.draw({ pixel, filterIndex: k, filled: pos.filled });
      const ms = performance.now() - t0;
      stats.frames++;
      stats.totalMs += ms;
      if (ms > stats.maxMs) stats.maxMs = ms;
      // Published on the figure for the browser test (and anyone curious, in the inspector).
      if (stats.frames % 30 === 0 && root.current) {
        root.current.dataset.frames = String(stats.frames);
        root.current.dataset.frameMs = (stats.totalMs / stats.frames).toFixed(3);
        root.current.dataset.frameMaxMs = stats.maxMs.toFixed(3);
      }
      if (now - lastCursor > CURSOR_MS) {
        lastCursor = now;
        syncCursor();
      }
      schedule();
    };
    const syncCursor = () => appStore.getState().setCursor({ row: Math.floor(pixel / width), col: pixel % width, filterIndex: k });
    const schedule = () => {
      if (!frame && visible && onScreen) {
        last = performance.now();
        frame = requestAnimationFrame(tick);
      }
    };
    const stop = () => { if (frame) cancelAnimationFrame(frame); frame = 0; };
    const onVisibility = () => {
      visible = document.visibilityState !== 'hidden';
      if (visible) schedule(); else stop();
    };
    document.addEventListener('visibilitychange', onVisibility);
    const io = typeof IntersectionObserver === 'function' && root.current
      ? new IntersectionObserver(([e]) => {
        onScreen = e?.isIntersecting ?? true;
        if (onScreen) schedule(); else stop();
      })
      : null;
    if (io && root.current) io.observe(root.current);
    // When play stops, the cursor is where the rod is before anything else reads it.
    // (Not when the same update moved the cursor itself: a link's cursor wins.)
    const unsubscribe = appStore.subscribe((s, prev) => { if (prev.playing && !s.playing && s.cursor === prev.cursor) syncCursor(); });
    schedule();
    return () => {
      stop();
      unsubscribe();
      io?.disconnect();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [painter, playing, root, stats]);
}
