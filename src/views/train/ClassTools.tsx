import { useState } from 'react';
import { ERASER } from '../../engine/train/strokes';
import { cleanClassName, MAX_CLASSES, MAX_RADIUS, MIN_CLASSES } from '../../lib/trainCode';
import { useAppStore } from '../../store/useAppStore';
import { CLASS_COLOURS } from './drawTrain';
import { useTrainT } from './text/useTrainT';

/** The brush: which class it paints (or the eraser), its size; the classes' names; undo, redo, clear. */
export function ClassTools({ brush, onBrush, overlay, onOverlay, showPainted, onShowPainted }: {
  brush: { cls: number; radius: number }; onBrush: (b: { cls: number; radius: number }) => void;
  overlay: number; onOverlay: (v: number) => void; showPainted: boolean; onShowPainted: (v: boolean) => void;
}) {
  const t = useTrainT();
  const classes = useAppStore((s) => s.train.classes);
  const strokes = useAppStore((s) => s.train.strokes.length);
  const redo = useAppStore((s) => s.trainRedo.length);
  const setTrain = useAppStore((s) => s.setTrain);
  const undoStroke = useAppStore((s) => s.undoStroke);
  const redoStroke = useAppStore((s) => s.redoStroke);
  const rename = (c: number, name: string) => setTrain({ classes: classes.map((n, i) => (i === c ? cleanClassName(name).trim() || n : n)) });
  return (
    <div className="class-tools">
      <fieldset className="class-list">
        <legend>{t('tools.classes')}</legend>
        {classes.map((name, c) => (
          <div key={c} className="class-row">
            <input type="radio" name="train-brush" id={`brush-${c}`} checked={brush.cls === c} onChange={() => onBrush({ ...brush, cls: c })} />
            <label htmlFor={`brush-${c}`}><span className="swatch" style={{ background: CLASS_COLOURS[c] }} aria-hidden="true" /> {t('tools.paint')}</label>
            <ClassName name={name} label={t('tools.name', { c })} onRename={(v) => rename(c, v)} />
          </div>
        ))}
        <div className="class-row">
          <input type="radio" name="train-brush" id="brush-eraser" checked={brush.cls === ERASER} onChange={() => onBrush({ ...brush, cls: ERASER })} />
          <label htmlFor="brush-eraser">{t('tools.eraser')}</label>
        </div>
        <p className="class-buttons">
          <button type="button" disabled={classes.length >= MAX_CLASSES} onClick={() => setTrain({ classes: [...classes, t('tools.newName', { n: classes.length + 1 })] })}>{t('tools.add')}</button>{' '}
          <button type="button" disabled={classes.length <= MIN_CLASSES} onClick={() => setTrain({ classes: classes.slice(0, -1) })}>{t('tools.remove', { name: classes[classes.length - 1]! })}</button>
        </p>
      </fieldset>
      <div className="brush-tools">
        <label htmlFor="brush-size">{t('tools.size', { d: 2 * brush.radius + 1 })}</label>{' '}
        <input id="brush-size" type="range" min={0} max={MAX_RADIUS / 2} value={brush.radius} onChange={(e) => onBrush({ ...brush, radius: Number(e.target.value) })} />
        <p>
          <button type="button" onClick={undoStroke} disabled={strokes === 0} data-testid="undo">{t('tools.undo')}</button>{' '}
          <button type="button" onClick={redoStroke} disabled={redo === 0}>{t('tools.redo')}</button>{' '}
          <button type="button" onClick={() => setTrain({ strokes: [] })} disabled={strokes === 0} data-testid="clear">{t('tools.clear')}</button>
        </p>
        <label htmlFor="overlay">{t('tools.overlay')}</label>{' '}
        <input id="overlay" type="range" min={0} max={1} step={0.05} value={overlay} onChange={(e) => onOverlay(Number(e.target.value))} />
        <p>
          <input type="checkbox" id="show-painted" checked={showPainted} onChange={(e) => onShowPainted(e.target.checked)} />{' '}
          <label htmlFor="show-painted">{t('tools.showPainted')}</label>
        </p>
      </div>
    </div>
  );
}

/** A class's name, editable: an empty field keeps the old name until something is typed. */
function ClassName({ name, label, onRename }: { name: string; label: string; onRename: (name: string) => void }) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <input type="text" value={editing ?? name} maxLength={20} aria-label={label}
      onFocus={() => setEditing(name)}
      onChange={(e) => { setEditing(e.target.value); if (e.target.value.trim()) onRename(e.target.value.trim()); }}
      onBlur={() => setEditing(null)} />
  );
}
