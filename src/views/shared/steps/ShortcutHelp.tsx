import { useEffect, useRef } from 'react';
import { useT } from '../../../components/useT';
import { controlsFor, type Stage } from './keymap';

/** The stage's keys, from the same table as its buttons; closes with Escape, ? or its button. */
export function ShortcutHelp({ stage, onClose }: { stage: Stage; onClose: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="help" role="dialog" aria-modal="false" aria-label={t('help.title')} tabIndex={-1} ref={ref}
      onKeyDown={(e) => { if (e.key === 'Escape' || e.key === '?') { e.stopPropagation(); e.preventDefault(); onClose(); } }}>
      <h3>{t('help.title')}</h3>
      <p className="caption">{t('help.where')}</p>
      <dl>
        {controlsFor(stage).map((c) => (
          <div key={c.message}><dt><kbd>{c.keyLabel}</kbd></dt><dd>{t(c.message)}</dd></div>
        ))}
      </dl>
      <button type="button" onClick={onClose}>{t('help.close')}</button>
    </div>
  );
}
