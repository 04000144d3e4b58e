import { useMemo } from 'react';
import { usePalette } from '../../components/usePalette';
import { CanvasHeatmap } from '../../components/CanvasHeatmap/CanvasHeatmap';
import { Legend } from '../../components/Legend/Legend';
import { VectorStrip } from '../../components/VectorStrip/VectorStrip';
import { useT } from '../../components/useT';
import { weightDomain } from '../../lib/colormap';
import { formatInt, formatValue } from '../../lib/format';
import type { CoutCinWeights } from '../../engine/tensor';
import { filterVector } from '../../engine/tensor';
import { useShallow } from 'zustand/react/shallow';
import { selectCost, selectSnapshot } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';
import { OutputGrid } from '../Explorer/OutputGrid';
import { FilterFaces } from '../shared/photo/lazy';
import { cellValue, outputProbe } from '../shared/probes';

/**
 * Scene 4: one output map enlarged beside its filter, with the cursor's pixel marked and its
 * value (what a step or Play moves), then every output map, and the whole layer in numbers.
 */
export function SceneAllPixels({ output, weights }: { output: Float32Array; weights: CoutCinWeights }) {
  const palette = usePalette();
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { height, width, inChannels, outChannels, useBias } = useAppStore((s) => s.config);
  const { row, col, filterIndex: k } = useAppStore((s) => s.cursor);
  const setCursor = useAppStore((s) => s.setCursor);
  const domain = useAppStore((s) => s.outputDomain);
  const learned = useAppStore((s) => selectSnapshot(s).data?.filterKind === 'learned');
  const wDomain = useMemo(() => weightDomain(weights.data, learned), [weights.data, learned]);
  const cost = useAppStore(useShallow(selectCost));
  const source = useMemo(() => ({ values: output, height, width, offset: k, stride: outChannels }), [output, height, width, k, outChannels]);
  const f = (n: number) => formatInt(n, lang);
  const table = palette.signed;
  const value = output[(row * width + col) * outChannels + k]!;
  return (
    <div className="scene scene-all">
      <div className="scene-main">
        <h3>{t('all.enlarged', { k })}</h3>
        <p className="readout" data-testid="output-value">{t('pixel.value', { row, col, k, value: formatValue(value) })}</p>
        <div className="enlarged">
          <CanvasHeatmap source={source} domain={domain} lut={table}
            label={t('picker.canvasLabel', { k, height, width, row, col, value: formatValue(value) })}
            onPick={(r, c) => setCursor({ row: r, col: c })} highlight={{ row, col }} probe={outputProbe(k)} cellText={cellValue} />
          <VectorStrip isVertical values={filterVector(weights, k)} domain={wDomain} lut={palette.weights} label={t('filters.stackLabel', { k, cin: inChannels })} />
        </div>
        <FilterFaces output={output} k={k} />
      </div>
      <div>
        <OutputGrid output={output} height={height} width={width} outChannels={outChannels} selected={k} domain={domain} lut={table}
          onSelect={(filterIndex) => setCursor({ filterIndex })} cursor={{ row, col }} />
        <Legend domain={domain} lut={table} label={t('legend.label', { lo: formatValue(domain.lo), hi: formatValue(domain.hi) })} />
        <table className="summary">
          <caption>{t('all.summary')}</caption>
          <tbody>
            <tr><th scope="row">{t('all.input')}</th><td>{height}×{width}×{f(inChannels)}</td></tr>
            <tr><th scope="row">{t('all.output')}</th><td>{height}×{width}×{f(outChannels)}</td></tr>
            <tr><th scope="row">{t('all.params')}</th><td>{f(inChannels)} × {f(outChannels)} = {f(cost.weights)}{useBias ? ` + ${f(cost.biases)}` : ''}</td></tr>
            <tr><th scope="row">{t('all.macs')}</th><td data-testid="macs">{f(height * width)} × {f(inChannels)} × {f(outChannels)} = {f(cost.multiplyAdds)}</td></tr>
            <tr><th scope="row">{t('all.matmul')}</th><td>({f(height * width)}×{f(inChannels)}) · ({f(inChannels)}×{f(outChannels)})</td></tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}
