import { useEffect, useState } from 'react';
import { useT } from '../components/useT';

/** Fullscreen for lecture mode; absent where the page may not go fullscreen. */
export function FullscreenButton() {
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
    else void document.documentElement.requestFullscreen().catch(() => {});
  };
  return <button type="button" onClick={toggle} aria-pressed={isFull}>{t('present.fullscreen')}</button>;
}
