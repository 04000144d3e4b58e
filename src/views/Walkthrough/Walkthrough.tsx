import { Suspense, useEffect, useRef, useState } from 'react';
import { lazyLoaded } from '../../components/lazyLoaded';
import { useT } from '../../components/useT';
import { formatInt, formatValue } from '../../lib/format';
import { appStore } from '../../store';
import { useAppStore } from '../../store/useAppStore';
import { useSnapshot } from '../../store/useSnapshot';
import { selectOutputValue, selectPixelData } from '../../store/selectors';
import { atEnd, backwardAction, forwardAction, LAST_SCENE, SCENES, type Scene, type StepAction } from '../../store/stepping';
import { talkStep } from '../../store/talkOrder';
import { StatusBar } from '../Explorer/StatusBar';
import { SettingsLine } from '../shared/SettingsLine';
import { FilterNote } from '../shared/photo/lazy';
import { controlsFor, type Command } from '../shared/steps/keymap';
import { runStep } from '../shared/steps/runStep';
import { ShortcutHelp } from '../shared/steps/ShortcutHelp';
import { StepBar } from '../shared/steps/StepBar';
import { useStepKeys } from '../shared/steps/useStepKeys';
import { FullscreenButton } from '../../app/FullscreenButton';
import { usePlayback } from './usePlayback';
import { keepInView } from './keepInView';
import { SceneWhole } from './layer/SceneWhole';

/**
 * Scenes 2–5 load when first shown (or when the pointer or focus reaches their button, or,
 * for the scene a link opens at, with the app: renderApp.tsx), so the start-up code holds
 * scene 1 only; each is a few kilobytes from the same origin.
 */
const SCENES_CODE = {
  1: lazyLoaded(() => import('./SceneFilters').then((m) => m.SceneFilters)),
  2: lazyLoaded(() => import('./SceneOnePixel').then((m) => m.SceneOnePixel)),
  3: lazyLoaded(() => import('./SceneNextPixel').then((m) => m.SceneNextPixel)),
  4: lazyLoaded(() => import('./SceneAllPixels').then((m) => m.SceneAllPixels)),
  5: lazyLoaded(() => import('./combine/SceneCombine').then((m) => m.default)),
} as const;
const SceneFilters = SCENES_CODE[1].Component;
const SceneOnePixel = SCENES_CODE[2].Component;
const SceneNextPixel = SCENES_CODE[3].Component;
const SceneAllPixels = SCENES_CODE[4].Component;
const SceneCombine = SCENES_CODE[5].Component;
/** The small copy of the volumes in scenes 1–5 (the opening view does not need it). */
const MiniLayerCode = lazyLoaded(() => import('./layer/MiniLayer').then((m) => m.MiniLayer));
const MiniLayer = MiniLayerCode.Component;
export const preloadScene = (n: Scene) => {
  if (n === 0) return;
  void SCENES_CODE[n].preload();
  void MiniLayerCode.preload();
};

/** The six-scene story (the whole layer, then its steps) of the 1×1 convolution, driven by buttons, keys or playback. */
export function Walkthrough() {
  const t = useT();
  const scene = useAppStore((s) => s.scene);
  const setScene = useAppStore((s) => s.setScene);
  const playing = useAppStore((s) => s.playing);
  const status = useAppStore((s) => s.job.status);
  const { data, output } = useSnapshot();
  // Scene 2 can start before the bank's last parts have come: it needs one filter.
  const pixelData = useAppStore(selectPixelData);
  const presentation = useAppStore((s) => s.presentation);
  const [showHelp, setShowHelp] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const vizRef = useRef<HTMLElement>(null);
  // Scene 0's figure runs its own loop while playing (layer/useLayerLoop.ts).
  usePlayback(playing && scene !== 0);
  // ?autoplay=1 starts playing once the data is there, unless motion is to be reduced.
  const hasData = data !== null;
  useEffect(() => {
    if (!hasData || !presentation.autoplay || prefersLessMotion(presentation.motion)) return;
    appStore.getState().setPlaying(true);
  }, [hasData, presentation.autoplay, presentation.motion]);

  const run = (c: Command) => {
    if (c.kind === 'toggleHelp') setShowHelp((v) => !v);
    else if (c.kind === 'togglePlay') {
      // In lecture mode Space steps on, like a slide clicker; elsewhere it plays and pauses.
      const next = controlsFor(scene).find((k) => k.key === 'ArrowRight' && !k.shift);
      if (presentation.present && next?.command.kind === 'step') present(next.command.action);
      else appStore.getState().setPlaying(!appStore.getState().playing);
    } else if (presentation.present) present(c.action);
    else runStep(scene, c.action);
    if (c.kind !== 'toggleHelp') requestAnimationFrame(() => keepInView(vizRef.current, appStore.getState().scene));
  };
  // A clicker drives the talk (src/store/talkOrder.ts): Page Down / Page Up go to the next or
  // previous stop, and the scene's own step goes on to the next stop from its last step.
  const present = (action: StepAction) => {
    const s = appStore.getState();
    const at = { scene, channel: s.channel, ...s.cursor };
    if (action === 'scene+' || action === 'scene-') talkStep(appStore, action === 'scene+' ? 1 : -1);
    else if (action === forwardAction(scene) && atEnd(at, s.config)) talkStep(appStore, 1);
    else if (action === backwardAction(scene) && atStart(at, s.config.width)) talkStep(appStore, -1);
    else runStep(scene, action);
  };
  // Space from the Play button itself is the button's own click, so a key and a click agree.
  useStepKeys(scene, run);

  return (
    <main id="main" className={`walkthrough${settingsOpen ? ' settings-open' : ''}`}>
      {presentation.controls === 'full' && <SettingsLine open={settingsOpen} onToggle={setSettingsOpen} />}
      <div className="walk-body">
        <nav className="scenes" aria-label={t('walk.scenes')}>
          <ol>
            {SCENES.map((n) => (
              <li key={n}>
                <button type="button" aria-current={n === scene ? 'step' : undefined} onClick={() => setScene(n)}
                  onPointerEnter={() => preloadScene(n)} onFocus={() => preloadScene(n)}>
                  <span className="scene-num">{n}</span> <span className="scene-name">{t(`scene.${n}`)}</span>
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <section className="panel viz" ref={vizRef} tabIndex={0} aria-label={t('walk.vizLabel')} data-scene={scene}>
          <div className="viz-head">
            {/* First, so that it floats beside the title and caption, which wrap around it. */}
            {scene !== 0 && <Suspense fallback={null}><MiniLayer /></Suspense>}
            <h2>{t(`scene.${scene}.title`)}</h2>
            <p className="caption">{t(`scene.${scene}.caption`)}</p>
          </div>
          {status !== 'done' && <StatusBar />}
          {/* Scene 0 moves as soon as the data is here (made from the bank's first part, it has the filters it starts with): it computes the map it shows until the output comes. */}
          {pixelData && scene === 0 && <SceneWhole data={pixelData} output={data === pixelData ? output : null} />}
          <Suspense fallback={<p className="status" role="status">{t('nav.loading')}</p>}>
            {data && scene === 1 && <SceneFilters weights={data.weights} output={output} />}
            {pixelData && scene === 2 && <SceneOnePixel data={pixelData} />}
            {output && data && scene === 3 && <SceneNextPixel output={output} />}
            {output && data && scene === 4 && <SceneAllPixels output={output} weights={data.weights} />}
            {data && scene === 5 && <SceneCombine data={data} />}
          </Suspense>
          <div className="viz-foot">
            {status === 'done' && <StatusBar />}
            <FilterNote />
            <div className="scene-nav">
              {scene > 0 && <button type="button" onClick={() => setScene((scene - 1) as Scene)}>← {t(`scene.${scene - 1}` as 'scene.1')}</button>}
              {scene < LAST_SCENE && <button type="button" className="primary" onClick={() => setScene((scene + 1) as Scene)}>{t(`scene.${scene + 1}` as 'scene.2')} →</button>}
            </div>
          </div>
          {presentation.controls !== 'none' && (
            <StepBar stage={scene} onCommand={run} onHelp={() => setShowHelp(true)}
              extra={presentation.present ? <FullscreenButton target={vizRef} /> : undefined} />
          )}
          {showHelp && <ShortcutHelp stage={scene} onClose={() => { setShowHelp(false); vizRef.current?.focus(); }} />}
        </section>
      </div>
      <Announcer />
    </main>
  );
}

/** True at the first step of a scene: its first filter, channel or pixel. */
function atStart(p: { scene: Scene; channel: number; row: number; col: number; filterIndex: number }, width: number): boolean {
  if (p.scene === 2 || p.scene === 5) return p.channel <= 0;
  if (p.scene === 1) return p.filterIndex <= 0;
  return p.row * width + p.col <= 0;
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
  const cin = useAppStore((s) => s.config.inChannels);
  const text = playing ? '' : scene === 5
    ? t('step.at.term', { n: formatInt(Math.min(channel, cin - 1) + 1), cin: formatInt(cin) })
    : scene === 2
    ? t('announce.channel', { row, col, k, channel })
    : t('announce.pixel', { row, col, k, value: value === null ? '…' : formatValue(value) });
  return <p className="sr-only" role="status" aria-live="polite" data-testid="announcer">{text}</p>;
}
