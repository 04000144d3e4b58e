import { useId, useMemo, useState } from 'react';
import { layerCost } from '../../engine/concepts/counts';
import { usePalette } from '../../components/usePalette';
import { CanvasHeatmap } from '../../components/CanvasHeatmap/CanvasHeatmap';
import { Legend } from '../../components/Legend/Legend';
import { VectorStrip } from '../../components/VectorStrip/VectorStrip';
import { useFigureT } from '../shared/text/useFigureT';
import { weightDomain } from '../../lib/colormap';
import { formatInt, formatValue } from '../../lib/format';
import type { CoutCinWeights } from '../../engine/core/tensor';
import { filterVector } from '../../engine/core/tensor';
import { useShallow } from 'zustand/react/shallow';
import { selectCost, selectSnapshot } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';
import { OutputGrid } from '../Explorer/OutputGrid';
import { FilterFaces } from '../shared/photo/lazy';
import { cellValue, outputProbe } from '../shared/probes';
import { Predict } from '../predict/Predict';
import { useSettled } from '../../components/useSettled';

/**
 * Scene 4: one output map enlarged beside its filter, with the cursor's pixel marked and its
 * value (what a step or Play moves), then every output map, and the whole layer in numbers.
 */
export function SceneAllPixels({ output, weights }: { output: Float32Array; weights: CoutCinWeights }) {
  const palette = usePalette();
  const t = useFigureT();
  const lang = useAppStore((s) => s.lang);
  const { height, width, inChannels, outChannels, useBias } = useAppStore((s) => s.config);
  const { row, col, filterIndex: k } = useAppStore((s) => s.cursor);
  const setCursor = useAppStore((s) => s.setCursor);
  const domain = useAppStore((s) => s.outputDomain);
  const learned = useAppStore((s) => selectSnapshot(s).data?.filterKind === 'learned');
  const cost = useAppStore(useShallow(selectCost));
  const source = useMemo(() => ({ values: output, height, width, offset: k, stride: outChannels }), [output, height, width, k, outChannels]);
  const f = (n: number) => formatInt(n, lang);
  const table = palette.signed;
  const value = output[(row * width + col) * outChannels + k]!;
  const id = useId();
  // The maps first; the filter's strip, its photo faces, the questions and the counts one
  // frame later (a large layer's output arrives in one task: together they took 40 ms).
  const settled = useSettled();
  const wDomain = useMemo(() => (settled ? weightDomain(weights.data, learned) : null), [settled, weights.data, learned]);
  // Another map size for the counts: the weights stay, the multiply-adds follow H×W.
  const [side, setSide] = useState<number | null>(null);
  const s = side ?? height;
  const at = (kernel: 1 | 3, n: number) => layerCost({ kind: kernel === 1 ? 'pointwise' : 'standard', inChannels, outChannels, kernel, outHeight: n, outWidth: n === height ? width : n });
  const here = at(1, s), as3 = at(3, s);
  return (
    <div className="scene scene-all">
      <div className="scene-main">
        <h3>{t('all.enlarged', { k })}</h3>
        <p className="readout" data-testid="output-value">{t('pixel.value', { row, col, k, value: formatValue(value) })}</p>
        <div className="enlarged">
          <CanvasHeatmap source={source} domain={domain} lut={table}
            label={t('picker.canvasLabel', { k, height, width, row, col, value: formatValue(value) })}
            onPick={(r, c) => setCursor({ row: r, col: c })} highlight={{ row, col }} probe={outputProbe(k)} cellText={cellValue} />
          {wDomain ? <VectorStrip isVertical values={filterVector(weights, k)} domain={wDomain} lut={palette.weights} label={t('filters.stackLabel', { k, cin: inChannels })} />
            : <div className="strip strip-v" aria-hidden="true" />}
        </div>
        {settled && <FilterFaces output={output} k={k} />}
      </div>
      <div>
        <OutputGrid output={output} height={height} width={width} outChannels={outChannels} selected={k} domain={domain} lut={table}
          onSelect={(filterIndex) => setCursor({ filterIndex })} cursor={{ row, col }} />
        <Legend domain={domain} lut={table} label={t('legend.label', { lo: formatValue(domain.lo), hi: formatValue(domain.hi) })} />
        {settled && <Predict page="scene4" state={{ output, height, width, inChannels, outChannels, row, col, filterIndex: k }}>
        <table className="summary">
          <caption>{t('all.summary')}</caption>
          <tbody>
            <tr><th scope="row">{t('all.input')}</th><td>{height}×{width}×{inChannels}</td></tr>
            <tr><th scope="row">{t('all.output')}</th><td>{height}×{width}×{outChannels}</td></tr>
            <tr><th scope="row">{t('all.params')}</th><td>{f(inChannels)} × {f(outChannels)} = {f(cost.weights)}{useBias ? ` + ${f(cost.biases)}` : ''}</td></tr>
            <tr><th scope="row">{t('all.macs')}</th><td data-testid="macs">{f(height * width)} × {f(inChannels)} × {f(outChannels)} = {f(cost.multiplyAdds)}</td></tr>
            <tr><th scope="row">{t('all.flops')}</th><td data-testid="flops">≈ 2 × {f(cost.multiplyAdds)} = {f(2 * cost.multiplyAdds)}</td></tr>
            <tr><th scope="row">{t('all.matmul')}</th><td>({height * width}×{inChannels}) · ({inChannels}×{outChannels})</td></tr>
          </tbody>
        </table>
        <p className="caption">{t('all.flopsNote')}</p>
        <div className="what-if" data-testid="what-if">
          <label htmlFor={`${id}-side`}>{t('all.sideLabel', { side: s, w: s === height ? width : s })}</label>
          <input id={`${id}-side`} type="range" min={1} max={224} value={s} onChange={(e) => setSide(Number(e.target.value))} />
          <table className="summary">
            <caption>{t('all.whatIf', { h: s, w: s === height ? width : s })}</caption>
            <thead><tr><th scope="col" /><th scope="col">{t('all.params')}</th><th scope="col">{t('all.macs')}</th></tr></thead>
            <tbody>
              <tr><th scope="row">{t('all.as1x1')}</th><td>{f(here.weights)}</td><td>{f(here.multiplyAdds)}</td></tr>
              <tr><th scope="row">{t('all.as3x3')}</th><td>{f(as3.weights)}</td><td>{f(as3.multiplyAdds)} ({(as3.multiplyAdds / here.multiplyAdds).toFixed(0)}×)</td></tr>
            </tbody>
          </table>
          <p className="caption">{t('all.whatIfNote')}</p>
        </div>
        </Predict>}
      </div>
    </div>
  );
}
