import { useEffect, useId, useRef, useState } from 'react';
import { embedText, useEmbedT } from './embedText';
import { useAppStore } from '../store/useAppStore';
import { SCENES, type Scene } from '../store/stepping';
import { embedSnippet, embedUrls, RESIZE_MESSAGE, type EmbedOptions } from './autoHeight';

const FRAME_ID = 'pointwise-embed';
const PREVIEW_ID = 'pointwise-preview';
/** The preview is the embed at a blog column's width, scaled to fit the dialog. */
const PREVIEW_WIDTH = 700;

/**
 * The embed snippet with its choices — controls, language, theme and, in the walkthrough,
 * the scene it opens at — and a live preview in a 700 px column that reports the height the
 * frame will take. A modal dialog, centred and inside the window at any size.
 */
export default function EmbedDialog({ onClose }: { onClose: () => void }) {
  const t = useEmbedT();
  const id = useId();
  const view = useAppStore((s) => s.view);
  const scene = useAppStore((s) => s.scene);
  const lang = useAppStore((s) => s.lang);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const frameRef = useRef<HTMLIFrameElement>(null);
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const [options, setOptions] = useState<Required<EmbedOptions>>({ controls: 'min', lang: 'auto', theme: 'auto', scene, quiz: false });
  const [copied, setCopied] = useState(false);
  // The height the preview reported, and for which address: a new choice measures anew.
  const [measured, setMeasured] = useState<{ src: string; height: number } | null>(null);
  const [scale, setScale] = useState(0.5);
  const walkthrough = view === 'walkthrough';
  const chosen: EmbedOptions = walkthrough ? options : { controls: options.controls, lang: options.lang, theme: options.theme, quiz: options.quiz };
  const src = embedUrls(location.href, FRAME_ID, chosen).embed;
  const previewSrc = embedUrls(location.href, PREVIEW_ID, chosen).embed;
  // The frame's title is read by the blog's readers, so it is in the language the frame shows
  // (the dialog's text holds both); "auto" keeps the page's own language.
  const snippet = embedSnippet(src, FRAME_ID, embedText[options.lang === 'auto' ? lang : options.lang]['embed.frameTitle']);
  const height = measured?.src === previewSrc ? measured.height : null;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    const fit = () => setScale(Math.min(1, ((dialog?.clientWidth ?? PREVIEW_WIDTH) - 48) / PREVIEW_WIDTH));
    fit();
    addEventListener('resize', fit);
    return () => removeEventListener('resize', fit);
  }, []);
  // The preview frame says its height the way a host page hears it: by message, checked by source.
  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      const d = e.data as { type?: string; v?: number; height?: number } | null;
      if (e.source !== frameRef.current?.contentWindow || d?.type !== RESIZE_MESSAGE || d.v !== 1) return;
      if (Number.isFinite(d.height)) setMeasured({ src: frameRef.current!.src, height: d.height! });
    };
    addEventListener('message', onMessage);
    return () => removeEventListener('message', onMessage);
  }, []);

  const set = <K extends keyof EmbedOptions>(key: K, value: Required<EmbedOptions>[K]) => {
    setOptions((o) => ({ ...o, [key]: value }));
    setCopied(false);
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied(true);
    } catch {
      areaRef.current?.select();
    }
  };
  const choice = <K extends 'controls' | 'lang' | 'theme'>(key: K, label: string, values: readonly Required<EmbedOptions>[K][], name: (v: Required<EmbedOptions>[K]) => string) => (
    <label className="embed-choice">
      <span>{label}</span>
      <select value={options[key]} onChange={(e) => set(key, e.target.value as Required<EmbedOptions>[K])}>
        {values.map((v) => <option key={v} value={v}>{name(v)}</option>)}
      </select>
    </label>
  );
  return (
    <dialog ref={dialogRef} className="embed-dialog" aria-labelledby={`${id}-title`} onClose={onClose} onCancel={onClose}>
      <h2 id={`${id}-title`}>{t('embed.title')}</h2>
      <div className="embed-choices">
        {choice('controls', t('embed.controls'), ['min', 'full', 'none'] as const, (v) => t(`embed.controls.${v}`))}
        {choice('lang', t('embed.lang'), ['auto', 'en', 'ko'] as const, (v) => (v === 'auto' ? t('embed.lang.auto') : v === 'en' ? 'English' : '한국어'))}
        {choice('theme', t('theme.label'), ['auto', 'light', 'dark'] as const, (v) => t(`theme.${v}`))}
        <label className="embed-choice">
          <span>{t('embed.quiz')}</span>
          <select value={options.quiz ? '1' : '0'} onChange={(e) => set('quiz', e.target.value === '1')}>
            <option value="1">{t('embed.quiz.on')}</option>
            <option value="0">{t('embed.quiz.off')}</option>
          </select>
        </label>
        {walkthrough && (
          <label className="embed-choice">
            <span>{t('embed.scene')}</span>
            <select value={options.scene} onChange={(e) => set('scene', Number(e.target.value) as Scene)}>
              {SCENES.map((n) => <option key={n} value={n}>{n} · {t(`scene.${n}`)}</option>)}
            </select>
          </label>
        )}
      </div>
      <p className="caption">{t('embed.caption')}</p>
      <textarea ref={areaRef} readOnly value={snippet} rows={6} aria-label={t('embed.title')} />
      <div className="embed-actions">
        <button type="button" className="primary" onClick={() => void copy()}>{t('embed.copy')}</button>
        <span role="status">{copied ? t('embed.copied') : ''}</span>
        <button type="button" onClick={() => dialogRef.current?.close()}>{t('help.close')}</button>
      </div>
      <figure className="embed-preview">
        <figcaption>
          {t('embed.preview')} · <output data-testid="embed-height">{height === null ? t('embed.measuring') : t('embed.height', { height })}</output>
        </figcaption>
        <div className="embed-preview-box" style={{ height: `${Math.round((height ?? 640) * scale)}px` }}>
          <iframe ref={frameRef} src={previewSrc} title={t('embed.preview')} tabIndex={-1}
            style={{ width: `${PREVIEW_WIDTH}px`, height: `${height ?? 640}px`, transform: `scale(${scale})` }} />
        </div>
      </figure>
    </dialog>
  );
}
