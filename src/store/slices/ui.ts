/** Presentation choices: UI language. */
import type { StateCreator } from 'zustand/vanilla';
import type { Lang } from '../../lib/i18n/t';
import type { AppState } from '../index';

export interface UiSlice {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

export function initialLang(): Lang {
  if (typeof navigator !== 'undefined' && /^ko\b/i.test(navigator.language ?? '')) return 'ko';
  return 'en';
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  lang: initialLang(),
  setLang: (lang) => set({ lang }),
});
