import { useEffect, useState, useSyncExternalStore } from 'react';
import { requestReveal } from './reveal';
import { usePredictT } from './usePredictT';

/**
 * Lecture mode's Reveal button on the step bar: it does what R does (shows the answer of the
 * first open question on the page). The step bar only holds an empty slot
 * (`[data-reveal-slot]`, a span React gives no children); the button is put into it from here,
 * the questions' lazily loaded chunk, so the start-up code pays a span for it. It is made with
 * the DOM rather than a React portal: importing react-dom here would split it out of the
 * start-up chunk into a shared one (~0.8 KB gzip more for the embed). Where several blocks of
 * questions wait on one page, the first to claim the slot puts the one button there.
 */
let claims: readonly symbol[] = [];
const listeners = new Set<() => void>();
const subscribe = (l: () => void) => { listeners.add(l); return () => { listeners.delete(l); }; };
const firstClaim = () => claims[0];
function claim(id: symbol): () => void {
  claims = [...claims, id];
  listeners.forEach((l) => l());
  return () => {
    claims = claims.filter((c) => c !== id);
    listeners.forEach((l) => l());
  };
}

/** `active`: lecture mode, and this block has a question still open. */
export function StepBarReveal({ active }: { active: boolean }) {
  const { t } = usePredictT();
  const [id] = useState(() => Symbol('reveal'));
  const first = useSyncExternalStore(subscribe, firstClaim);
  const label = t('ui.reveal');
  useEffect(() => (active ? claim(id) : undefined), [active, id]);
  const isOwner = active && first === id;
  useEffect(() => {
    if (!isOwner) return;
    let button: HTMLButtonElement | null = null;
    // The step bar renders beside the scene, not inside it: its slot is looked up once both
    // are in the page (a frame after this block mounts or takes the slot).
    const frame = requestAnimationFrame(() => {
      const slot = document.querySelector('[data-reveal-slot]');
      if (!slot) return;
      button = document.createElement('button');
      button.type = 'button';
      button.className = 'step-reveal-button';
      button.dataset.testid = 'step-reveal';
      button.setAttribute('aria-keyshortcuts', 'R');
      // Short on the bar (at 1280×800 the full label wrapped the bar onto a second row and cut
      // scene 5's foot); the name and the tooltip keep the key.
      button.textContent = label.replace(/\s*\(R\)$/, '');
      button.setAttribute('aria-label', label);
      button.title = label;
      button.addEventListener('click', requestReveal);
      slot.append(button);
    });
    return () => {
      cancelAnimationFrame(frame);
      button?.remove();
    };
  }, [isOwner, label]);
  return null;
}
