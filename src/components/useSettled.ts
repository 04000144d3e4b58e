import { useEffect, useState } from 'react';

/**
 * False on a component's first render, true once the browser has painted it: what is below
 * the fold (a scene's questions, its notes) mounts a frame after the scene's own numbers, so
 * the first number is not held back by work the student cannot see yet (issue #26: scene 2's
 * questions and the photo's origin were a third of its first frame at 4× CPU).
 */
export function useSettled(): boolean {
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => { timer = setTimeout(() => setSettled(true), 0); })
      : undefined;
    if (frame === undefined) timer = setTimeout(() => setSettled(true), 0);
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return settled;
}
