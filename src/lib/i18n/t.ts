/**
 * Translation: `translate(lang, key, params)` fills `{name}` placeholders. In Korean a
 * particle pair written right after a placeholder, e.g. `{key}{을/를}`, is resolved from
 * the sound of the word before it (받침 or not).
 */
import type { MessageKey } from './en';

export type Lang = 'en' | 'ko';
export const LANGS: readonly Lang[] = ['en', 'ko'];
export type Params = Record<string, string | number>;

/**
 * Each language's text is a chunk of its own, loaded (loadLanguage) before the first render
 * and before a switch of language takes effect: a reader downloads one language, and never
 * sees another one first.
 */
const DICTS: Partial<Record<Lang, Record<MessageKey, string>>> = {};

/** Whether `lang`'s dictionary is here. */
export const isLoaded = (lang: Lang): boolean => DICTS[lang] !== undefined;

/** Loads `lang`'s dictionary; resolves at once when it is loaded already. */
export function loadLanguage(lang: Lang): Promise<void> {
  if (isLoaded(lang)) return Promise.resolve();
  return lang === 'ko'
    ? import('./ko').then((m) => { DICTS.ko = m.ko; })
    : import('./en').then((m) => { DICTS.en = m.en; });
}

/** Whether a word ends in a consonant sound (받침), deciding 을/를, 이/가, 은/는, 과/와. */
export function hasFinalConsonant(word: string): boolean {
  const last = word.trim().slice(-1);
  if (!last) return false;
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28 !== 0;
  // Digits as read in Sino-Korean: 0 영, 1 일, 3 삼, 6 육, 7 칠, 8 팔 end in a consonant.
  if (/[0-9]/.test(last)) return '013678'.includes(last);
  // Latin letters as usually read in Korean: l, m, n, r end in a consonant sound.
  return /[lmnr]/i.test(last);
}

/** Picks "을" or "를" (etc.) for `word` from a pair written "을/를". */
export function particle(word: string, pair: string): string {
  const [withFinal = '', withoutFinal = ''] = pair.split('/');
  return hasFinalConsonant(word) ? withFinal : withoutFinal;
}

export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  // Before any dictionary has loaded (never in the app, which loads one before rendering) the key stands in.
  const dict = DICTS[lang] ?? DICTS.en ?? DICTS.ko;
  return fill(dict ? dict[key] : key, params);
}

/** Korean ordinals read in native numbers: 1번째 is written 첫 번째, 2번째 두 번째 … up to 열 번째. */
const NATIVE_ORDINALS = ['첫', '두', '세', '네', '다섯', '여섯', '일곱', '여덟', '아홉', '열'];

/**
 * Fills `{name}` placeholders (and Korean particle pairs after them) in any template. A
 * placeholder followed by 번째 takes the native ordinal for 1 to 10 ("첫 번째 항", not "1번째 항").
 */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{([^}/]+)\}(\{([^}]+\/[^}]+)\}|번째)?/g, (_m, name: string, after: string | undefined, pair: string | undefined) => {
    const value = params[name];
    const text = value === undefined ? `{${name}}` : String(value);
    if (after === '번째') {
      const native = /^[0-9]+$/.test(text) ? NATIVE_ORDINALS[Number(text) - 1] : undefined;
      return native ? `${native} 번째` : `${text}번째`;
    }
    return pair ? text + particle(text, pair) : text;
  });
}
