import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../components/useT';
import { formatValue } from '../../lib/format';
import { appStore } from '../../store';
import { useAppStore } from '../../store/useAppStore';
import { useSnapshot } from '../../store/useSnapshot';
import { selectOutputValue } from '../../store/selectors';
import { backwardAction, forwardAction, SCENES, type StepAction } from '../../store/stepping';
import { StatusBar } from '../Explorer/StatusBar';
import { LayerConfig } from '../shared/LayerConfig';
import { YourData } from '../shared/YourData';
import { FilterNote } from '../shared/photo/lazy';
import { commandFor, SHORTCUTS } from './keymap';
import { SceneAllPixels } from './SceneAllPixels';
import { SceneFilters } from './SceneFilters';
import { SceneNextPixel } from './SceneNextPixel';
import { SceneOnePixel } from './SceneOnePixel';
import { StepControls } from './StepControls';
import { usePlayback } from './usePlayback';

/** The four-scene story of the 1×1 convolution, driven by buttons, keys or playback. */
export function Walkthrough() {
  const t = useT();
  const scene = useAppStore((s) => s.scene);
  const setScene = useAppStore((s) => s.setScene);
  const playing = useAppStore((s) => s.playing);
  const { data, output } = useSnapshot();
  const presentation = useAppStore((s) => s.presentation);
  const [showHelp, setShowHelp] = useState(false);
  const helpRef = useRef<HTMLDivElement>(null);
  usePlayback(playing);
  // ?autoplay=1 starts playing once the data is there, unless motion is to be reduced.
  const hasData = data !== null;
  useEffect(() => {
    if (!hasData || !presentation.autoplay || prefersLessMotion(presentation.motion)) return;
    appStore.getState().setPlaying(true);
  }, [hasData, presentation.autoplay, presentation.motion]);

  const run = (command: StepAction | 'forward' | 'backward' | 'play') => {
    const s = appStore.getState();
    if (command === 'play') s.setPlaying(!s.playing);
    else if (command === 'forward') s.applyStep(forwardAction(s.scene));
    else if (command === 'backward') s.applyStep(backwardAction(s.scene));
    else if (command === 'scene+' || command === 'scene-') s.setScene(Math.max(1, Math.min(4, s.scene + (command === 'scene+' ? 1 : -1))) as 1 | 2 | 3 | 4);
    else s.applyStep(command);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return;
    const c = commandFor(e);
    if (!c) return;
    e.preventDefault();
    // In lecture mode Space steps on, like a slide clicker; elsewhere it plays and pauses.
    if (c.kind === 'togglePlay') run(presentation.present ? 'forward' : 'play');
    else if (c.kind === 'toggleHelp') setShowHelp((v) => !v);
    else if (c.kind === 'forward' || c.kind === 'backward') run(c.kind);
    else run(c.action);
  };
  useEffect(() => {
    if (showHelp) helpRef.current?.focus();
  }, [showHelp]);

  return (
    <main id="main" className="walkthrough">
      {presentation.controls === 'full' && (
        <section className="panel config-panel">
          <LayerConfig />
          <YourData />
        </section>
      )}
      <nav className="scenes" aria-label={t('walk.scenes')}>
        <ol>
          {SCENES.map((n) => (
            <li key={n}>
              <button type="button" aria-current={n === scene ? 'step' : undefined} onClick={() => setScene(n)}>
                <span className="scene-num">{n}</span> {t(`scene.${n}`)}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <section className="panel viz" tabIndex={0} onKeyDown={onKeyDown} aria-label={t('walk.vizLabel')} aria-keyshortcuts="ArrowRight ArrowLeft ArrowUp ArrowDown Space Home End PageUp PageDown">
        <h2>{t(`scene.${scene}.title`)}</h2>
        <p className="caption">{t(`scene.${scene}.caption`)}</p>
        {presentation.controls !== 'none' && <StepControls onCommand={run} onHelp={() => setShowHelp(true)} />}
        <StatusBar />
        <FilterNote />
        {data && scene === 1 && <SceneFilters weights={data.weights} output={output} />}
        {data && scene === 2 && <SceneOnePixel data={data} />}
        {output && data && scene === 3 && <SceneNextPixel output={output} />}
        {output && data && scene === 4 && <SceneAllPixels output={output} weights={data.weights} />}
        <div className="scene-nav">
          {scene > 1 && <button type="button" onClick={() => setScene((scene - 1) as 1 | 2 | 3)}>← {t(`scene.${scene - 1}` as 'scene.1')}</button>}
          {scene < 4 && <button type="button" className="primary" onClick={() => setScene((scene + 1) as 2 | 3 | 4)}>{t(`scene.${scene + 1}` as 'scene.2')} →</button>}
        </div>
        {showHelp && (
          <div className="help" role="dialog" aria-modal="false" aria-label={t('help.title')} tabIndex={-1} ref={helpRef}
            onKeyDown={(e) => { if (e.key === 'Escape' || e.key === '?') { e.stopPropagation(); setShowHelp(false); } }}>
            <h3>{t('help.title')}</h3>
            <dl>
              {SHORTCUTS.map(([keys, msg]) => (
                <div key={keys}><dt><kbd>{keys}</kbd></dt><dd>{t(msg)}</dd></div>
              ))}
            </dl>
            <button type="button" onClick={() => setShowHelp(false)}>{t('help.close')}</button>
          </div>
        )}
      </section>
      <Announcer />
    </main>
  );
}

/** True when animation should not start by itself (the motion setting, else the OS setting). */
function prefersLessMotion(motion: 'auto' | 'reduce' | 'full'): boolean {
  if (motion !== 'auto') return motion === 'reduce';
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Says where the cursor is and its value, politely; quiet while playing, spoken on pause. */
function Announcer() {
  const t = useT();
  const playing = useAppStore((s) => s.playing);
  const scene = useAppStore((s) => s.scene);
  const channel = useAppStore((s) => s.channel);
  const { row, col, filterIndex: k } = useAppStore((s) => s.cursor);
  const value = useAppStore(selectOutputValue);
  const text = playing ? '' : scene === 2
    ? t('announce.channel', { row, col, k, channel })
    : t('announce.pixel', { row, col, k, value: value === null ? '…' : formatValue(value) });
  return <p className="sr-only" role="status" aria-live="polite" data-testid="announcer">{text}</p>;
}
