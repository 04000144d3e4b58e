import { useMemo, useState } from 'react';
import { CanvasHeatmap } from '../../../components/CanvasHeatmap/CanvasHeatmap';
import { Legend } from '../../../components/Legend/Legend';
import { usePalette } from '../../../components/usePalette';
import { useFigureT } from '../../shared/text/useFigureT';
import { mapCorrelation, partialMap, termMap, type MapCombination, type TermOrder } from '../../../engine/concepts/combine';
import type { PointwiseLayer } from '../../../engine/core/tensor';
import { request, useEngineResult } from '../../../session/useEngineResult';
import { channelMap } from '../../../engine/core/tensor';
import { positiveDomain, symmetricDomain } from '../../../lib/colormap';
import { formatInt, formatValue } from '../../../lib/format';
import type { LayerSnapshot } from '../../../store/slices/results';
import { selectLayer } from '../../../store/selectors';
import { useAppStore } from '../../../store/useAppStore';
import { RunningSum } from '../RunningSum';
import { useCombineT } from './text';
import { Predict } from '../../predict/Predict';

/** "17.3%": a share written the way both languages write it. */
const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

/**
 * Scene 5, the dual of scene 2: output map k = b_k + Σᵢ w(k, i) · xᵢ, whole maps added one
 * term at a time (largest first, or in channel order). The large map is the sum so far; beside
 * it the term just added (input map × weight), the error curve against the number of terms, and
 * the whole map. The combination (the order, the whole map, the error after each term) is
 * three passes over the input, 4.8 M multiply-adds for the classic layer: the worker makes it,
 * once per filter; each step's partial map is computed here (at most one pass).
 */
export default function SceneCombine({ data }: { data: LayerSnapshot }) {
  const ui = useFigureT();
  const config = useAppStore((s) => s.config);
  const k = useAppStore((s) => s.cursor.filterIndex);
  const [order, setOrder] = useState<TermOrder>('contribution');
  const { height, width, inChannels: cin } = config;
  const layer = useMemo(() => selectLayer({ data, config })!, [data, config]);
  // The combination is three passes over the whole input: the worker makes it (a long task here).
  const bias = layer.bias?.[k] ?? 0;
  const state = useEngineResult(`${objectId(data.input)}/${objectId(data.weights)}/${k}/${bias}/${order}`, (signal) => request('combine', {
    height, width, channels: cin, input: data.input.data.slice(), weights: layer.weights.data.slice(k * cin, (k + 1) * cin), bias, order,
  }, signal));
  const result = state.status === 'done' ? state.result : null;
  const combination = useMemo<MapCombination | null>(() => (result ? { ...result, filterIndex: k } : null), [result, k]);
  if (state.status === 'error') return <p className="status-error" role="alert">{ui('status.error', { message: state.message })}</p>;
  if (!combination) return <p className="status" role="status">{ui('nav.loading')}</p>;
  return <Combination data={data} layer={layer} combination={combination} order={order} onOrder={setOrder} />;
}

/** A number for each object (a layer's input, its weights), so new data asks the worker again. */
const ids = new WeakMap<object, number>();
let lastId = 0;
function objectId(o: object): number {
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = ++lastId));
  return id;
}

function Combination({ data, layer, combination, order, onOrder }: {
  data: LayerSnapshot; layer: PointwiseLayer; combination: MapCombination; order: TermOrder; onOrder: (order: TermOrder) => void;
}) {
  const t = useCombineT();
  const ui = useFigureT();
  const palette = usePalette();
  const config = useAppStore((s) => s.config);
  const k = combination.filterIndex;
  const channel = useAppStore((s) => s.channel);
  const { height, width, inChannels: cin } = config;
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
        <Predict page="scene5" state={{ input: data.input, weights: layer.weights, combination }}>
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
        </Predict>
        <label className="field">
          <span>{t('combine.order')}</span>
          <select value={order} onChange={(e) => onOrder(e.target.value as TermOrder)}>
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
