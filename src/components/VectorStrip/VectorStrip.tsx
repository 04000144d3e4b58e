import { useEffect, useRef, type MouseEvent } from 'react';
import { paintMap } from '../CanvasHeatmap/drawHeatmap';
import type { ColorDomain, Lut } from '../../lib/colormap';

export interface VectorStripProps {
  values: ArrayLike<number>;
  domain: ColorDomain;
  lut: Lut;
  label: string;
  /** Cells after this index are drawn faded (not reached yet); undefined = none. */
  doneThrough?: number | undefined;
  /** Index marked with a cursor line. */
  marker?: number | undefined;
  /** Vertical strip (a 1×1×C stack) instead of horizontal. */
  isVertical?: boolean;
  onPick?: ((index: number) => void) | undefined;
  className?: string;
}

/** One value per cell, in one canvas at data resolution: a pixel vector, a filter, products. */
export function VectorStrip({ values, domain, lut, label, doneThrough, marker, isVertical = false, onPick, className }: VectorStripProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const n = values.length;
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(isVertical ? 1 : n, isVertical ? n : 1);
    paintMap(image.data, isVertical ? 1 : n, 0, 0, { values, height: isVertical ? n : 1, width: isVertical ? 1 : n }, domain, lut);
    if (doneThrough !== undefined) for (let i = doneThrough + 1; i < n; i++) image.data[i * 4 + 3] = 40;
    ctx.putImageData(image, 0, 0);
  }, [values, n, domain, lut, doneThrough, isVertical]);
  const pick = (e: MouseEvent<HTMLCanvasElement>) => {
    if (!onPick) return;
    const r = e.currentTarget.getBoundingClientRect();
    const f = isVertical ? (e.clientY - r.top) / r.height : (e.clientX - r.left) / r.width;
    onPick(Math.max(0, Math.min(n - 1, Math.floor(f * n))));
  };
  const pos = marker === undefined ? undefined : `${((marker + 0.5) / n) * 100}%`;
  return (
    <div className={`strip ${isVertical ? 'strip-v' : 'strip-h'} ${className ?? ''}`} role="img" aria-label={label}>
      <canvas ref={ref} width={isVertical ? 1 : n} height={isVertical ? n : 1} onClick={pick} className={onPick ? 'pickable' : undefined} />
      {pos && <span className="strip-marker" aria-hidden="true" style={isVertical ? { top: pos } : { left: pos }} />}
    </div>
  );
}
