import { useEffect, useRef } from 'react';
import { commandFor, type Command, type Stage } from './keymap';

/**
 * The stage's keys work anywhere on the page — not only once the picture has focus — except
 * where a key already means something: typing in a field, choosing in a menu, Space or Enter
 * on a button or link, and a key a focused element has handled itself. With `controls=none`
 * (the picture alone) the keys still work, as the README promises.
 */
export function useStepKeys(stage: Stage, onCommand: (c: Command) => void): void {
  const handler = useRef(onCommand);
  useEffect(() => {
    handler.current = onCommand;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target)) return;
      if ((e.key === ' ' || e.key === 'Enter') && e.target instanceof Element && e.target.closest('button, a, summary')) return;
      const c = commandFor(e, stage);
      if (!c) return;
      e.preventDefault();
      handler.current(c);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [stage]);
}

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest('input, select, textarea, [contenteditable="true"], dialog, [role="dialog"]') !== null;
}
