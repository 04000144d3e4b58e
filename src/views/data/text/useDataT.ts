import { useCallback } from 'react';
import { fill, type Params } from '../../../lib/i18n/t';
import { useAppStore } from '../../../store/useAppStore';
import { dataEn, type DataKey } from './en';
import { dataKo } from './ko';

const DICTS = { en: dataEn, ko: dataKo } as const;

/** Text of the data loader and exports (loaded with their chunk). */
export function useDataT(): (key: DataKey, params?: Params) => string {
  const lang = useAppStore((s) => s.lang);
  return useCallback((key: DataKey, params?: Params) => fill(DICTS[lang][key], params), [lang]);
}
