import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { heldOutStrokes, paintStrokes, type Stroke } from '../../engine/train/strokes';
import { TRAIN_MAP } from '../../lib/trainCode';
import { paintedRgba, predictionRgba } from './drawTrain';
import { useTrainT } from './text/useTrainT';

const N = TRAIN_MAP;
const PHOTO = 4 * N;
/** While dragging, the stroke so far is sent for training at most this often. */
const DRAFT_MS = 150;

export interface PaintCanvasProps {
  rgba: Uint8ClampedArray | null;
  probs: Float32Array | null;
  classes: number;
  strokes: readonly Stroke[];
  /** The class painted (or −1, the eraser) and the brush radius in cells. */
  brush: { cls: number; radius: number };
  /** Opacity of the prediction at full confidence (0 hides it). */
  overlay: number;
  showPainted: boolean;
  onStroke: (stroke: Stroke) => void;
  onDraft: (stroke: Stroke | null) => void;
  className: string;
}

/**
 * The photo with the painted cells and the layer's prediction over it. A pointer (mouse, pen
 * or finger) paints a stroke; from the keyboard, the arrow keys move a cell cursor, Space
 * paints the cell and Enter lifts or lowers the brush so moving paints a stroke.
 */
export function PaintCanvas({ rgba, probs, classes, strokes, brush, overlay, showPainted, onStroke, onDraft, className }: PaintCanvasProps) {
  const t = useTrainT();
  const photoRef = useRef<HTMLCanvasElement>(null);
  const predRef = useRef<HTMLCanvasElement>(null);
  const paintRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<{ points: number[]; sentAt: number } | null>(null);
  const [cursor, setCursor] = useState<{ row: number; col: number } | null>(null);
  const [penDown, setPenDown] = useState(false);

  useEffect(() => {
    const ctx = photoRef.current?.getContext('2d');
    if (!ctx || !rgba) return;
    const image = ctx.createImageData(PHOTO, PHOTO);
    image.data.set(rgba);
    ctx.putImageData(image, 0, 0);
  }, [rgba]);

  useEffect(() => {
    const ctx = predRef.current?.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(N, N);
    if (probs && probs.length === N * N * classes) predictionRgba(probs, classes, overlay, image.data);
    ctx.putImageData(image, 0, 0);
  }, [probs, classes, overlay]);

  const painted = useMemo(() => paintStrokes(strokes, N, N), [strokes]);
  const heldOut = useMemo(() => heldOutStrokes(strokes), [strokes]);
  const drawPainted = (extra?: Stroke) => {
    const ctx = paintRef.current?.getContext('2d');
    if (!ctx) return;
    const all = extra ? [...strokes, extra] : strokes;
    const image = ctx.createImageData(N, N);
    if (showPainted) paintedRgba(extra ? paintStrokes(all, N, N) : painted, extra ? heldOutStrokes(all) : heldOut, image.data);
    ctx.putImageData(image, 0, 0);
  };
  useEffect(drawPainted);

  const cellAt = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const clamp = (v: number) => Math.max(0, Math.min(N - 1, Math.floor(v * N)));
    return [clamp((e.clientY - r.top) / r.height), clamp((e.clientX - r.left) / r.width)] as const;
  };
  const extend = (points: number[], row: number, col: number) => {
    if (points.length >= 2 && points[points.length - 2] === row && points[points.length - 1] === col) return false;
    points.push(row, col);
    return true;
  };
  const stroke = (points: number[]): Stroke => ({ cls: brush.cls, radius: brush.radius, points: [...points] });

  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const [row, col] = cellAt(e);
    drawing.current = { points: [row, col], sentAt: performance.now() };
    drawPainted(stroke(drawing.current.points));
    onDraft(stroke(drawing.current.points));
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    const d = drawing.current;
    if (!d) return;
    const [row, col] = cellAt(e);
    if (!extend(d.points, row, col)) return;
    drawPainted(stroke(d.points));
    if (performance.now() - d.sentAt > DRAFT_MS) {
      d.sentAt = performance.now();
      onDraft(stroke(d.points));
    }
  };
  const up = () => {
    const d = drawing.current;
    drawing.current = null;
    if (!d) return;
    onDraft(null);
    onStroke(stroke(d.points));
  };

  const keyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const c = cursor ?? { row: N / 2, col: N / 2 };
    if (e.key in moves) {
      e.preventDefault();
      const [dr, dc] = moves[e.key]!;
      const step = e.shiftKey ? 4 : 1;
      const next = { row: Math.max(0, Math.min(N - 1, c.row + dr * step)), col: Math.max(0, Math.min(N - 1, c.col + dc * step)) };
      setCursor(next);
      if (penDown && drawing.current) {
        extend(drawing.current.points, next.row, next.col);
        drawPainted(stroke(drawing.current.points));
      }
    } else if (e.key === ' ') {
      e.preventDefault();
      setCursor(c);
      onStroke(stroke([c.row, c.col]));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      setCursor(c);
      if (penDown) {
        setPenDown(false);
        const d = drawing.current;
        drawing.current = null;
        if (d) onStroke(stroke(d.points));
      } else {
        setPenDown(true);
        drawing.current = { points: [c.row, c.col], sentAt: performance.now() };
        drawPainted(stroke(drawing.current.points));
      }
    } else if (e.key === 'Escape' && penDown) {
      setPenDown(false);
      drawing.current = null;
      drawPainted();
    }
  };

  const pct = (v: number) => `${(100 * v) / N}%`;
  return (
    <div className={`paint ${className}`} tabIndex={0} role="application" aria-roledescription={t('paint.role')}
      aria-label={t('paint.label')} aria-describedby="paint-keys" onKeyDown={keyDown} onBlur={() => setCursor(null)}
      data-testid="paint">
      <canvas ref={photoRef} width={PHOTO} height={PHOTO} className="paint-photo" aria-hidden="true" />
      <canvas ref={predRef} width={N} height={N} className="paint-layer" aria-hidden="true" data-testid="prediction" />
      <canvas ref={paintRef} width={N} height={N} className="paint-layer paint-top" aria-hidden="true" data-testid="painted"
        onPointerDown={down} onPointerMove={move} onPointerUp={up} onPointerCancel={up} />
      {cursor && (
        <span className={`paint-cursor ${penDown ? 'pen-down' : ''}`} aria-hidden="true"
          style={{ top: pct(cursor.row - brush.radius), left: pct(cursor.col - brush.radius), width: pct(2 * brush.radius + 1), height: pct(2 * brush.radius + 1) }} />
      )}
      <span className="visually-hidden" aria-live="polite">{cursor ? t('paint.cursor', { row: cursor.row, col: cursor.col }) + (penDown ? ` ${t('paint.penDown')}` : '') : ''}</span>
    </div>
  );
}
