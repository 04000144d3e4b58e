/**
 * The walkthrough's keyboard map, as data: a key press on the focused visualization → a
 * command. Pure, so tests check it without a DOM; every command also has a button.
 */
import type { StepAction } from '../../store/stepping';

export type Command = { kind: 'step'; action: StepAction } | { kind: 'forward' } | { kind: 'backward' } | { kind: 'togglePlay' } | { kind: 'toggleHelp' };

export interface KeyPress {
  readonly key: string;
  readonly shiftKey?: boolean;
  readonly altKey?: boolean;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
}

/** Shortcuts in the order the help overlay lists them: [keys label, message key]. */
export const SHORTCUTS = [
  ['→ / ←', 'keys.forward'],
  ['Shift + → / ←', 'keys.filter'],
  ['↓ / ↑', 'keys.row'],
  ['Page Down / Page Up', 'keys.scene'],
  ['Space', 'keys.play'],
  ['Home / End', 'keys.ends'],
  ['?', 'keys.help'],
] as const;

export function commandFor(e: KeyPress): Command | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case 'ArrowRight': return e.shiftKey ? { kind: 'step', action: 'filter+' } : { kind: 'forward' };
    case 'ArrowLeft': return e.shiftKey ? { kind: 'step', action: 'filter-' } : { kind: 'backward' };
    case 'ArrowDown': return { kind: 'step', action: 'row+' };
    case 'ArrowUp': return { kind: 'step', action: 'row-' };
    case 'PageDown': return { kind: 'step', action: 'scene+' };
    case 'PageUp': return { kind: 'step', action: 'scene-' };
    case 'Home': return { kind: 'step', action: 'first' };
    case 'End': return { kind: 'step', action: 'last' };
    case ' ': case 'Spacebar': return { kind: 'togglePlay' };
    case '?': return { kind: 'toggleHelp' };
    default: return null;
  }
}
