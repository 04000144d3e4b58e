import { useEffect } from 'react';
import { appStore } from '../store';
import { talkStep } from '../store/talkOrder';
import { isTyping } from '../views/shared/steps/useStepKeys';

/** A clicker's keys: next is Page Down, → or Space; back is Page Up or ←. */
const NEXT = new Set(['PageDown', 'ArrowRight', ' ']);
const BACK = new Set(['PageUp', 'ArrowLeft']);

/**
 * In lecture mode on the pages after the walkthrough (which has keys of its own), a clicker
 * goes to the next or previous stop of the talk (src/store/talkOrder.ts). Keys that mean
 * something where they are pressed (a field, a slider, Space on a button) stay theirs.
 */
export function usePresenterKeys(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || isTyping(e.target)) return;
      if (e.key === ' ' && e.target instanceof Element && e.target.closest('button, a, summary')) return;
      const delta = NEXT.has(e.key) ? 1 : BACK.has(e.key) ? -1 : 0;
      if (delta === 0) return;
      e.preventDefault();
      if (talkStep(appStore, delta)) scrollTo({ top: 0, behavior: 'instant' });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [active]);
}
