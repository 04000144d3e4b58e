import { useMemo } from 'react';
import { usePalette } from '../../components/usePalette';
import { VectorStrip } from '../../components/VectorStrip/VectorStrip';
import { useFigureT } from '../shared/text/useFigureT';
import { positiveDomain, symmetricDomain } from '../../lib/colormap';
import { formatInt, formatValue } from '../../lib/format';
import type { DotProductTrace } from '../../engine/concepts/trace';
import { RunningSum } from './RunningSum';

export interface DotProductProps {
  trace: DotProductTrace;
  channel: number;
  onChannel: (channel: number) => void;
}

/** Rows of the term table shown around the current channel (all of them when Cin is small). */
const WINDOW = 5;

/** Pixel vector × filter → products → running sum, with a scrubbable channel index. */
export function DotProduct({ trace, channel, onChannel }: DotProductProps) {
  const palette = usePalette();
  const t = useFigureT();
  const n = trace.inputs.length;
  const inDomain = useMemo(() => positiveDomain(trace.inputs), [trace.inputs]);
  const wDomain = useMemo(() => symmetricDomain(trace.weights), [trace.weights]);
  const pDomain = useMemo(() => symmetricDomain(trace.products), [trace.products]);
  const first = n <= 8 ? 0 : Math.max(0, Math.min(n - WINDOW, channel - Math.floor(WINDOW / 2)));
  const rows = Array.from({ length: Math.min(n, n <= 8 ? n : WINDOW) }, (_, i) => first + i);
  const partial = trace.partialSums[channel] ?? 0;
  const complete = channel === n - 1;
  return (
    <div className="dot-product">
      <div className="strip-row"><span className="strip-name input-ink">{t('dot.inputs', { row: trace.row, col: trace.col })}</span>
        <VectorStrip values={trace.inputs} domain={inDomain} lut={palette.inputs} marker={channel} onPick={onChannel}
          label={t('dot.inputsLabel', { count: formatInt(n) })} /></div>
      <div className="strip-row"><span className="strip-name weight-ink">{t('dot.weights', { k: trace.filterIndex })}</span>
        <VectorStrip values={trace.weights} domain={wDomain} lut={palette.weights} marker={channel} onPick={onChannel}
          label={t('dot.weightsLabel', { count: formatInt(n), k: trace.filterIndex })} /></div>
      <div className="strip-row"><span className="strip-name output-ink">{t('dot.products')}</span>
        <VectorStrip values={trace.products} domain={pDomain} lut={palette.signed} marker={channel} doneThrough={channel} onPick={onChannel}
          label={t('dot.productsLabel', { count: formatInt(n) })} /></div>
      <p className="sum-readout" data-testid="partial-sum">
        {complete
          ? t('dot.result', { row: trace.row, col: trace.col, k: trace.filterIndex, sum: formatValue(partial), bias: formatValue(trace.bias), value: formatValue(trace.value) })
          : t('dot.partial', { channel, value: formatValue(partial) })}
      </p>
      <div className="dot-detail">
        <table className="terms">
          <caption>{t('dot.termsCaption')}</caption>
          <thead><tr><th scope="col">i</th><th scope="col">x<sub>i</sub></th><th scope="col">w<sub>i</sub></th><th scope="col">x<sub>i</sub>·w<sub>i</sub></th><th scope="col">Σ</th></tr></thead>
          <tbody>
            {rows.map((i) => (
              <tr key={i} className={`${i === channel ? 'current' : i > channel ? 'future' : ''}${Math.abs(i - channel) > 1 ? ' far' : ''}`}>
                <td>{i}</td><td>{formatValue(trace.inputs[i]!)}</td><td>{formatValue(trace.weights[i]!)}</td>
                <td>{formatValue(trace.products[i]!)}</td><td>{i <= channel ? formatValue(trace.partialSums[i]!) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <RunningSum partialSums={trace.partialSums} channel={channel} label={t('dot.sumLabel', { channel, value: formatValue(partial) })} />
      </div>
      <label className="scrub">
        <span>{t('dot.channel', { channel, last: n - 1 })}</span>
        <input type="range" min={0} max={n - 1} value={channel} onChange={(e) => onChannel(Number(e.target.value))} />
      </label>
    </div>
  );
}
