import { scaleLinear } from 'd3-scale';
import { useMemo, useRef } from 'react';
import { useWidth } from '../../../components/useWidth';

export interface KeptSeries {
  readonly name: string;
  readonly values: ArrayLike<number>;
  readonly className: string;
}

const H = 260, M = { top: 12, right: 16, bottom: 40, left: 48 };

/**
 * Fraction of variance kept against k, one line per series; the chosen k is marked.
 * d3 computes the scales; React draws the SVG at the width it is shown, so its labels keep
 * their size on a phone.
 */
export function KeptChart({ series, k, label, xLabel, yLabel, onPick }: { series: readonly KeptSeries[]; k: number; label: string; xLabel: string; yLabel: string; onPick: (k: number) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const W = Math.max(240, useWidth(box, 560));
  const n = series[0]?.values.length ?? 1;
  const x = useMemo(() => scaleLinear().domain([1, Math.max(2, n)]).range([M.left, W - M.right]), [n, W]);
  const y = useMemo(() => scaleLinear().domain([0, 1]).range([H - M.bottom, M.top]), []);
  const paths = useMemo(() => series.map((s) => {
    let d = '';
    for (let i = 0; i < s.values.length; i++) d += `${i ? 'L' : 'M'}${x(i + 1).toFixed(1)},${y(s.values[i]!).toFixed(1)}`;
    return d;
  }), [series, x, y]);
  return (
    <div ref={box} className="kept-chart-box">
    <svg className="kept-chart" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}
      onClick={(e) => {
        const box = e.currentTarget.getBoundingClientRect();
        const px = ((e.clientX - box.left) / box.width) * W;
        onPick(Math.max(1, Math.min(n, Math.round(x.invert(px)))));
      }}>
      {y.ticks(5).map((v) => (
        <g key={v}>
          <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} className="grid" />
          <text x={M.left - 6} y={y(v)} dy="0.32em" textAnchor="end">{Math.round(v * 100)}%</text>
        </g>
      ))}
      {x.ticks(W < 400 ? 4 : 6).map((v) => (
        <text key={v} x={x(v)} y={H - M.bottom + 16} textAnchor="middle">{v}</text>
      ))}
      <text x={(M.left + W - M.right) / 2} y={H - 4} textAnchor="middle" className="axis-label">{xLabel}</text>
      <text transform={`translate(12 ${(M.top + H - M.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="axis-label">{yLabel}</text>
      {series.map((s, i) => <path key={s.name} d={paths[i]} className={`line ${s.className}`} />)}
      <line x1={x(k)} x2={x(k)} y1={M.top} y2={H - M.bottom} className="marker" />
      {series.map((s) => <circle key={s.name} cx={x(k)} cy={y(s.values[k - 1] ?? 0)} r={4.5} className={`dot ${s.className}`} />)}
    </svg>
    </div>
  );
}
