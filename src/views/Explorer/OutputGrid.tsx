import { useEffect, useMemo, useRef, useState, type MouseEvent, type PointerEvent } from 'react';
import { cellAt, cellOrigin, mapGrid, paintShrunk } from '../../components/CanvasHeatmap/drawHeatmap';
import { paintInFrames } from '../../components/CanvasHeatmap/paintInFrames';
import type { ColorDomain, Lut } from '../../lib/colormap';
import { formatInt } from '../../lib/format';
import { useFigureT } from '../shared/text/useFigureT';
import { MapProbe } from '../../components/CanvasHeatmap/MapProbe';
import { outputProbe } from '../shared/probes';

/**
 * Widest grid canvas, in pixels. The grid is shown at most about this wide, and the browser
 * copies the whole canvas to the compositor on every frame it changes (≈ 13 ms for 1824² px
 * here, 50 ms on a busy machine): 1024 maps of 56×56 become 28×28 thumbnails (means of 2×2
 * blocks) in a 958 px canvas. The picked map is drawn at full size beside the grid.
 */
const MAX_GRID_PX = 1024;

/** How many times each map shrinks so that the grid fits MAX_GRID_PX. */
export function thumbnailFactor(count: number, width: number, height: number): number {
  const natural = mapGrid(count, width, height);
  return Math.max(1, Math.ceil(natural.width / MAX_GRID_PX), Math.ceil(natural.height / MAX_GRID_PX));
}

export interface OutputGridProps {
  /** H×W×Cout output, channels-last. */
  output: Float32Array;
  height: number;
  width: number;
  outChannels: number;
  selected: number;
  domain: ColorDomain;
  lut: Lut;
  onSelect: (k: number) => void;
  /** The picked pixel: with keyboard focus on the grid, the probe says the selected map's value there. */
  cursor?: { row: number; col: number } | undefined;
}

/** All Cout output maps in one canvas (not Cout DOM nodes); click a map to select it. */
export function OutputGrid({ output, height, width, outChannels, selected, domain, lut, onSelect, cursor }: OutputGridProps) {
  const t = useFigureT();
  const ref = useRef<HTMLCanvasElement>(null);
  const imageRef = useRef<ImageData | null>(null);
  const factor = thumbnailFactor(outChannels, width, height);
  const layout = useMemo(() => mapGrid(outChannels, Math.ceil(width / factor), Math.ceil(height / factor)), [outChannels, width, height, factor]);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    canvas.dataset.painted = 'false';
    // Painted a few maps at a time across frames, starting in the next frame (not in the task
    // that delivered the output), and shown when all are painted, so the main thread never
    // blocks; a newer output cancels the rest and the grid keeps the last complete picture.
    let next = 0;
    let target: ImageData | null = null;
    return paintInFrames((until) => {
      // One ImageData per grid size, made in the first frame (not in the task that mounted
      // the grid) and reused: a new map does not allocate 13 MB again.
      if (!target) {
        let image = imageRef.current;
        if (!image || image.width !== layout.width || image.height !== layout.height) {
          image = ctx.createImageData(layout.width, layout.height);
          imageRef.current = image;
        }
        target = image;
      }
      do {
        const { x, y } = cellOrigin(layout, next);
        paintShrunk(target.data, layout.width, x, y, { values: output, height, width, offset: next, stride: outChannels }, domain, lut, factor);
        next++;
      } while (next < outChannels && performance.now() < until);
      return next === outChannels;
    }, (complete) => {
      ctx.putImageData(target!, 0, 0);
      canvas.dataset.painted = String(complete);
    });
  }, [output, layout, outChannels, height, width, domain, lut, factor]);

  const [probe, setProbe] = useState<{ k: number; row: number; col: number; x: number; y: number } | null>(null);
  const [focused, setFocused] = useState(false);
  /** The map under the pointer, and the full-size cell of that map (thumbnails are shrunk). */
  const under = (e: MouseEvent<HTMLCanvasElement> | PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const x = ((e.clientX - rect.left) / rect.width) * layout.width;
    const y = ((e.clientY - rect.top) / rect.height) * layout.height;
    const k = cellAt(layout, x, y, outChannels);
    if (k < 0) return null;
    const o = cellOrigin(layout, k);
    const row = Math.min(height - 1, Math.floor((y - o.y) * factor)), col = Math.min(width - 1, Math.floor((x - o.x) * factor));
    return row >= 0 && col >= 0 ? { k, row, col, x, y } : null;
  };
  const click = (e: MouseEvent<HTMLCanvasElement>) => {
    const hit = under(e);
    if (hit) onSelect(hit.k);
  };
  const origin = cellOrigin(layout, selected);
  const at = cursor ?? { row: 0, col: 0 };
  const shown = probe ?? (focused ? { k: selected, ...at, x: origin.x + at.col / factor, y: origin.y + at.row / factor } : null);
  return (
    <div
      className="output-grid"
      role="img"
      aria-label={t('outputs.canvasLabel', { count: formatInt(outChannels), height, width, k: selected })}
      style={{ aspectRatio: `${layout.width} / ${layout.height}` }}
      tabIndex={0}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
    >
      <canvas ref={ref} width={layout.width} height={layout.height} onClick={click} className={factor > 1 ? 'pickable smooth' : 'pickable'}
        onPointerMove={(e) => {
          const hit = under(e);
          if (hit?.k !== probe?.k || hit?.row !== probe?.row || hit?.col !== probe?.col) setProbe(hit);
        }} onPointerLeave={() => setProbe(null)} />
      {shown && (
        <MapProbe row={Math.floor(shown.y)} col={Math.floor(shown.x)} height={layout.height} width={layout.width}
          text={outputProbe(shown.k)(shown.row, shown.col, output[(shown.row * width + shown.col) * outChannels + shown.k]!)} />
      )}
      <span
        className="grid-highlight"
        aria-hidden="true"
        style={{
          left: `${(origin.x / layout.width) * 100}%`,
          top: `${(origin.y / layout.height) * 100}%`,
          width: `${(layout.cellWidth / layout.width) * 100}%`,
          height: `${(layout.cellHeight / layout.height) * 100}%`,
        }}
      />
    </div>
  );
}
