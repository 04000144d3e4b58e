/**
 * The order of a talk in lecture mode (`?present=1`): the stops a presenter's clicker goes
 * through with Page Down / Page Up (and →, Space at a scene's last step). One list, so a new
 * page is one line here. The explorer is a free tool, not a stop.
 */
import type { AppStore } from './index';
import { SCENES, type Scene } from './stepping';
import { WHY_VIEWS, type View } from './slices/ui';

export interface TalkStop {
  readonly view: View;
  /** The walkthrough's scene (walkthrough stops only). */
  readonly scene?: Scene;
}

export const TALK_ORDER: readonly TalkStop[] = [
  ...SCENES.map((scene): TalkStop => ({ view: 'walkthrough', scene })),
  ...WHY_VIEWS.map((view): TalkStop => ({ view })),
  { view: 'family' },
  { view: 'basics' },
  { view: 'params' },
  { view: 'train' },
];

/** The index of the stop showing `view` (and `scene` in the walkthrough), or -1. */
export function talkIndex(view: View, scene: Scene): number {
  return TALK_ORDER.findIndex((s) => s.view === view && (s.scene === undefined || s.scene === scene));
}

/** The stop `delta` away from the current one, or null at either end or off the talk. */
export function talkNeighbour(view: View, scene: Scene, delta: 1 | -1): TalkStop | null {
  const i = talkIndex(view, scene);
  return i < 0 ? null : TALK_ORDER[i + delta] ?? null;
}

/**
 * Goes to the next (1) or previous (-1) stop; false when there is none. A scene is entered
 * with setScene, which keeps how far a build-up had got; a page change leaves the scene as it is.
 */
export function talkStep(store: AppStore, delta: 1 | -1): boolean {
  const s = store.getState();
  const next = talkNeighbour(s.view, s.scene, delta);
  if (!next) return false;
  if (next.view !== s.view) s.setView(next.view);
  if (next.scene !== undefined && next.scene !== store.getState().scene) store.getState().setScene(next.scene);
  return true;
}
