/**
 * The photo parts load as one chunk after start-up, so they cost nothing in the embed page's
 * initial JavaScript; each renders nothing until it has arrived (a few ms after the first paint).
 */
import { Suspense, useEffect, useState, type ComponentType } from 'react';
import { lazyLoaded } from '../../../components/lazyLoaded';
import { appStore } from '../../../store';

const chunk = () => import('./PhotoParts');

function deferred<P extends object>(load: () => Promise<ComponentType<P>>) {
  const { Component } = lazyLoaded(load);
  return function Deferred(props: P) {
    return <Suspense fallback={null}><Component {...props} /></Suspense>;
  };
}

export const ImageControls = deferred(() => chunk().then((m) => m.ImageControls));
/**
 * In an embed the note under every scene comes a moment after the figure, as the questions do
 * (views/predict/Predict.tsx): the embed page's first JavaScript has a budget of 110 KB gzip.
 */
const EMBED_DELAY_MS = 1500;
let embedReady: Promise<void> | null = null;
const DeferredFilterNote = deferred(() => chunk().then((m) => m.FilterNote));
export function FilterNote() {
  const [ready, setReady] = useState(() => !appStore.getState().presentation.embed);
  useEffect(() => {
    if (ready) return;
    let live = true;
    embedReady ??= new Promise((resolve) => setTimeout(resolve, EMBED_DELAY_MS));
    void embedReady.then(() => { if (live) setReady(true); });
    return () => { live = false; };
  }, [ready]);
  return ready ? <DeferredFilterNote /> : null;
}
export const FilterFaces = deferred(() => chunk().then((m) => m.FilterFaces));
export const InputOrigin = deferred(() => chunk().then((m) => m.InputOrigin));
export const ModelOrigin = deferred(() => chunk().then((m) => m.ModelOrigin));
