/**
 * How the app presents itself, from the page's query string (not the hash, which holds the
 * view state): `embed`, `lang`, `theme`, `controls`, `autoplay`, `motion`, `present`, `quiz`, `id`.
 * Like urlState.ts, a declarative table and a total parser that names unusable values.
 *
 * Example: `?embed=1&lang=ko&controls=min&id=fig-3`
 */
import { LANGS, type Lang } from '../lib/i18n/t';

export type Theme = 'auto' | 'light' | 'dark';
export type Controls = 'full' | 'min' | 'none';
export type Motion = 'auto' | 'reduce' | 'full';

export interface Presentation {
  /** Embedded in an iframe: no site chrome, compact, posts its height to the parent. */
  readonly embed: boolean;
  /** Forced UI language, or null for the browser's. */
  readonly lang: Lang | null;
  readonly theme: Theme;
  /** full: settings and step controls; min: step controls only; none: the picture only. */
  readonly controls: Controls;
  readonly autoplay: boolean;
  readonly motion: Motion;
  /** Lecture mode: larger type and strokes, high contrast, Space/→ step on. */
  readonly present: boolean;
  /** Prediction questions before each reveal (on by default; `quiz=0` hides them). */
  readonly quiz: boolean;
  /** Echoed in resize messages so a page with several embeds can tell them apart. */
  readonly id: string;
}

export const DEFAULT_PRESENTATION: Presentation = {
  embed: false, lang: null, theme: 'auto', controls: 'full', autoplay: false, motion: 'auto', present: false, quiz: true, id: '',
};

const FLAGS = { '1': true, '0': false, true: true, false: false } as const;

type Parsers = { [K in keyof Presentation]: (raw: string) => Presentation[K] | undefined };
const PARSERS: Parsers = {
  embed: (r) => FLAGS[r as keyof typeof FLAGS],
  lang: (r) => (LANGS as readonly string[]).includes(r) ? (r as Lang) : undefined,
  theme: (r) => (['auto', 'light', 'dark'] as const).find((v) => v === r),
  controls: (r) => (['full', 'min', 'none'] as const).find((v) => v === r),
  autoplay: (r) => FLAGS[r as keyof typeof FLAGS],
  motion: (r) => (['auto', 'reduce', 'full'] as const).find((v) => v === r),
  present: (r) => FLAGS[r as keyof typeof FLAGS],
  quiz: (r) => FLAGS[r as keyof typeof FLAGS],
  id: (r) => (/^[\w-]{1,64}$/.test(r) ? r : undefined),
};

export function parsePresentation(search: string): { presentation: Presentation; problems: { key: string; value: string }[] } {
  const params = new URLSearchParams(search);
  const problems: { key: string; value: string }[] = [];
  const out: Record<string, unknown> = { ...DEFAULT_PRESENTATION };
  for (const key of Object.keys(PARSERS) as (keyof Presentation)[]) {
    const raw = params.get(key);
    if (raw === null) continue;
    const v = PARSERS[key](raw);
    if (v === undefined) problems.push({ key, value: raw.slice(0, 64) });
    else out[key] = v;
  }
  return { presentation: out as unknown as Presentation, problems };
}
