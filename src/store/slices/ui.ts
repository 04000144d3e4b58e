/** Presentation choices: UI language. */
import type { StateCreator } from 'zustand/vanilla';
import type { Lang } from '../../lib/i18n/t';
import type { AppState } from '../index';

export type View = 'walkthrough' | 'explorer';
export const VIEWS: readonly View[] = ['walkthrough', 'explorer'];

export interface UiSlice {
  lang: Lang;
  view: View;
  /** URL values that could not be used (shown once as a notice; [] when none). */
  urlProblems: readonly { key: string; value: string }[];
  setLang: (lang: Lang) => void;
  setView: (view: View) => void;
}

/** The view named by a location hash such as "#explorer"; the walkthrough otherwise. */
export function viewFromHash(hash: string): View {
  const m = /(?:^#?|&)view=(\w+)/.exec(hash) ?? /^#?\/?(\w+)$/.exec(hash);
  const name = m?.[1] ?? '';
  return (VIEWS as readonly string[]).includes(name) ? (name as View) : 'walkthrough';
}

export function initialLang(): Lang {
  if (typeof navigator !== 'undefined' && /^ko\b/i.test(navigator.language ?? '')) return 'ko';
  return 'en';
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  lang: initialLang(),
  view: typeof location !== 'undefined' ? viewFromHash(location.hash) : 'walkthrough',
  urlProblems: [],
  setLang: (lang) => set({ lang }),
  setView: (view) => set({ view }),
});
