import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type PointerEvent, type ReactNode } from 'react';
import type { ColorDomain, Lut } from '../../lib/colormap';
import { paintMap, valueAt, wantsDarkInk, type MapSource } from './drawHeatmap';
import { MapProbe } from './MapProbe';
import { paintInFrames } from './paintInFrames';

/** Maps up to this many cells paint at once (≈ 2 ms); larger ones in bands across frames. */
const PAINT_AT_ONCE_CELLS = 1 << 16;

export interface CanvasHeatmapProps {
  /** The map to draw, at data resolution. */
  source: MapSource;
  domain: ColorDomain;
  lut: Lut;
  /** Accessible name describing what the map shows. */
  label: string;
  /** Called with the data cell under a click. */
  onPick?: ((row: number, col: number) => void) | undefined;
  onKeyDown?: ((e: KeyboardEvent<HTMLDivElement>) => void) | undefined;
  /** Highlighted data cell, drawn as an outline. */
  highlight?: { row: number; col: number } | undefined;
  /** Size of the highlighted block in data cells (default 1×1). */
  highlightSpan?: { rows: number; cols: number } | undefined;
  className?: string | undefined;
  /**
   * Names the value of cell (row, col): the map then shows the value under the pointer (and,
   * while it has keyboard focus, at the highlighted cell), and a tiny map writes every value
   * in its cell.
   */
  probe?: ((row: number, col: number, value: number) => string) | undefined;
  /** How to write a value inside its cell (tiny maps). */
  cellText?: ((value: number) => string) | undefined;
  children?: ReactNode;
}

/** Maps of at most this many cells write their values in the cells. */
const NUMBERED_CELLS = 36;

/** A heatmap drawn at data resolution and scaled up by CSS, with an optional picked cell. */
export function CanvasHeatmap({ source, domain, lut, label, onPick, onKeyDown, highlight, highlightSpan, className, probe, cellText, children }: CanvasHeatmapProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [pointer, setPointer] = useState<{ row: number; col: number } | null>(null);
  const [focused, setFocused] = useState(false);
  const { height, width } = source;
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const image = ctx.createImageData(width, height);
    if (width * height <= PAINT_AT_ONCE_CELLS) {
      paintMap(image.data, width, 0, 0, source, domain, lut);
      ctx.putImageData(image, 0, 0);
      return;
    }
    // A large map (the 512×1024 weight matrix) is painted some bands of rows per frame and
    // shown when complete, so mounting or recolouring it never holds the main thread.
    const band = Math.max(1, Math.floor(PAINT_AT_ONCE_CELLS / (4 * width)));
    let row = 0;
    return paintInFrames((until) => {
      do {
        const end = Math.min(height, row + band);
        paintMap(image.data, width, 0, 0, source, domain, lut, row, end);
        row = end;
      } while (row < height && performance.now() < until);
      return row === height;
    }, () => ctx.putImageData(image, 0, 0));
  }, [source, domain, lut, width, height]);

  const cellOf = (e: MouseEvent<HTMLElement> | PointerEvent<HTMLElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const col = Math.floor(((e.clientX - rect.left) / rect.width) * width);
    const row = Math.floor(((e.clientY - rect.top) / rect.height) * height);
    return row >= 0 && row < height && col >= 0 && col < width ? { row, col } : null;
  };
  const pick = (e: MouseEvent<HTMLCanvasElement>) => {
    const cell = onPick ? cellOf(e) : null;
    if (cell) onPick!(cell.row, cell.col);
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    const cell = cellOf(e);
    if (cell?.row !== pointer?.row || cell?.col !== pointer?.col) setPointer(cell);
  };
  const probed = probe ? pointer ?? (focused ? highlight ?? { row: 0, col: 0 } : null) : null;
  const numbered = cellText && width * height <= NUMBERED_CELLS;

  return (
    <div
      className={`heatmap ${className ?? ''}`}
      role="img"
      aria-label={label}
      tabIndex={onKeyDown || probe ? 0 : undefined}
      onKeyDown={onKeyDown}
      onFocus={probe ? () => setFocused(true) : undefined}
      onBlur={probe ? () => setFocused(false) : undefined}
      style={{ aspectRatio: `${width} / ${height}` }}
    >
      <canvas ref={ref} width={width} height={height} onClick={pick} className={onPick ? 'pickable' : undefined}
        onPointerMove={probe ? move : undefined} onPointerLeave={probe ? () => setPointer(null) : undefined} />
      {numbered && (
        <span className="cell-numbers" aria-hidden="true" style={{ gridTemplateColumns: `repeat(${width}, 1fr)` }}>
          {Array.from({ length: width * height }, (_, i) => {
            const v = valueAt(source, Math.floor(i / width), i % width);
            return <span key={i} className={wantsDarkInk(v, domain, lut) ? 'ink-dark' : 'ink-light'}>{v === v ? cellText(v) : ''}</span>;
          })}
        </span>
      )}
      {highlight && (
        <span
          className="heatmap-highlight"
          aria-hidden="true"
          style={{
            left: `${(highlight.col / width) * 100}%`,
            top: `${(highlight.row / height) * 100}%`,
            width: `${((highlightSpan?.cols ?? 1) / width) * 100}%`,
            height: `${((highlightSpan?.rows ?? 1) / height) * 100}%`,
          }}
        />
      )}
      {probed && <MapProbe {...probed} height={height} width={width} text={probe!(probed.row, probed.col, valueAt(source, probed.row, probed.col))} />}
      {children}
    </div>
  );
}
