/** A question's Text as a sentence in one language: the dictionary's template, filled. */
import { approxCount } from '../lib/i18n/approxCount';
import { fill, type Lang, type Params } from '../lib/i18n/t';
import type { QuizKey } from './text/en';
import type { Param, Text } from './types';

/** Parameters as the template takes them: approximate counts written in `lang`'s units. */
export function paramsIn(params: Readonly<Record<string, Param>> | undefined, lang: Lang): Params {
  const out: Params = {};
  for (const [name, v] of Object.entries(params ?? {})) out[name] = typeof v === 'object' ? approxCount(v.approx, lang) : v;
  return out;
}

/** `x` read in `lang` from its dictionary (en.ts or ko.ts). */
export function readText(x: Text, dict: Readonly<Record<QuizKey, string>>, lang: Lang): string {
  return fill(dict[x.key], paramsIn(x.params, lang));
}
