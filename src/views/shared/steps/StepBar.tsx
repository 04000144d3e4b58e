import { useId, type ReactNode } from 'react';
import { useT } from '../../../components/useT';
import { useAppStore } from '../../../store/useAppStore';
import { SPEEDS, type Speed } from '../../../store/slices/walkthrough';
import { pixelIndex } from '../../../store/stepping';
import { formatInt } from '../../../lib/format';
import { controlsFor, type Command, type Control, type Stage } from './keymap';

/**
 * The step controls of a stage, made from the same table as its keys: the stage's own step
 * (with Play) first and the position it has reached, then the smaller moves. It sticks to the
 * bottom of the window while its picture is in view, so a step and what it changes are on
 * screen together, on a phone too.
 */
export function StepBar({ stage, onCommand, onHelp, extra }: {
  stage: Stage; onCommand: (c: Command) => void; onHelp: () => void; extra?: ReactNode | undefined;
}) {
  const t = useT();
  const id = useId();
  const playing = useAppStore((s) => s.playing);
  const speed = useAppStore((s) => s.speed);
  const setSpeed = useAppStore((s) => s.setSpeed);
  const channel = useAppStore((s) => s.channel);
  const { height, width, inChannels, outChannels } = useAppStore((s) => s.config);
  const cursor = useAppStore((s) => s.cursor);
  const setCursor = useAppStore((s) => s.setCursor);
  const controls = controlsFor(stage);
  const canPlay = controls.some((c) => c.command.kind === 'togglePlay');
  const button = (c: Control) => {
    const name = `${t(c.message)} (${c.keyLabel})`;
    return (
      <button key={c.message} type="button" onClick={() => onCommand(c.command)} aria-label={name} title={name}>{c.glyph}</button>
    );
  };
  const group = (g: Control['group']) => controls.filter((c) => c.group === g && c.glyph);
  const main = group('main');
  const here = pixelIndex(cursor, width);
  const i = Math.min(channel, inChannels - 1);
  // Where the stage's own step has got: short, in the page's notation (for a phone), and in words.
  const [at, atLabel] = stage === 1 ? [`k = ${cursor.filterIndex} / ${outChannels - 1}`, t('step.at.filter', { k: cursor.filterIndex, last: outChannels - 1 })]
    : stage === 2 ? [`i = ${i} / ${inChannels - 1}`, t('step.at.channel', { i, last: inChannels - 1 })]
      : stage === 5 ? [`n = ${i + 1} / ${inChannels}`, t('step.at.term', { n: formatInt(i + 1), cin: formatInt(inChannels) })]
        : [`(${cursor.row}, ${cursor.col})`, t('step.at.pixel', { row: cursor.row, col: cursor.col })];
  const hint = t(stage === 1 ? 'step.keysHint.1' : stage === 2 ? 'step.keysHint.2' : stage === 5 ? 'step.keysHint.5' : 'step.keysHint.3');
  // The smaller moves, each a labelled group of its buttons (absent where the stage has none).
  const groups = [
    { controls: group('pixel'), label: t('step.group.pixel'), name: <><span className="long">{t('step.group.pixel')} </span>({cursor.row}, {cursor.col})</> },
    { controls: group('row'), label: t('step.group.row'), name: <span className="long">{t('step.group.row')}</span> },
    { controls: group('filter'), label: t('step.group.filter', { k: cursor.filterIndex }), name: <><span className="long">{t('step.group.filterName')} </span>k = {cursor.filterIndex}</> },
  ].filter((g) => g.controls.length > 0);
  return (
    <div className="step-bar" role="group" aria-label={t('controls.steps')} data-stage={stage}>
      <div className="step-main">
        {main.slice(0, 2).map(button)}
        {canPlay && (
          <button type="button" className="play" onClick={() => onCommand({ kind: 'togglePlay' })} aria-pressed={playing}
            aria-label={t(playing ? 'controls.pause' : 'controls.play')} title={`${t('step.play')} (Space)`}>
            <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> <span className="play-text">{t(playing ? 'controls.pause' : 'controls.play')}</span>
          </button>
        )}
        {main.slice(2).map(button)}
        <output className="step-at" data-testid="step-at" title={atLabel}><span className="sr-only">{atLabel}</span><span aria-hidden="true">{at}</span></output>
        {/* Lecture mode's Reveal button, drawn here by the questions' own chunk (predict/StepBarReveal). */}
        <span className="step-reveal" data-reveal-slot="" />
      </div>
      <div className="step-more">
        {groups.map((g) => (
          <span key={g.label} className="step-group" role="group" aria-label={g.label}>
            <span className="step-group-name">{g.name}</span>
            {g.controls.map(button)}
          </span>
        ))}
        {canPlay && (
          <span className="step-speed">
            <label htmlFor={`${id}-speed`}>{t('controls.speed')}</label>
            <select id={`${id}-speed`} value={speed} onChange={(e) => setSpeed(Number(e.target.value) as Speed)}>
              {SPEEDS.map((s) => <option key={s} value={s}>{t('controls.perSecond', { n: s })}</option>)}
            </select>
          </span>
        )}
        {(stage === 3 || stage === 4) && (
          <label className="scrub step-scrub">
            <span className="sr-only">{t('controls.pixel', { row: cursor.row, col: cursor.col, index: formatInt(here + 1), total: formatInt(height * width) })}</span>
            <input type="range" min={0} max={height * width - 1} value={here}
              aria-valuetext={t('controls.pixel', { row: cursor.row, col: cursor.col, index: formatInt(here + 1), total: formatInt(height * width) })}
              onChange={(e) => setCursor({ row: Math.floor(Number(e.target.value) / width), col: Number(e.target.value) % width })} />
          </label>
        )}
        <button type="button" className="keys-button" onClick={onHelp} aria-label={`${t('help.title')} (?)`} title={`${t('help.title')} (?)`}>?</button>
        {extra}
      </div>
      <p className="keys-hint" aria-hidden="true">{hint}</p>
    </div>
  );
}
