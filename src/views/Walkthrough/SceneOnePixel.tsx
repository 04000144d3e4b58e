import { useEffect, useMemo } from 'react';
import { usePalette } from '../../components/usePalette';
import { useFigureT } from '../shared/text/useFigureT';
import { symmetricDomain } from '../../lib/colormap';
import { formatInt } from '../../lib/format';
import type { LayerSnapshot } from '../../store/slices/results';
import { pixelOutputs } from '../../engine/kernels/pixelOutputs';
import { dotProductTrace } from '../../engine/concepts/trace';
import { appStore } from '../../store';
import { useAppStore } from '../../store/useAppStore';
import { useSnapshot } from '../../store/useSnapshot';
import { selectLayer } from '../../store/selectors';
import { PixelOutputs } from '../Explorer/PixelOutputs';
import { ChannelCards } from './ChannelCards';
import { DotProduct } from './DotProduct';
import { FilterFaces } from '../shared/photo/lazy';
import { InputOrigin, ModelOrigin } from '../shared/photo/lazy';
import { Predict } from '../predict/Predict';
import { useSettled } from '../../components/useSettled';

/**
 * Scene 2: one pixel's Cin values times one filter's Cin weights, summed channel by
 * channel; when the sum is complete, the pixel's Cout outputs (all filters) appear.
 * The numbers come from the engine on the main thread (one pixel is microseconds of work)
 * and equal the worker's full map at the same place.
 */
export function SceneOnePixel({ data }: { data: LayerSnapshot }) {
  const palette = usePalette();
  const t = useFigureT();
  const config = useAppStore((s) => s.config);
  const { row, col, filterIndex } = useAppStore((s) => s.cursor);
  const channel = useAppStore((s) => s.channel);
  const setChannel = useAppStore((s) => s.setChannel);
  const setCursor = useAppStore((s) => s.setCursor);
  const { output } = useSnapshot();
  const layer = useMemo(() => selectLayer({ data, config })!, [data, config]);
  const trace = useMemo(() => dotProductTrace(data.input, layer, row, col, filterIndex), [data, layer, row, col, filterIndex]);
  const complete = channel >= config.inChannels - 1;
  // The pixel's outputs for every filter: only once the sum is complete (not on the way there)
  // and every filter is there (`data.filters` says only some are, while the bank downloads).
  const outputs = useMemo(() => (complete && !data.filters ? pixelOutputs(data.input, layer, row, col) : null), [complete, data, layer, row, col]);
  const outDomain = useMemo(() => (outputs ? symmetricDomain(outputs) : null), [outputs]);
  const compact = useAppStore((s) => s.presentation.embed && s.presentation.controls !== 'full');
  // Once this data is on screen, the rest of the learned bank may take the network (session/layerSync).
  useEffect(() => {
    if (appStore.getState().shownData !== data) appStore.setState({ shownData: data });
  }, [data]);
  // A layer of the student's model: its picture, as the photos have theirs.
  const fromModel = useAppStore((s) => Boolean(s.userData?.provenance?.crop));
  // The questions and the input's origin (below the sum) come a frame after the first number.
  const settled = useSettled();
  return (
    <div className={`scene scene-pixel${complete ? ' complete' : ''}`}>
      <div className="pixel-side">
        <ChannelCards input={data.input} row={row} col={col} channel={channel} onPick={(r, c) => setCursor({ row: r, col: c })} isSparse={data.firstFilters !== undefined} summary={data.inputSummary} />
      </div>
      <DotProduct trace={trace} channel={Math.min(channel, config.inChannels - 1)} onChannel={setChannel} />
      {settled && <Predict page="scene2" state={{ trace, outChannels: config.outChannels }}>
      {outputs && outDomain && (
        <div className="all-filters">
          <h3>{t('pixel.heading', { row, col, count: formatInt(config.outChannels) })}</h3>
          <p className="caption">{t('pixel.caption', { cin: formatInt(config.inChannels) })}</p>
          <PixelOutputs values={outputs} row={row} col={col} selected={filterIndex} domain={outDomain} lut={palette.signed}
            onSelect={(k) => setCursor({ filterIndex: k })} />
          {output && <FilterFaces output={output} k={filterIndex} />}
        </div>
      )}
      </Predict>}
      {settled && data.firstFilters !== undefined && (
        // Open, except in a compact embed, where the picture and its steps come first.
        <details className="origin-details" open={!compact}>
          <summary>{t('pixel.originSummary', { cin: formatInt(config.inChannels) })}</summary>
          <InputOrigin row={row} col={col} channel={Math.min(channel, config.inChannels - 1)} />
        </details>
      )}
      {settled && data.firstFilters === undefined && fromModel && (
        <details className="origin-details" open={!compact}>
          <summary>{t('pixel.originSummary', { cin: formatInt(config.inChannels) })}</summary>
          <ModelOrigin row={row} col={col} />
        </details>
      )}
    </div>
  );
}
