import { useDictionary } from '../../components/useT';
import type { Text } from '../../quiz/types';
import { quizEn } from '../../quiz/text/en';
import { quizKo } from '../../quiz/text/ko';
import { useCallback } from 'react';

const DICTS = { en: quizEn, ko: quizKo };

/** The quiz's translate function, and one that reads a question's Text. */
export function usePredictT() {
  const t = useDictionary(DICTS);
  const read = useCallback((x: Text) => t(x.key, x.params), [t]);
  return { t, read };
}
