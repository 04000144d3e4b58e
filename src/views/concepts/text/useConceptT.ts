import { useCallback } from 'react';
import { fill, type Params } from '../../../lib/i18n/t';
import { useAppStore } from '../../../store/useAppStore';
import { conceptEn, type ConceptKey } from './en';
import { conceptKo } from './ko';

/**
 * The concept pages' text lives beside them (loaded with their chunk, not at start-up),
 * in two dictionaries with one typed key set like the app's.
 */
const DICTS = { en: conceptEn, ko: conceptKo } as const;

export function useConceptT(): (key: ConceptKey, params?: Params) => string {
  const lang = useAppStore((s) => s.lang);
  return useCallback((key: ConceptKey, params?: Params) => fill(DICTS[lang][key], params), [lang]);
}
