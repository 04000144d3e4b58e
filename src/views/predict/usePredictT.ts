import { useCallback } from 'react';
import { useDictionary } from '../../components/useT';
import { readText } from '../../quiz/read';
import type { Text } from '../../quiz/types';
import { quizEn } from '../../quiz/text/en';
import { quizKo } from '../../quiz/text/ko';
import { useAppStore } from '../../store/useAppStore';

const DICTS = { en: quizEn, ko: quizKo };

/** The quiz's translate function, and one that reads a question's Text. */
export function usePredictT() {
  const t = useDictionary(DICTS);
  const lang = useAppStore((s) => s.lang);
  const read = useCallback((x: Text) => readText(x, DICTS[lang], lang), [lang]);
  return { t, read };
}
