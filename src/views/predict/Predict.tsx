import { lazy, Suspense, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import type { PageStates, QuizPage } from '../../quiz/pages';
import { useAppStore } from '../../store/useAppStore';

/** Questions, checker and text load with the first page that asks (a chunk of their own). */
let loadedBlock: ComponentType<PredictProps> | null = null;
const loadBlock = () => import('./PredictBlock').then((m) => { loadedBlock = m.default; return m; });
const PredictBlock = lazy(loadBlock);

/** Loads the questions' chunk ahead (tests; a Predict mounted after it renders without suspending). */
export function preloadPredict(): Promise<void> {
  return loadBlock().then(() => undefined);
}

/**
 * In an embed the questions come a moment after the figure (the embed page's first JavaScript
 * has a budget of 110 KB gzip, and the figure comes first); in the app they come at once.
 */
const EMBED_DELAY_MS = 1500;
let embedReady: Promise<void> | null = null;
function whenEmbedReady(): Promise<void> {
  embedReady ??= new Promise((resolve) => setTimeout(resolve, EMBED_DELAY_MS));
  return embedReady;
}

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
  const embed = useAppStore((s) => s.presentation.embed);
  const [ready, setReady] = useState(!embed);
  // Chosen once per mount: switching from the lazy component to the loaded one would remount it.
  const [Loaded] = useState(() => loadedBlock);
  useEffect(() => {
    if (ready) return;
    let live = true;
    void whenEmbedReady().then(() => { if (live) setReady(true); });
    return () => { live = false; };
  }, [ready]);
  if (!quiz) return <>{props.children}</>;
  if (!ready) return null;
  if (Loaded) return <Loaded {...props} />;
  return <Suspense fallback={null}><PredictBlock {...props} /></Suspense>;
}
