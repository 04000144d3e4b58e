import { useState, type MouseEvent } from 'react';
import { useT } from '../components/useT';

/**
 * "Open the full app ↗" in an embedded frame. A frame sandboxed without allow-popups cannot
 * open a window, and the click would do nothing: then the address is shown, selected, with a
 * Copy button, so the reader can still get there.
 */
export function OpenFullLink({ href }: { href: string }) {
  const t = useT();
  const [isBlocked, setBlocked] = useState(false);
  const open = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    const w = window.open(href, '_blank');
    if (w) w.opener = null;
    else setBlocked(true);
  };
  return (
    <span className="open-full">
      <a href={href} target="_blank" rel="noopener" onClick={open}>{t('embed.openFull')}</a>
      {isBlocked && (
        <span className="open-full-blocked" role="status">
          {t('embed.popupBlocked')}{' '}
          <input readOnly value={href} aria-label={t('embed.fullAddress')} onFocus={(e) => e.target.select()} ref={(el) => el?.select()} />
          <button type="button" onClick={() => void navigator.clipboard?.writeText(href).catch(() => {})}>{t('embed.copyAddress')}</button>
        </span>
      )}
    </span>
  );
}
