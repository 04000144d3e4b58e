/**
 * The photo parts load as one chunk after start-up, so they cost nothing in the embed page's
 * initial JavaScript; each renders nothing until it has arrived (a few ms after the first paint).
 */
import { lazy, Suspense, type ComponentProps, type ComponentType } from 'react';

const chunk = () => import('./PhotoParts');

function deferred<P extends object>(load: () => Promise<ComponentType<P>>) {
  const Lazy = lazy(() => load().then((c) => ({ default: c })));
  return function Deferred(props: P) {
    return <Suspense fallback={null}><Lazy {...(props as ComponentProps<typeof Lazy>)} /></Suspense>;
  };
}

export const ImageControls = deferred(() => chunk().then((m) => m.ImageControls));
export const FilterNote = deferred(() => chunk().then((m) => m.FilterNote));
export const FilterFaces = deferred(() => chunk().then((m) => m.FilterFaces));
export const InputOrigin = deferred(() => chunk().then((m) => m.InputOrigin));
export const ModelOrigin = deferred(() => chunk().then((m) => m.ModelOrigin));
