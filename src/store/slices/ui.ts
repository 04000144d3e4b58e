/** Presentation choices: language, view, embed/lecture settings from the query string. */
import type { StateCreator } from 'zustand/vanilla';
import { isLoaded, loadLanguage, type Lang } from '../../lib/i18n/t';
import type { PaletteName } from '../../lib/palettes';
import { DEFAULT_PRESENTATION, parsePresentation, type Presentation } from '../presentation';
import type { AppState } from '../index';

/** Every page of the app; each has its own URL (`#view=…`). */
export const VIEWS = ['walkthrough', 'explorer', 'bottleneck', 'nonlinearity', 'whatwhere', 'reduction', 'dense', 'family', 'basics', 'params', 'train'] as const;
export type View = (typeof VIEWS)[number];
/** The "Why 1×1?" pages, reached through one tab with its own sub-navigation. */
export const WHY_VIEWS = ['bottleneck', 'nonlinearity', 'whatwhere', 'reduction', 'dense'] as const satisfies readonly View[];
export type WhyView = (typeof WHY_VIEWS)[number];
export function isWhyView(v: View): v is WhyView {
  return (WHY_VIEWS as readonly View[]).includes(v);
}

export interface UiSlice {
  lang: Lang;
  view: View;
  /** Colour palette of every map (in the URL as `cmap`). */
  palette: PaletteName;
  /** Hash values that could not be used (shown as a notice; [] when none). */
  urlProblems: readonly { key: string; value: string }[];
  /** Embed, lecture and display settings from the query string; fixed for the page's life. */
  presentation: Presentation;
  /** Query-string values that could not be used. */
  presentationProblems: readonly { key: string; value: string }[];
  setLang: (lang: Lang) => void;
  setView: (view: View) => void;
  setPalette: (palette: PaletteName) => void;
  /** The manual override of the OS colour scheme and motion settings (also `?theme=`, `?motion=`). */
  setDisplay: (patch: Partial<Pick<Presentation, 'theme' | 'motion'>>) => void;
}

export function initialLang(): Lang {
  if (typeof navigator !== 'undefined' && /^ko\b/i.test(navigator.language ?? '')) return 'ko';
  return 'en';
}

const query = typeof location !== 'undefined' ? parsePresentation(location.search) : { presentation: DEFAULT_PRESENTATION, problems: [] };

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  lang: query.presentation.lang ?? initialLang(),
  view: 'walkthrough',
  palette: 'classic',
  urlProblems: [],
  presentation: query.presentation,
  presentationProblems: query.problems,
  // A language whose dictionary is not here yet switches once it has loaded (a few ms).
  setLang: (lang) => {
    if (isLoaded(lang)) set({ lang });
    else void loadLanguage(lang).then(() => set({ lang }), () => {});
  },
  // Leaving the walkthrough pauses it: nothing plays where nobody can see it.
  setView: (view) => set(view === 'walkthrough' ? { view } : { view, playing: false }),
  setPalette: (palette) => set({ palette }),
  setDisplay: (patch) => set((s) => ({ presentation: { ...s.presentation, ...patch } })),
});
