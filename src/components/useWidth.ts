import { useLayoutEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/**
 * The element's width in CSS pixels, kept up to date: charts draw at the size they are shown,
 * so their text keeps its size on a phone instead of shrinking with a scaled viewBox.
 *
 * Measured when the browser has laid the page out (a ResizeObserver's first report comes
 * after layout, before paint), not in the commit: reading a width there forces a layout of
 * the whole page inside React's task — 140 ms of scene 2's first frame at 4× CPU. The new
 * width is drawn before that paint (flushSync), so no frame shows the fallback.
 */
export function useWidth(ref: RefObject<Element | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let last = -1;
    const observer = new ResizeObserver(() => {
      const w = Math.round(el.getBoundingClientRect().width);
      if (w > 0 && w !== last) {
        last = w;
        flushSync(() => setWidth(w));
      }
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * The root font size in units of 16 px (1.4 in lecture mode), read when the page has been laid
 * out (a ResizeObserver's reports come after layout, when style is clean: reading it in the
 * mount's layout effect forced a style pass of the whole page inside React's task, 30–45 ms at
 * 4× CPU), and again when the root's classes or size change — not on every render of a chart
 * that steps. A new size is drawn before that paint (flushSync).
 */
export function useRootEm(): number {
  const [em, setEm] = useState(1);
  useLayoutEffect(() => {
    const root = document.documentElement;
    const size = () => (parseFloat(getComputedStyle(root).fontSize) || 16) / 16;
    const sized = new ResizeObserver(() => {
      const next = size();
      flushSync(() => setEm(next));
    });
    sized.observe(root);
    const classes = new MutationObserver(() => setEm(size()));
    classes.observe(root, { attributes: true, attributeFilter: ['class'] });
    return () => {
      sized.disconnect();
      classes.disconnect();
    };
  }, []);
  return em;
}
