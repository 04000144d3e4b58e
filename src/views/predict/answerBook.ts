/** The page's one answer book (localStorage, or memory where storage throws), bound to React. */
import { useSyncExternalStore } from 'react';
import { createAnswerBook, type QuizData } from '../../quiz/answers';

export const answerBook = createAnswerBook(() => (typeof localStorage === 'undefined' ? null : localStorage));

export function useAnswerBook(): QuizData {
  return useSyncExternalStore(answerBook.subscribe, answerBook.get);
}
