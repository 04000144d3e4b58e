import { useState } from 'react';
import { useT } from '../components/useT';

/** Copies the current link (the URL hash holds the whole view state). */
export function ShareButton() {
  const t = useT();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const share = async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
    setTimeout(() => setCopied('idle'), 2500);
  };
  return (
    <span className="share">
      <button type="button" onClick={() => void share()}>{t('share.button')}</button>
      <span role="status" aria-live="polite" className="share-status">
        {copied === 'copied' ? t('share.copied') : copied === 'failed' ? t('share.failed') : ''}
      </span>
    </span>
  );
}
