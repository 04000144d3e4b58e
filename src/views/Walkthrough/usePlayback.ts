import { useEffect } from 'react';
import { appStore } from '../../store';
import { forwardAction } from '../../store/stepping';

/**
 * While playing, advances the walkthrough `speed` steps a second from requestAnimationFrame,
 * batching several steps into one frame at high speeds; stops at the end of the scene.
 */
export function usePlayback(playing: boolean): void {
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    let owed = 0;
    const tick = (now: number) => {
      const s = appStore.getState();
      owed += ((now - last) / 1000) * s.speed;
      last = now;
      const steps = Math.floor(owed);
      owed -= steps;
      // All of this frame's steps in one state update: one render per frame at any speed.
      if (steps > 0 && !s.applySteps(forwardAction(s.scene), steps)) {
        s.setPlaying(false);
        return;
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing]);
}
