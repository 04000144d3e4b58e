import { useCallback } from 'react';
import type { MessageKey } from '../lib/i18n/en';
import { fill, translate, type Lang, type Params } from '../lib/i18n/t';
import { useAppStore } from '../store/useAppStore';

/** The translate function for the current UI language. */
export function useT(): (key: MessageKey, params?: Params) => string {
  const lang = useAppStore((s) => s.lang);
  return useCallback((key: MessageKey, params?: Params) => translate(lang, key, params), [lang]);
}

/**
 * The same for a dictionary pair that lives beside a lazily loaded view (concept pages, the
 * data loader), so its text loads with it rather than at start-up.
 */
export function useDictionary<K extends string>(dicts: Record<Lang, Record<K, string>>): (key: K, params?: Params) => string {
  const lang = useAppStore((s) => s.lang);
  return useCallback((key: K, params?: Params) => fill(dicts[lang][key], params), [lang, dicts]);
}

/**
 * The app's translate function widened with a dictionary pair that loads with a lazily loaded
 * view (a later scene, the settings, the embed dialog): the pair's own keys from the pair, the
 * rest from the app's dictionary. The start-up dictionary then holds only the first view's text.
 */
export function useTWith<K extends string>(dicts: Record<Lang, Record<K, string>>): (key: MessageKey | K, params?: Params) => string {
  const lang = useAppStore((s) => s.lang);
  return useCallback((key: MessageKey | K, params?: Params) => {
    const own = dicts[lang];
    const isOwn = (k: MessageKey | K): k is K => Object.hasOwn(own, k);
    return isOwn(key) ? fill(own[key], params) : translate(lang, key, params);
  }, [lang, dicts]);
}
