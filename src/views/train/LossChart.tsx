import { useMemo } from 'react';
import { scaleLinear } from 'd3-scale';
import { formatValue } from '../../lib/format';
import { useTrainT } from './text/useTrainT';
import type { TrainRun } from './useTrainer';


const W = 560, H = 200, M = { top: 12, right: 44, bottom: 30, left: 48 };

/**
 * Loss (left axis) and accuracy (right axis) against the step, the re-trains one after another
 * (a dashed line where a stroke started a new one): the loss jumps when a stroke brings pixels
 * the layer gets wrong, then falls.
 */
export function LossChart({ runs }: { runs: readonly TrainRun[] }) {
  const t = useTrainT();
  const chart = useMemo(() => {
    const total = runs.reduce((n, r) => n + r.loss.length, 0);
    // Without a run the axis reads 0…1 rather than a meaningless tiny range.
    const maxLoss = runs.length ? Math.max(1e-9, ...runs.flatMap((r) => Array.from(r.loss))) : 1;
    const x = scaleLinear().domain([0, Math.max(1, total - 1)]).range([M.left, W - M.right]);
    const yl = scaleLinear().domain([0, maxLoss]).nice().range([H - M.bottom, M.top]);
    const ya = scaleLinear().domain([0, 1]).range([H - M.bottom, M.top]);
    let at = 0;
    const lossPath: string[] = [], accPath: string[] = [], starts: number[] = [], held: { x: number; y: number }[] = [];
    for (const r of runs) {
      starts.push(x(at));
      lossPath.push(Array.from(r.loss, (v, i) => `${i ? 'L' : 'M'}${x(at + i).toFixed(1)},${yl(v).toFixed(1)}`).join(''));
      accPath.push(Array.from(r.accuracy, (v, i) => `${i ? 'L' : 'M'}${x(at + i).toFixed(1)},${ya(v).toFixed(1)}`).join(''));
      if (Number.isFinite(r.heldOut)) held.push({ x: x(at + r.loss.length - 1), y: ya(r.heldOut) });
      at += r.loss.length;
    }
    return { x, yl, ya, lossPath, accPath, starts, held, total };
  }, [runs]);
  const last = runs[runs.length - 1];
  const summary = last
    ? t('chart.summary', { steps: last.loss.length - 1, loss: formatValue(last.loss[last.loss.length - 1]!), acc: pct(last.accuracy[last.accuracy.length - 1]!), held: Number.isFinite(last.heldOut) ? pct(last.heldOut) : '—' })
    : t('chart.empty');
  return (
    <figure className="loss-chart" data-testid="loss-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        {chart.yl.ticks(4).map((v) => (
          <g key={`l${v}`}>
            <line x1={M.left} x2={W - M.right} y1={chart.yl(v)} y2={chart.yl(v)} className="grid" />
            <text x={M.left - 6} y={chart.yl(v)} dy="0.32em" textAnchor="end">{formatValue(v)}</text>
          </g>
        ))}
        {[0, 0.5, 1].map((v) => (
          <text key={`a${v}`} x={W - M.right + 6} y={chart.ya(v)} dy="0.32em" className="acc-tick">{`${v * 100}%`}</text>
        ))}
        {chart.starts.slice(1).map((sx, i) => <line key={i} x1={sx} x2={sx} y1={M.top} y2={H - M.bottom} className="retrain" />)}
        {chart.lossPath.map((d, i) => <path key={`l${i}`} d={d} className="loss-line" />)}
        {chart.accPath.map((d, i) => <path key={`a${i}`} d={d} className="acc-line" />)}
        {chart.held.map((p, i) => <circle key={i} cx={p.x} cy={p.y} r={4} className="held-dot" />)}
        <text x={(M.left + W - M.right) / 2} y={H - 4} textAnchor="middle">{t('chart.x')}</text>
      </svg>
      <figcaption>
        <span className="key loss-key">{t('chart.loss')}</span> <span className="key acc-key">{t('chart.acc')}</span> <span className="key held-key">{t('chart.held')}</span>
        <span className="chart-summary" aria-live="polite" data-testid="train-summary">{summary}</span>
      </figcaption>
    </figure>
  );
}

export const pct = (v: number): string => `${(100 * v).toFixed(1)}%`;
