import { lazy, useState, type ComponentType } from 'react';

/**
 * A component whose code loads on demand, like `React.lazy`, but that renders without
 * suspending once its chunk has arrived (preloaded, or mounted before).
 *
 * Why not `lazy` alone: a lazy component suspends the first time it renders even when its
 * chunk is already here, and React holds back the content of a Suspense boundary that has just
 * shown its fallback for 300 ms (its fallback throttle). Scene 2's first number waited those
 * 300 ms after the engine's data had come (issue #26's page bench).
 *
 * Each mount picks one of the two once (switching from the lazy component to the loaded one
 * would remount it and lose its state).
 */
export function lazyLoaded<P extends object>(load: () => Promise<ComponentType<P>>): { Component: ComponentType<P>; preload: () => Promise<ComponentType<P>> } {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () => {
    pending ??= load().then((c) => (loaded = c), (e: unknown) => { pending = null; throw e; });
    return pending;
  };
  const Lazy = lazy(() => preload().then((c) => ({ default: c })));
  function Component(props: P) {
    const [Loaded] = useState(() => loaded);
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  return { Component, preload };
}
