/**
 * The step controls of each stage (a walkthrough scene or the explorer), as data: which
 * key does what, which button shows it, and what the shortcut list says. The buttons, the
 * keys and the list all come from this one table, so they cannot disagree. Pure: tests
 * check it without a DOM.
 */
import type { MessageKey } from '../../../lib/i18n/en';
import type { Scene, StepAction } from '../../../store/stepping';

export type Stage = Scene | 'explorer';

export type Command = { kind: 'step'; action: StepAction } | { kind: 'togglePlay' } | { kind: 'toggleHelp' };

export interface KeyPress {
  readonly key: string;
  readonly shiftKey?: boolean;
  readonly altKey?: boolean;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
}

/** One control: its key (KeyboardEvent.key, with Shift or not), the button's glyph, its group. */
export interface Control {
  readonly command: Command;
  readonly key: string;
  readonly shift?: boolean;
  /** How the key is written in buttons' titles and the shortcut list. */
  readonly keyLabel: string;
  /** What the control does, for the button's name and the shortcut list. */
  readonly message: MessageKey;
  /** The button's face; none for controls that only have a key (the scene keys). */
  readonly glyph?: string;
  /** main: the stage's own step (beside Play); the others sit in small groups after it. */
  readonly group: 'main' | 'pixel' | 'row' | 'filter' | 'other';
}

const step = (action: StepAction): Command => ({ kind: 'step', action });

/** The four controls of a stage's main step, plus the ends. */
function mainStep(back: StepAction, next: StepAction, what: 'filter' | 'channel' | 'pixel' | 'term'): Control[] {
  return [
    { command: step('first'), key: 'Home', keyLabel: 'Home', message: `step.${what}.first`, glyph: '«', group: 'main' },
    { command: step(back), key: 'ArrowLeft', keyLabel: '←', message: `step.${what}.back`, glyph: '‹', group: 'main' },
    { command: step(next), key: 'ArrowRight', keyLabel: '→', message: `step.${what}.next`, glyph: '›', group: 'main' },
    { command: step('last'), key: 'End', keyLabel: 'End', message: `step.${what}.last`, glyph: '»', group: 'main' },
  ];
}

const FILTER: Control[] = [
  { command: step('filter-'), key: 'ArrowLeft', shift: true, keyLabel: 'Shift + ←', message: 'step.filter.back', glyph: '‹', group: 'filter' },
  { command: step('filter+'), key: 'ArrowRight', shift: true, keyLabel: 'Shift + →', message: 'step.filter.next', glyph: '›', group: 'filter' },
];
const ROWS: Control[] = [
  { command: step('row-'), key: 'ArrowUp', keyLabel: '↑', message: 'step.row.back', glyph: '↑', group: 'row' },
  { command: step('row+'), key: 'ArrowDown', keyLabel: '↓', message: 'step.row.next', glyph: '↓', group: 'row' },
];
const PLAY: Control = { command: { kind: 'togglePlay' }, key: ' ', keyLabel: 'Space', message: 'step.play', group: 'other' };
const SCENES: Control[] = [
  { command: step('scene+'), key: 'PageDown', keyLabel: 'Page Down', message: 'step.scene.next', group: 'other' },
  { command: step('scene-'), key: 'PageUp', keyLabel: 'Page Up', message: 'step.scene.back', group: 'other' },
];
const HELP: Control = { command: { kind: 'toggleHelp' }, key: '?', keyLabel: '?', message: 'step.help', group: 'other' };

const TABLE: Record<Stage, readonly Control[]> = {
  0: [...mainStep('pixel-', 'pixel+', 'pixel'), PLAY, ...ROWS, ...FILTER, ...SCENES, HELP],
  1: [...mainStep('filter-', 'filter+', 'filter'), PLAY, ...SCENES, HELP],
  2: [
    ...mainStep('channel-', 'channel+', 'channel'), PLAY,
    { command: step('pixel-'), key: 'ArrowUp', keyLabel: '↑', message: 'step.pixel.back', glyph: '‹', group: 'pixel' },
    { command: step('pixel+'), key: 'ArrowDown', keyLabel: '↓', message: 'step.pixel.next', glyph: '›', group: 'pixel' },
    ...FILTER, ...SCENES, HELP,
  ],
  3: [...mainStep('pixel-', 'pixel+', 'pixel'), PLAY, ...ROWS, ...FILTER, ...SCENES, HELP],
  4: [...mainStep('pixel-', 'pixel+', 'pixel'), PLAY, ...ROWS, ...FILTER, ...SCENES, HELP],
  5: [...mainStep('channel-', 'channel+', 'term'), PLAY, ...FILTER, ...SCENES, HELP],
  explorer: [...mainStep('pixel-', 'pixel+', 'pixel'), ...ROWS, ...FILTER, HELP],
};

export function controlsFor(stage: Stage): readonly Control[] {
  return TABLE[stage];
}

/** The command of a key press in a stage, or null (modified keys and others stay the page's). */
export function commandFor(e: KeyPress, stage: Stage): Command | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const key = e.key === 'Spacebar' ? ' ' : e.key;
  // '?' is typed with Shift on most keyboards: Shift counts only for the arrow keys.
  const c = TABLE[stage].find((c) => c.key === key && (key === '?' || key === ' ' || !!c.shift === !!e.shiftKey));
  return c ? c.command : null;
}
