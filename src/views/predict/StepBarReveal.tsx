import { useEffect, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { requestReveal } from './reveal';
import { usePredictT } from './usePredictT';

/**
 * Lecture mode's Reveal button on the step bar: it does what R does (shows the answer of the
 * first open question on the page). The step bar only holds an empty slot
 * (`[data-reveal-slot]`); the button is drawn into it from here, the questions' lazily loaded
 * chunk, so the start-up code pays a span for it. Where several blocks of questions wait on
 * one page, the first to claim the slot draws the one button.
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
  const [slot, setSlot] = useState<Element | null>(null);
  const first = useSyncExternalStore(subscribe, firstClaim);
  useEffect(() => (active ? claim(id) : undefined), [active, id]);
  // The step bar renders beside the scene, not inside it: its slot is looked up once both are
  // in the page (a frame after this block mounts or becomes active).
  useEffect(() => {
    if (!active) return;
    const frame = requestAnimationFrame(() => setSlot(document.querySelector('[data-reveal-slot]')));
    return () => cancelAnimationFrame(frame);
  }, [active]);
  if (!active || first !== id || !slot?.isConnected) return null;
  return createPortal(
    <button type="button" className="step-reveal-button" data-testid="step-reveal" aria-keyshortcuts="R" onClick={requestReveal}>
      {t('ui.reveal')}
    </button>,
    slot,
  );
}
