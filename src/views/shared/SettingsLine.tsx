import { lazy, Suspense, useState } from 'react';
import { useT } from '../../components/useT';
import { PHOTOS } from '../../lib/photos';
import { useAppStore } from '../../store/useAppStore';

/** The layer's settings load when first opened: nothing of them is in the start-up code. */
const SettingsPanel = lazy(() => import('./SettingsPanel'));
const preload = () => void import('./SettingsPanel');

/**
 * The layer in one line — "56×56×512 → 1024 · Chelsea the cat · learned filters · bias · Edit" — that
 * opens the settings. On a wide screen the open settings sit beside the picture (the page
 * lays them out in a column of their own), so a change and its effect are seen together.
 */
export function SettingsLine({ open, onToggle }: { open: boolean; onToggle: (open: boolean) => void }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const c = useAppStore((s) => s.config);
  const userData = useAppStore((s) => s.userData);
  const [seen, setSeen] = useState(open);
  if (open && !seen) setSeen(true);
  const parts = [
    // A shape is written as dimensions, without thousands separators: 56×56×512 → 1024.
    `${c.height}×${c.width}×${c.inChannels} → ${c.outChannels}`,
    userData ? t('settings.yourData', { label: userData.label }) : c.image === 'noise' ? t('settings.noise') : PHOTOS.find((p) => p.id === c.image)?.title[lang] ?? null,
    !userData && c.image !== 'noise' ? t(c.filters === 'learned' ? 'settings.learned' : 'settings.random') : null,
    // The seed matters only while something is made from it (not with the student's input and weights).
    (c.filters === 'random' || c.image === 'noise') && !(userData?.input && userData.weights) ? t('settings.seed', { seed: c.seed }) : null,
    c.useBias ? t('settings.bias') : null,
    c.useRelu ? t('config.relu') : null,
  ].filter((p): p is string => p !== null);
  return (
    <details className="settings-line" open={open} onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary onPointerEnter={preload} onFocus={preload}>
        <span className="sr-only">{t('config.label')}: </span>
        <span className="settings-text">{parts.join(' · ')}</span>
        <span className="settings-edit">{t('settings.edit')}</span>
      </summary>
      {seen && (
        <div className="settings-panel">
          <Suspense fallback={<p className="status" role="status">{t('nav.loading')}</p>}>
            <SettingsPanel />
          </Suspense>
        </div>
      )}
    </details>
  );
}
