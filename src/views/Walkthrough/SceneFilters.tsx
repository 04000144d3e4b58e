import { useMemo } from 'react';
import { usePalette } from '../../components/usePalette';
import { CanvasHeatmap } from '../../components/CanvasHeatmap/CanvasHeatmap';
import { VectorStrip } from '../../components/VectorStrip/VectorStrip';
import { useFigureT } from '../shared/text/useFigureT';
import { weightDomain } from '../../lib/colormap';
import { formatInt, formatValue } from '../../lib/format';
import { Legend } from '../../components/Legend/Legend';
import type { CoutCinWeights } from '../../engine/core/tensor';
import { filterVector } from '../../engine/core/tensor';
import { selectSnapshot } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';
import { FilterFaces } from '../shared/photo/lazy';
import { cellValue, weightProbe } from '../shared/probes';
import { NumberField } from '../../components/NumberField/NumberField';
import { useSceneT } from './sceneText';
import { Predict } from '../predict/Predict';

/** Scene 1: the Cout×Cin weight matrix, one filter picked and drawn as its 1×1×Cin stack. */
export function SceneFilters({ weights, output }: { weights: CoutCinWeights; output: Float32Array | null }) {
  const palette = usePalette();
  const t = useFigureT();
  const st = useSceneT();
  const lang = useAppStore((s) => s.lang);
  const k = useAppStore((s) => s.cursor.filterIndex);
  const setCursor = useAppStore((s) => s.setCursor);
  const setView = useAppStore((s) => s.setView);
  const { useBias, height, width } = useAppStore((s) => s.config);
  const { outChannels: cout, inChannels: cin } = weights;
  const learned = useAppStore((s) => selectSnapshot(s).data?.filterKind === 'learned');
  const domain = useMemo(() => weightDomain(weights.data, learned), [weights.data, learned]);
  // Each filter is drawn as one column: entry (i, k) of the picture is weight k·Cin + i.
  // Drawn Cin rows × Cout columns straight from the Cout×Cin weights (filter k is column k).
  const matrix = useMemo(() => ({ values: weights.data, height: cin, width: cout, stride: cin, rowStride: 1 }), [weights.data, cin, cout]);
  const filter = filterVector(weights, k);
  return (
    <div className="scene scene-filters">
      <div className="filters-main">
        <CanvasHeatmap
          className="weight-matrix"
          source={matrix}
          domain={domain}
          lut={palette.weights}
          label={t('filters.matrixLabel', { cout: formatInt(cout), cin: formatInt(cin), k })}
          onPick={(_r, c) => setCursor({ filterIndex: c })}
          highlight={{ row: 0, col: k }}
          highlightSpan={{ rows: cin, cols: 1 }}
          probe={weightProbe}
          cellText={cellValue}
        />
        {/* On a phone a column is a third of a pixel: the number (or ‹ ›) picks a filter there. */}
        <div className="filter-pick">
          <NumberField label={st('pick.filter')} value={k} min={0} max={cout - 1} onChange={(f) => setCursor({ filterIndex: f })}
            problem={st('pick.problem')} className="filter-number" />
          <span className="filter-range">{st('pick.range', { last: cout - 1 })}</span>
        </div>
        <p className="caption">{t('filters.matrixCaption', { cout: formatInt(cout, lang), cin: formatInt(cin, lang) })}</p>
        <Legend domain={domain} lut={palette.weights} label={t('legend.weights', { lo: formatValue(domain.lo), hi: formatValue(domain.hi) })} />
      </div>
      <div className="filter-stack">
        <VectorStrip isVertical values={filter} domain={domain} lut={palette.weights} label={t('filters.stackLabel', { k, cin })} />
        <div>
          <h3>{t('filters.one', { k, cin })}</h3>
          <Predict page="scene1" state={{ weights, height, width, filterIndex: k }}>
          <p>{t('filters.params', { cout: formatInt(cout, lang), cin: formatInt(cin, lang), params: formatInt(cout * cin, lang) })}</p>
          {useBias && <p>{t('filters.bias', { cout: formatInt(cout, lang), total: formatInt(cout * cin + cout, lang) })}</p>}
          </Predict>
          <p className="caption">{t('filters.layout', { cout, cin })}</p>
          <p className="caption"><a href="#view=train" onClick={(e) => { e.preventDefault(); setView('train'); }} data-testid="train-link">{t('filters.trainLink')}</a></p>
        </div>
      </div>
      {output && <FilterFaces output={output} k={k} />}
    </div>
  );
}
