import { useMemo } from 'react';
import { usePalette } from '../../components/usePalette';
import { CanvasHeatmap } from '../../components/CanvasHeatmap/CanvasHeatmap';
import { Legend } from '../../components/Legend/Legend';
import { useFigureT } from '../shared/text/useFigureT';
import { formatInt, formatValue } from '../../lib/format';
import { useAppStore } from '../../store/useAppStore';
import { pixelIndex } from '../../store/stepping';
import { PixelOutputs } from '../Explorer/PixelOutputs';
import { cellValue, outputProbe } from '../shared/probes';
import { Predict } from '../predict/Predict';

/**
 * Scene 3: the cursor walks pixel by pixel and output channel k fills in position by
 * position; positions not computed yet stay empty.
 */
export function SceneNextPixel({ output }: { output: Float32Array }) {
  const palette = usePalette();
  const t = useFigureT();
  const { height, width, inChannels, outChannels } = useAppStore((s) => s.config);
  const cursor = useAppStore((s) => s.cursor);
  const setCursor = useAppStore((s) => s.setCursor);
  const { row, col, filterIndex: k } = cursor;
  const upTo = pixelIndex(cursor, width);
  const domain = useAppStore((s) => s.outputDomain);
  // Channel k so far: values up to the current pixel, NaN (drawn empty) after it.
  const partial = useMemo(() => {
    const m = new Float32Array(height * width).fill(NaN);
    for (let p = 0; p <= upTo; p++) m[p] = output[p * outChannels + k]!;
    return m;
  }, [output, height, width, outChannels, k, upTo]);
  const pixel = useMemo(() => output.subarray(upTo * outChannels, (upTo + 1) * outChannels), [output, upTo, outChannels]);
  const table = palette.signed;
  return (
    <div className="scene scene-next">
      <div className="scene-main">
        <p className="readout" data-testid="output-value">{t('pixel.value', { row, col, k, value: formatValue(output[upTo * outChannels + k]!) })}</p>
        <p className="caption">{t('next.caption', { done: formatInt(upTo + 1), total: formatInt(height * width) })}</p>
        <CanvasHeatmap
          className="filling"
          source={{ values: partial, height, width }}
          domain={domain}
          lut={table}
          label={t('next.mapLabel', { k, done: formatInt(upTo + 1), total: formatInt(height * width), row, col })}
          onPick={(r, c) => setCursor({ row: r, col: c })}
          highlight={{ row, col }}
          probe={outputProbe(k)}
          cellText={cellValue}
        />
        <Legend domain={domain} lut={table} label={t('legend.label', { lo: formatValue(domain.lo), hi: formatValue(domain.hi) })} />
      </div>
      <div>
        <Predict page="scene3" state={{ output, height, width, inChannels, outChannels, row, col, filterIndex: k }} />
        <PixelOutputs values={pixel} row={row} col={col} selected={k} domain={domain} lut={table} onSelect={(f) => setCursor({ filterIndex: f })} />
      </div>
    </div>
  );
}
