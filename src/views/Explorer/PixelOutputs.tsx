import { useEffect, useMemo, useRef, type MouseEvent } from 'react';
import type { ColorDomain, Lut } from '../../lib/colormap';
import { LUT_SIZE } from '../../lib/colormap';
import { formatInt, formatValue } from '../../lib/format';
import { useFigureT } from '../shared/text/useFigureT';

export interface PixelOutputsProps {
  /** The pixel's Cout outputs. */
  values: Float32Array;
  row: number;
  col: number;
  selected: number;
  domain: ColorDomain;
  lut: Lut;
  onSelect: (k: number) => void;
}

const BAR_HEIGHT = 120;

/** A pixel's Cout outputs as one bar per filter (one canvas), with the largest listed as text. */
export function PixelOutputs({ values, row, col, selected, domain, lut, onSelect }: PixelOutputsProps) {
  const t = useFigureT();
  const ref = useRef<HTMLCanvasElement>(null);
  const n = values.length;
  const barWidth = n >= 256 ? 1 : Math.max(1, Math.floor(512 / n));
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const w = n * barWidth;
    ctx.clearRect(0, 0, w, BAR_HEIGHT);
    const mid = BAR_HEIGHT / 2;
    // Bars use this pixel's own range, colours the shared scale.
    let peak = 0;
    for (let k = 0; k < n; k++) peak = Math.max(peak, Math.abs(values[k]!));
    const scale = (mid - 2) / (peak || 1);
    for (let k = 0; k < n; k++) {
      const v = values[k]!;
      const i = Math.max(0, Math.min(LUT_SIZE - 1, Math.round(((v - domain.lo) / (domain.hi - domain.lo)) * (LUT_SIZE - 1)))) * 4;
      ctx.fillStyle = `rgb(${lut[i]}, ${lut[i + 1]}, ${lut[i + 2]})`;
      const h = Math.max(1, Math.abs(v) * scale);
      ctx.fillRect(k * barWidth, v >= 0 ? mid - h : mid, barWidth, h);
    }
    ctx.fillStyle = 'rgba(0,0,0,0.35)';
    ctx.fillRect(0, mid, w, 1);
  }, [values, n, barWidth, domain, lut]);

  const top = useMemo(() => {
    const idx = Array.from({ length: n }, (_, k) => k);
    idx.sort((a, b) => values[b]! - values[a]!);
    return idx.slice(0, 5);
  }, [values, n]);

  const click = (e: MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const k = Math.floor(((e.clientX - rect.left) / rect.width) * n);
    if (k >= 0 && k < n) onSelect(k);
  };
  return (
    <div className="pixel-outputs">
      <div className="bars" style={{ aspectRatio: `${n * barWidth} / ${BAR_HEIGHT}`, maxWidth: n < 64 ? `${Math.max(240, n * 28)}px` : undefined }}>
        <canvas ref={ref} width={n * barWidth} height={BAR_HEIGHT} onClick={click} className="pickable smooth"
          role="img" aria-label={t('pixel.canvasLabel', { count: formatInt(n), row, col })} />
        <span className="bar-highlight" aria-hidden="true" style={{ left: `${(selected / n) * 100}%`, width: `max(2px, ${100 / n}%)` }} />
      </div>
      <table className="top-table">
        <caption>{t('pixel.tableCaption')}</caption>
        <thead>
          <tr><th scope="col">{t('pixel.filter')}</th><th scope="col">{t('pixel.output')}</th></tr>
        </thead>
        <tbody>
          {top.map((k) => (
            <tr key={k} className={k === selected ? 'current' : undefined}>
              <td><button type="button" className="link" onClick={() => onSelect(k)}>k = {k}</button></td>
              <td className="num">{formatValue(values[k]!)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
