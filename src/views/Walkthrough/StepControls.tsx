import { useId } from 'react';
import { useT } from '../../components/useT';
import { useAppStore } from '../../store/useAppStore';
import { SPEEDS, type Speed } from '../../store/slices/walkthrough';
import { pixelIndex, type StepAction } from '../../store/stepping';

/** Buttons for every keyboard shortcut, play/pause with speed, and the pixel scrubber. */
export function StepControls({ onCommand, onHelp }: { onCommand: (a: StepAction | 'forward' | 'backward' | 'play') => void; onHelp: () => void }) {
  const t = useT();
  const id = useId();
  const scene = useAppStore((s) => s.scene);
  const playing = useAppStore((s) => s.playing);
  const speed = useAppStore((s) => s.speed);
  const setSpeed = useAppStore((s) => s.setSpeed);
  const { height, width } = useAppStore((s) => s.config);
  const cursor = useAppStore((s) => s.cursor);
  const setCursor = useAppStore((s) => s.setCursor);
  const here = pixelIndex(cursor, width);
  const last = height * width - 1;
  const btn = (label: string, action: StepAction | 'forward' | 'backward', title: string) => (
    <button type="button" onClick={() => onCommand(action)} aria-label={title} title={title}>{label}</button>
  );
  return (
    <div className="step-controls">
      <div className="button-row" role="group" aria-label={t('controls.steps')}>
        {btn('«', 'first', t('controls.first'))}
        {scene === 2 && btn('‹ i', 'channel-', t('controls.channelBack'))}
        {btn('‹ k', 'filter-', t('controls.filterBack'))}
        {btn('↑', 'row-', t('controls.rowBack'))}
        {btn('‹', 'pixel-', t('controls.pixelBack'))}
        <button type="button" className="play" onClick={() => onCommand('play')} aria-pressed={playing}>
          {playing ? `❚❚ ${t('controls.pause')}` : `▶ ${t('controls.play')}`}
        </button>
        {btn('›', 'pixel+', t('controls.pixelNext'))}
        {btn('↓', 'row+', t('controls.rowNext'))}
        {btn('k ›', 'filter+', t('controls.filterNext'))}
        {scene === 2 && btn('i ›', 'channel+', t('controls.channelNext'))}
        {btn('»', 'last', t('controls.last'))}
        <button type="button" onClick={onHelp} aria-label={t('controls.help')} title={t('controls.help')}>?</button>
      </div>
      <div className="scrub-row">
        <label htmlFor={`${id}-speed`}>{t('controls.speed')}</label>
        <select id={`${id}-speed`} value={speed} onChange={(e) => setSpeed(Number(e.target.value) as Speed)}>
          {SPEEDS.map((s) => <option key={s} value={s}>{t('controls.perSecond', { n: s })}</option>)}
        </select>
        <label className="scrub">
          <span>{t('controls.pixel', { row: cursor.row, col: cursor.col, index: here + 1, total: last + 1 })}</span>
          <input type="range" min={0} max={last} value={here}
            onChange={(e) => setCursor({ row: Math.floor(Number(e.target.value) / width), col: Number(e.target.value) % width })} />
        </label>
      </div>
    </div>
  );
}
