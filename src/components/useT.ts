import { useCallback } from 'react';
import type { MessageKey } from '../lib/i18n/en';
import { translate, type Params } from '../lib/i18n/t';
import { useAppStore } from '../store/useAppStore';

/** The translate function for the current UI language. */
export function useT(): (key: MessageKey, params?: Params) => string {
  const lang = useAppStore((s) => s.lang);
  return useCallback((key: MessageKey, params?: Params) => translate(lang, key, params), [lang]);
}
