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

/** Scene 4: every output map, one enlarged beside its filter, and the whole layer in numbers. */
export function SceneAllPixels({ output, weights }: { output: Float32Array; weights: CoutCinWeights }) {
  const palette = usePalette();
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { height, width, inChannels, outChannels, useBias } = useAppStore((s) => s.config);
  const k = useAppStore((s) => s.cursor.filterIndex);
  const setCursor = useAppStore((s) => s.setCursor);
  const domain = useAppStore((s) => s.outputDomain);
  const learned = useAppStore((s) => selectSnapshot(s).data?.filterKind === 'learned');
  const wDomain = useMemo(() => weightDomain(weights.data, learned), [weights.data, learned]);
  const cost = useAppStore(useShallow(selectCost));
  const f = (n: number) => formatInt(n, lang);
  const table = palette.signed;
  return (
    <div className="scene scene-all">
      <div>
        <OutputGrid output={output} height={height} width={width} outChannels={outChannels} selected={k} domain={domain} lut={table}
          onSelect={(filterIndex) => setCursor({ filterIndex })} />
        <Legend domain={domain} lut={table} label={t('legend.label', { lo: formatValue(domain.lo), hi: formatValue(domain.hi) })} />
      </div>
      <div>
        <h3>{t('all.enlarged', { k })}</h3>
        <div className="enlarged">
          <CanvasHeatmap source={{ values: output, height, width, offset: k, stride: outChannels }} domain={domain} lut={table}
            label={t('picker.canvasLabel', { k, height, width, row: 0, col: 0, value: formatValue(output[k]!) })} />
          <VectorStrip isVertical values={filterVector(weights, k)} domain={wDomain} lut={palette.weights} label={t('filters.stackLabel', { k, cin: inChannels })} />
        </div>
        <FilterFaces output={output} k={k} />
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
