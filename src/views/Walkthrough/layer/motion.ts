import type { Motion } from '../../../store/presentation';

/** True when animation should not start by itself (the app's motion setting, else the OS setting). */
export function prefersLessMotion(motion: Motion): boolean {
  if (motion !== 'auto') return motion === 'reduce';
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
