import { useEffect, useState, type RefObject } from 'react';
import { useT } from '../components/useT';

/**
 * Fullscreen for lecture mode: the visualization (`target`) fills the screen, not the page
 * around it; absent where the page may not go fullscreen. Escape or the button leaves.
 */
export function FullscreenButton({ target }: { target: RefObject<HTMLElement | null> }) {
  const t = useT();
  const [isFull, setIsFull] = useState(false);
  useEffect(() => {
    const on = () => setIsFull(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', on);
    return () => document.removeEventListener('fullscreenchange', on);
  }, []);
  if (!document.fullscreenEnabled) return null;
  const toggle = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void (target.current ?? document.documentElement).requestFullscreen().catch(() => {});
  };
  return <button type="button" className="fullscreen-button" onClick={toggle} aria-pressed={isFull}>{t('present.fullscreen')}</button>;
}
