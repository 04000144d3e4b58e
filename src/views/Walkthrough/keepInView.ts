/**
 * After a step, the part of the scene that the step changed — the picture and its numbers —
 * is scrolled into the room between the top of the window and the step bar (sticky at its
 * bottom), moving the page as little as it can. On a phone the scene is taller than the
 * screen, and a step must not change something the reader cannot see.
 */
import type { Scene } from '../../store/stepping';

/** What a step changes in each scene (scene 2 after End: the pixel's outputs). */
export const STEP_FOCUS: Record<Scene | '2-complete', string> = {
  1: '.weight-matrix, .filter-pick, .filter-stack h3',
  2: '[data-testid="partial-sum"], .card.current',
  '2-complete': '[data-testid="partial-sum"], .all-filters h3, .all-filters .pixel-outputs',
  3: '[data-testid="output-value"], .filling',
  4: '[data-testid="output-value"], .enlarged',
  5: '[data-testid="combine-readout"], [data-testid="combine-term"], .combine-term, .combine-side .running-sum-box',
};

/** Room left above and below the part, in px. */
const MARGIN = 8;

/** The scroll (in px, + is down) that brings rects between `top` and `bottom`; 0 when they are. */
export function scrollToFit(parts: readonly { top: number; bottom: number }[], top: number, bottom: number): number {
  if (parts.length === 0) return 0;
  const first = Math.min(...parts.map((r) => r.top));
  const last = Math.max(...parts.map((r) => r.bottom));
  // Taller than the room: its top (where reading starts) at the top.
  if (last - first > bottom - top - 2 * MARGIN) return first - top - MARGIN;
  if (last > bottom - MARGIN) return last - bottom + MARGIN;
  if (first < top + MARGIN) return first - top - MARGIN;
  return 0;
}

export function keepInView(viz: HTMLElement | null, scene: Scene): void {
  if (!viz) return;
  const complete = scene === 2 && viz.querySelector('.all-filters') !== null;
  const rects = [...viz.querySelectorAll(STEP_FOCUS[complete ? '2-complete' : scene])]
    .map((e) => e.getBoundingClientRect()).filter((r) => r.height > 0);
  const bar = viz.querySelector('.step-bar')?.getBoundingClientRect();
  // The bar covers the window's bottom while it sticks there; elsewhere the window's bottom counts.
  const bottom = bar && bar.bottom >= innerHeight - 1 && bar.top > 0 ? bar.top : innerHeight;
  const dy = scrollToFit(rects, 0, bottom);
  if (Math.abs(dy) >= 1) scrollBy({ top: dy, behavior: 'instant' });
}
