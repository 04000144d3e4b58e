import { useMemo, useState } from 'react';
import { CanvasHeatmap } from '../../../components/CanvasHeatmap/CanvasHeatmap';
import { Legend } from '../../../components/Legend/Legend';
import { usePalette } from '../../../components/usePalette';
import { useT } from '../../../components/useT';
import { combineMaps, mapCorrelation, partialMap, termMap, type TermOrder } from '../../../engine/combine';
import { channelMap } from '../../../engine/tensor';
import { positiveDomain, symmetricDomain } from '../../../lib/colormap';
import { formatInt, formatValue } from '../../../lib/format';
import type { LayerSnapshot } from '../../../store/slices/results';
import { selectLayer } from '../../../store/selectors';
import { useAppStore } from '../../../store/useAppStore';
import { RunningSum } from '../RunningSum';
import { useCombineT } from './text';

/** "17.3%": a share written the way both languages write it. */
const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

/**
 * Scene 5, the dual of scene 2: output map k = b_k + Σᵢ w(k, i) · xᵢ, whole maps added one
 * term at a time (largest first, or in channel order). The large map is the sum so far; beside
 * it the term just added (input map × weight), the error curve against the number of terms, and
 * the whole map. Computed by the engine on the main thread: a filter's terms are one pass over
 * the input (1.6 M multiply-adds for the classic layer, a few milliseconds).
 */
export default function SceneCombine({ data }: { data: LayerSnapshot }) {
  const t = useCombineT();
  const ui = useT();
  const palette = usePalette();
  const config = useAppStore((s) => s.config);
  const k = useAppStore((s) => s.cursor.filterIndex);
  const channel = useAppStore((s) => s.channel);
  const [order, setOrder] = useState<TermOrder>('contribution');
  const { height, width, inChannels: cin } = config;
  const layer = useMemo(() => selectLayer({ data, config })!, [data, config]);
  const combination = useMemo(() => combineMaps(data.input, layer, k, order), [data, layer, k, order]);
  const n = Math.min(channel, cin - 1) + 1;
  const partial = useMemo(() => partialMap(data.input, layer, combination, n), [data, layer, combination, n]);
  const i = combination.order[n - 1]!;
  const w = layer.weights.data[k * cin + i]!;
  const input = useMemo(() => channelMap(data.input, i), [data, i]);
  const term = useMemo(() => termMap(data.input, layer, k, i), [data, layer, k, i]);
  const domain = useMemo(() => symmetricDomain(combination.final), [combination]);
  const inDomain = useMemo(() => positiveDomain(input), [input]);
  // One term is small beside the whole sum: it gets a colour scale of its own, so its pattern shows.
  const termDomain = useMemo(() => symmetricDomain(term), [term]);
  const error = combination.relativeError[n]!;
  const r = mapCorrelation(partial, combination.final);
  const reach = (level: number) => combination.relativeError.findIndex((e) => e <= level);
  const probe = (row: number, col: number, v: number) => `Σ(${row}, ${col}) = ${formatValue(v)}`;
  return (
    <div className="scene scene-combine">
      <div className="scene-main">
        <p className="readout" data-testid="combine-readout">{t('combine.readout', { n: formatInt(n), cin: formatInt(cin), error: percent(error), r: formatValue(r) })}</p>
        <CanvasHeatmap source={{ values: partial, height, width }} domain={domain} lut={palette.signed}
          label={t('combine.mapLabel', { k, n: formatInt(n), cin: formatInt(cin) })} probe={probe} cellText={formatValue} />
        <Legend domain={domain} lut={palette.signed} label={ui('legend.label', { lo: formatValue(domain.lo), hi: formatValue(domain.hi) })} />
      </div>
      <div className="combine-side">
        <h3 data-testid="combine-term">{t('combine.term', { n, i, k, w: formatValue(w) })}</h3>
        <div className="combine-term">
          <figure>
            <CanvasHeatmap source={{ values: input, height, width }} domain={inDomain} lut={palette.inputs}
              label={t('combine.inputMap', { i })} probe={(row, col, v) => `x(${row}, ${col}, ${i}) = ${formatValue(v)}`} />
            <figcaption className="input-ink">{t('combine.inputMap', { i })}</figcaption>
          </figure>
          <span className="op" aria-hidden="true">× {formatValue(w)} =</span>
          <figure>
            <CanvasHeatmap source={{ values: term, height, width }} domain={termDomain} lut={palette.signed}
              label={t('combine.termLabel', { i, w: formatValue(w) })} probe={(row, col, v) => `w·x(${row}, ${col}) = ${formatValue(v)}`} />
            <figcaption className="output-ink">{t('combine.termMap')}</figcaption>
          </figure>
        </div>
        <RunningSum height={120} partialSums={combination.relativeError} channel={n} label={t('combine.errorLabel', { n, error: percent(error) })} />
        <p className="caption">{t('combine.errorCaption', { cin: formatInt(cin) })}</p>
        <p data-testid="combine-milestones">{t('combine.milestones', { half: formatInt(reach(0.5)), tenth: formatInt(reach(0.1)), cin: formatInt(cin) })}</p>
        <label className="field">
          <span>{t('combine.order')}</span>
          <select value={order} onChange={(e) => setOrder(e.target.value as TermOrder)}>
            <option value="contribution">{t('combine.order.contribution')}</option>
            <option value="index">{t('combine.order.index')}</option>
          </select>
        </label>
        <figure className="combine-final">
          <CanvasHeatmap source={{ values: combination.final, height, width }} domain={domain} lut={palette.signed}
            label={t(config.useRelu ? 'combine.finalRelu' : 'combine.final', { cin: formatInt(cin), k })} probe={probe} />
          <figcaption>{t(config.useRelu ? 'combine.finalRelu' : 'combine.final', { cin: formatInt(cin), k })}</figcaption>
        </figure>
      </div>
    </div>
  );
}
