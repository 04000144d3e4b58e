import { lazy, Suspense, useDeferredValue, useEffect, useState } from 'react';
import { LANGS, type Lang } from '../lib/i18n/t';
import { PALETTE_NAMES } from '../lib/palettes';
import { useAppStore } from '../store/useAppStore';
import { useT } from '../components/useT';
import { Walkthrough } from '../views/Walkthrough/Walkthrough';
import { isWhyView, type View } from '../store/slices/ui';
import { ErrorBoundary } from './ErrorBoundary';
import { OpenFullLink } from './OpenFullLink';
import { appStore } from '../store';
import { embedUrls, withoutParams } from './autoHeight';
import { EmbedButton } from './EmbedButton';
import { ShareButton } from './ShareButton';
import { UrlNotice } from './UrlNotice';
import { usePresenterKeys } from './usePresenterKeys';

/** The concept pages load on first visit, so the walkthrough's start-up stays small. */
const ConceptView = lazy(() => import('../views/concepts/ConceptView'));
/** The Train page (painting, training, export) is a chunk of its own too. */
const TrainView = lazy(() => import('../views/train/TrainView'));
/** The explorer too: the walkthrough opens on the whole layer (scene 0), whose figure is in the start-up code. */
const Explorer = lazy(() => import('../views/Explorer/Explorer').then((m) => ({ default: m.Explorer })));

/** Top-level tabs; "why" stands for the four "Why 1×1?" pages. */
const TABS = ['walkthrough', 'explorer', 'why', 'family', 'basics', 'params', 'train'] as const;
const tabTarget = (tab: (typeof TABS)[number]): View => (tab === 'why' ? 'bottleneck' : tab);
const isTabCurrent = (tab: (typeof TABS)[number], view: View) => (tab === 'why' ? isWhyView(view) : tab === view);

/**
 * "Reset this view": the cursor, channel and playback of the store's initial state (the one
 * source of defaults), on scene 1, the first that draws the layer itself.
 */
function resetView(): void {
  const { cursor, channel, playing } = appStore.getInitialState();
  appStore.setState({ cursor, channel, playing, scene: 1 });
}

export function App() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const setLang = useAppStore((s) => s.setLang);
  const fallbackReason = useAppStore((s) => s.fallbackReason);
  const view = useAppStore((s) => s.view);
  // The new page renders as a transition, in slices between frames: the tab highlight moves at
  // once and the old page stays until the new one is ready, so a switch never blocks input.
  const shownView = useDeferredValue(view);
  const setView = useAppStore((s) => s.setView);
  const p = useAppStore((s) => s.presentation);
  const [menuOpen, setMenuOpen] = useState(false);
  usePresenterKeys(p.present && view !== 'walkthrough' && view !== 'explorer');
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = p.theme;
    root.dataset.motion = p.motion;
    root.classList.toggle('embed', p.embed);
    root.classList.toggle('present', p.present);
    root.classList.toggle('compact', p.controls !== 'full');
  }, [p]);
  useEffect(() => {
    document.documentElement.classList.toggle('chrome', menuOpen);
  }, [menuOpen]);

  const palette = useAppStore((s) => s.palette);
  const setPalette = useAppStore((s) => s.setPalette);
  const setDisplay = useAppStore((s) => s.setDisplay);
  const displaySelects = (
    <>
      <DisplaySelect id="palette" label={t('palette.label')} value={palette} options={PALETTE_NAMES}
        optionLabel={(n) => t(`palette.${n}`)} onChange={setPalette} />
      <DisplaySelect id="theme" label={t('theme.label')} value={p.theme} options={['auto', 'light', 'dark'] as const}
        optionLabel={(v) => t(`theme.${v}`)} onChange={(theme) => setDisplay({ theme })} />
      <DisplaySelect id="motion" label={t('motion.label')} value={p.motion} options={['auto', 'reduce', 'full'] as const}
        optionLabel={(v) => t(`motion.${v}`)} onChange={(motion) => setDisplay({ motion })} />
    </>
  );
  const langSwitch = (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {LANGS.map((l: Lang) => (
        <button key={l} type="button" aria-pressed={l === lang} onClick={() => setLang(l)} lang={l}>
          {l === 'en' ? 'English' : '한국어'}
        </button>
      ))}
    </div>
  );
  const tabs = TABS.map((tab) => (
    <a key={tab} href={`#${tabTarget(tab)}`} aria-current={isTabCurrent(tab, view) ? 'page' : undefined}
      onClick={(e) => { e.preventDefault(); setView(tabTarget(tab)); setMenuOpen(false); }}>{t(`nav.${tab}`)}</a>
  ));
  const currentTab = TABS.find((tab) => isTabCurrent(tab, view)) ?? 'walkthrough';
  // Lecture mode is a slide: the page's chrome comes back only from the corner menu.
  const chrome = !p.present || menuOpen;
  return (
    <div className="app">
      <a className="skip" href="#main">{t('app.skip')}</a>
      {p.present && (
        <button type="button" className="present-menu" aria-expanded={menuOpen} onClick={() => setMenuOpen(!menuOpen)}>
          {menuOpen ? '✕' : '☰'} {t('present.menu')}
        </button>
      )}
      {p.embed ? (
        <header className="embed-bar">
          <span className="embed-title">{t('app.title')}</span>
          {p.controls !== 'none' && langSwitch}
          <OpenFullLink href={embedUrls(location.href, p.id).full} />
        </header>
      ) : chrome && (
        <>
          <header className="app-header">
            <div>
              <h1>{t('app.title')}</h1>
              <p className="tagline">{t('app.tagline')}</p>
            </div>
            <div className="header-tools">
              <details className="display-menu">
                <summary>{t('display.label')}</summary>
                <div className="display-panel">
                  {displaySelects}
                </div>
              </details>
              {langSwitch}
            </div>
          </header>
          <nav className="views" aria-label={t('nav.label')}>
            <span className="tabs">{tabs}</span>
            {/* On a phone the tabs fold into one menu that names the current view. */}
            <details className="nav-menu" open={menuOpen && !p.present} onToggle={(e) => { if (!p.present) setMenuOpen(e.currentTarget.open); }}>
              <summary><span aria-hidden="true">☰</span> <span className="current-tab">{t(`nav.${currentTab}`)}</span></summary>
              <div className="nav-menu-list">{tabs}</div>
            </details>
            <span className="nav-actions">
              {p.present && <a className="present-exit" href={withoutParams(location.href, ['present'])}>{t('present.exit')}</a>}
              <ShareButton />
              <EmbedButton />
            </span>
          </nav>
        </>
      )}
      <UrlNotice />
      {fallbackReason && <p className="notice" role="status" data-testid="fallback-notice" title={fallbackReason}>{t('notice.fallback')}</p>}
      {shownView === 'walkthrough' || shownView === 'explorer' ? (
        <ErrorBoundary key={shownView} message={(m) => t('view.failed', { message: m })} resetLabel={t('view.reset')}
          onReset={resetView}>
          {shownView === 'walkthrough' ? <Walkthrough /> : <Suspense fallback={<p className="status" role="status">{t('nav.loading')}</p>}><Explorer /></Suspense>}
        </ErrorBoundary>
      ) : (
        <ErrorBoundary key={shownView} message={(m) => t('nav.loadFailed', { message: m })}>
          <Suspense fallback={<p className="status" role="status">{t('nav.loading')}</p>}>
            {shownView === 'train' ? <TrainView /> : <ConceptView view={shownView} />}
          </Suspense>
        </ErrorBoundary>
      )}
    </div>
  );
}

/** A labelled choice in the Display menu. */
function DisplaySelect<T extends string>({ id, label, value, options, optionLabel, onChange }: {
  id: string; label: string; value: T; options: readonly T[]; optionLabel: (v: T) => string; onChange: (v: T) => void;
}) {
  return (
    <span className="palette-select">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((v) => <option key={v} value={v}>{optionLabel(v)}</option>)}
      </select>
    </span>
  );
}

