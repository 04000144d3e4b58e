import { useMemo, useRef } from 'react';
import { linearScale } from '../../lib/linearScale';
import { useRootEm, useWidth } from '../../components/useWidth';

export interface RunningSumProps {
  /** partialSums[i] = Σ products[0…i]. */
  partialSums: Float64Array;
  /** The sum so far ends at this channel. */
  channel: number;
  label: string;
  /** The chart's height at a 16 px root font (150 unless given). */
  height?: number | undefined;
}

/** Sizes at a 16 px root font; lecture mode's larger type scales the chart with it. */
const BASE = { h: 150, l: 52, r: 10, t: 10, b: 22 };

/**
 * The running sum of the dot product, channel by channel: d3 scales, SVG drawn by React at
 * the width it is shown (so its 12 px labels are 12 px on a phone too).
 */
export function RunningSum({ partialSums, channel, label, height = BASE.h }: RunningSumProps) {
  const box = useRef<HTMLDivElement>(null);
  const W = Math.max(200, useWidth(box, 600));
  const em = useRootEm();
  const H = Math.round(height * em);
  const n = partialSums.length;
  const { x, y, ticks, tickLabel, full, done, PAD } = useMemo(() => {
    const PAD = { l: BASE.l * em, r: BASE.r * em, t: BASE.t * em, b: BASE.b * em };
    let lo = 0, hi = 0;
    for (const v of partialSums) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    const x = linearScale([0, Math.max(1, n - 1)], [PAD.l, W - PAD.r]);
    const y = linearScale([lo, hi === lo ? lo + 1 : hi], [H - PAD.b, PAD.t], { nice: 10 });
    const path = (end: number) => {
      let d = '';
      for (let i = 0; i <= end; i++) d += `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(partialSums[i]!).toFixed(1)}`;
      return d;
    };
    return { x, y, ticks: y.ticks(4), tickLabel: y.tickFormat(4), full: path(n - 1), done: (end: number) => path(end), PAD };
  }, [partialSums, n, W, H, em]);
  const cx = x(channel), cy = y(partialSums[channel] ?? 0);
  return (
    <div ref={box} className="running-sum-box">
      <svg className="running-sum" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.l} x2={W - PAD.r} y1={y(t)} y2={y(t)} className={t === 0 ? 'axis-zero' : 'grid'} />
            <text x={PAD.l - 6} y={y(t)} dy="0.32em" textAnchor="end">{tickLabel(t)}</text>
          </g>
        ))}
        <text x={PAD.l} y={H - 5 * em}>0</text>
        <text x={W - PAD.r} y={H - 5 * em} textAnchor="end">{n - 1}</text>
        <path d={full} className="sum-future" />
        <path d={done(channel)} className="sum-done" />
        <circle cx={cx} cy={cy} r={5} className="sum-dot" data-testid="sum-dot" />
      </svg>
    </div>
  );
}
