import { lazy, Suspense, useState } from 'react';
import { useSettingsT } from './settingsText';
import { useAppStore } from '../../store/useAppStore';

const DataLoader = lazy(() => import('../data/DataLoader'));

/** A toggle that loads the .npy / picture loader on first use (it is not needed at start-up). */
export function YourData() {
  const t = useSettingsT();
  const userData = useAppStore((s) => s.userData);
  const [open, setOpen] = useState(false);
  return (
    <div className="your-data">
      <button type="button" className="link" aria-expanded={open} aria-controls="your-data-panel" onClick={() => setOpen(!open)}>
        {open ? '▾' : '▸'} {t('data.open')}{userData ? ` · ${t('data.inUse', { label: userData.label })}` : ''}
      </button>
      {open && (
        <div id="your-data-panel">
          <Suspense fallback={<p className="status" role="status">{t('nav.loading')}</p>}>
            <DataLoader />
          </Suspense>
        </div>
      )}
    </div>
  );
}
