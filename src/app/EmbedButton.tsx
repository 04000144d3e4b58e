import { useId, useRef, useState } from 'react';
import { useT } from '../components/useT';
import { embedSnippet, embedUrls } from './autoHeight';

/** Shows a copy-paste snippet that embeds the current view (iframe + resize listener). */
export function EmbedButton() {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState(false);
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const frameId = 'pointwise-embed';
  const snippet = open ? embedSnippet(embedUrls(location.href, frameId).embed, frameId, t('embed.frameTitle')) : '';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied(true);
    } catch {
      areaRef.current?.select();
    }
  };
  return (
    <>
      <button type="button" onClick={() => { setOpen(true); setCopied(false); }} aria-expanded={open} aria-controls={`${id}-panel`}>
        {t('embed.button')}
      </button>
      {open && (
        <div className="embed-panel" id={`${id}-panel`} role="dialog" aria-modal="false" aria-labelledby={`${id}-title`}
          onKeyDown={(e) => { if (e.key === 'Escape') setOpen(false); }}>
          <h2 id={`${id}-title`}>{t('embed.title')}</h2>
          <p className="caption">{t('embed.caption')}</p>
          <textarea ref={areaRef} readOnly value={snippet} rows={10} aria-label={t('embed.title')} />
          <div className="embed-actions">
            <button type="button" onClick={() => void copy()}>{t('embed.copy')}</button>
            <span role="status">{copied ? t('share.copied') : ''}</span>
            <button type="button" onClick={() => setOpen(false)}>{t('help.close')}</button>
          </div>
        </div>
      )}
    </>
  );
}
