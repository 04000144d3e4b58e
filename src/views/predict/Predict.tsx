import { lazy, Suspense, type ReactNode } from 'react';
import type { PageStates, QuizPage } from '../../quiz/pages';
import { useAppStore } from '../../store/useAppStore';

/** Questions, checker and text load with the first page that asks (a chunk of their own). */
const PredictBlock = lazy(() => import('./PredictBlock'));

/**
 * Props of `<Predict page="scene2" state={…}>reveal</Predict>`: the page, the state its
 * questions are made from (null while the engine is computing), and optionally the reveal that
 * waits until the student has predicted.
 */
export type PredictProps = {
  [P in QuizPage]: { readonly page: P; readonly state: PageStates[P] | null; readonly children?: ReactNode };
}[QuizPage];

/**
 * "Predict, then reveal": the page's questions before its reveal, the reveal held until the
 * student commits (or asks to be shown), then 1–3 checks. With `quiz=0` only the reveal shows.
 */
export function Predict(props: PredictProps) {
  const quiz = useAppStore((s) => s.presentation.quiz);
  if (!quiz) return <>{props.children}</>;
  return <Suspense fallback={null}><PredictBlock {...props} /></Suspense>;
}
