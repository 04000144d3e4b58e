import { useEffect, useMemo, useRef, type MouseEvent } from 'react';
import { cellAt, cellOrigin, gridLayout, paintMap } from '../../components/CanvasHeatmap/drawHeatmap';
import type { ColorDomain, Lut } from '../../lib/colormap';
import { useT } from '../../components/useT';

/** Time one frame may spend painting thumbnails. */
const PAINT_BUDGET_MS = 8;

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
}

/** All Cout output maps in one canvas (not Cout DOM nodes); click a map to select it. */
export function OutputGrid({ output, height, width, outChannels, selected, domain, lut, onSelect }: OutputGridProps) {
  const t = useT();
  const ref = useRef<HTMLCanvasElement>(null);
  const imageRef = useRef<ImageData | null>(null);
  const layout = useMemo(() => gridLayout(outChannels, width, height, Math.max(1, Math.round(width / 14))), [outChannels, width, height]);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    // Painted a few maps at a time across frames (PAINT_BUDGET_MS each), so the main thread
    // never blocks for long; a newer output cancels the rest.
    let next = 0;
    let frame = 0;
    let target: ImageData | null = null;
    const paintSome = () => {
      const start = performance.now();
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
      const first = next;
      do {
        const { x, y } = cellOrigin(layout, next);
        paintMap(target.data, layout.width, x, y, { values: output, height, width, offset: next, stride: outChannels }, domain, lut);
        next++;
      } while (next < outChannels && performance.now() - start < PAINT_BUDGET_MS);
      // Put back only the grid rows this frame touched.
      const y0 = cellOrigin(layout, first).y;
      const y1 = cellOrigin(layout, next - 1).y + layout.cellHeight;
      ctx.putImageData(target, 0, 0, 0, y0, layout.width, y1 - y0);
      if (next < outChannels) frame = requestAnimationFrame(paintSome);
    };
    // Start in the next frame, not in the task that delivered the output.
    frame = requestAnimationFrame(paintSome);
    return () => cancelAnimationFrame(frame);
  }, [output, layout, outChannels, height, width, domain, lut]);

  const click = (e: MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const x = ((e.clientX - rect.left) / rect.width) * layout.width;
    const y = ((e.clientY - rect.top) / rect.height) * layout.height;
    const k = cellAt(layout, x, y, outChannels);
    if (k >= 0) onSelect(k);
  };
  const origin = cellOrigin(layout, selected);
  return (
    <div
      className="output-grid"
      role="img"
      aria-label={t('outputs.canvasLabel', { count: outChannels, height, width, k: selected })}
      style={{ aspectRatio: `${layout.width} / ${layout.height}` }}
    >
      <canvas ref={ref} width={layout.width} height={layout.height} onClick={click} className="pickable smooth" />
      <span
        className="grid-highlight"
        aria-hidden="true"
        style={{
          left: `${(origin.x / layout.width) * 100}%`,
          top: `${(origin.y / layout.height) * 100}%`,
          width: `${(width / layout.width) * 100}%`,
          height: `${(height / layout.height) * 100}%`,
        }}
      />
    </div>
  );
}
