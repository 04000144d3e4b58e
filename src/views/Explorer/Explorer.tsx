import { lazy, Suspense, useMemo, useState } from 'react';
import { usePalette } from '../../components/usePalette';
import { useShallow } from 'zustand/react/shallow';
import { CanvasHeatmap } from '../../components/CanvasHeatmap/CanvasHeatmap';
import { Legend } from '../../components/Legend/Legend';
import { useFigureT } from '../shared/text/useFigureT';
import { formatInt, formatValue } from '../../lib/format';
import { useAppStore } from '../../store/useAppStore';
import { useSnapshot } from '../../store/useSnapshot';
import { selectCost, selectOutputValue, selectPixelOutputs } from '../../store/selectors';
import { SettingsLine } from '../shared/SettingsLine';
import { outputProbe } from '../shared/probes';
import type { Command } from '../shared/steps/keymap';
import { runStep } from '../shared/steps/runStep';
import { ShortcutHelp } from '../shared/steps/ShortcutHelp';
import { StepBar } from '../shared/steps/StepBar';
import { useStepKeys } from '../shared/steps/useStepKeys';
import { FilterFaces } from '../shared/photo/lazy';
import { FilterNote } from '../shared/photo/lazy';
import { OutputGrid } from './OutputGrid';
import { PixelOutputs } from './PixelOutputs';
import { StatusBar } from './StatusBar';
import { Predict } from '../predict/Predict';

const Exports = lazy(() => import('../data/Exports'));


/** The first page: the whole layer computed in the worker, its output maps and one pixel's outputs. */
export function Explorer() {
  const palette = usePalette();
  const t = useFigureT();
  const config = useAppStore((s) => s.config);
  const { output } = useSnapshot();
  const cursor = useAppStore((s) => s.cursor);
  const lang = useAppStore((s) => s.lang);
  const setCursor = useAppStore((s) => s.setCursor);
  const value = useAppStore(selectOutputValue);
  const cost = useAppStore(useShallow(selectCost));
  const controls = useAppStore((s) => s.presentation.controls);
  const status = useAppStore((s) => s.job.status);
  const table = palette.signed;
  const domain = useAppStore((s) => s.outputDomain);
  const { height, width, inChannels, outChannels } = config;
  const { row, col, filterIndex: k } = cursor;
  const channelSource = useMemo(
    () => (output ? { values: output, height, width, offset: k, stride: outChannels } : null),
    [output, height, width, k, outChannels],
  );
  const pixel = useMemo(() => (output ? selectPixelOutputs({ output, config, cursor: { row, col, filterIndex: 0 } }) : null), [output, config, row, col]);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [showHelp, setShowHelp] = useState(false);
  const run = (c: Command) => {
    if (c.kind === 'toggleHelp') setShowHelp((v) => !v);
    else if (c.kind === 'step') runStep('explorer', c.action);
  };
  useStepKeys('explorer', run);
  return (
    <main id="main" className={`explorer${settingsOpen ? ' settings-open' : ''}`}>
      {controls === 'full' && <SettingsLine open={settingsOpen} onToggle={setSettingsOpen} />}
      <div className="explorer-body">
        {status !== 'done' && <StatusBar />}
        {output && channelSource && pixel && (
          <div className="explorer-grid">
            <section className="panel viz explorer-picked" aria-labelledby="picked-heading">
              <h2 id="picked-heading">{t('picker.heading', { k })}</h2>
              <p className="readout" data-testid="output-value" aria-live="polite">
                {t('pixel.value', { row, col, k, value: formatValue(value ?? NaN) })}
              </p>
              <CanvasHeatmap
                className="picker"
                source={channelSource}
                domain={domain}
                lut={table}
                label={t('picker.canvasLabel', { k, height, width, row, col, value: formatValue(value ?? NaN) })}
                onPick={(r, c) => setCursor({ row: r, col: c })}
                highlight={{ row, col }}
                probe={outputProbe(k)}
              />
              <p className="caption">{t('picker.caption')}</p>
              {controls !== 'none' && <StepBar stage="explorer" onCommand={run} onHelp={() => setShowHelp(true)} />}
              {showHelp && <ShortcutHelp stage="explorer" onClose={() => setShowHelp(false)} />}
              <FilterFaces output={output} k={k} />
              <h2>{t('pixel.heading', { row, col, count: formatInt(outChannels, lang) })}</h2>
              <p className="caption">{t('pixel.caption', { cin: formatInt(inChannels, lang) })}</p>
              <Predict page="explorer" state={{ output, height, width, inChannels, outChannels, row, col, filterIndex: k, relu: config.useRelu }}>
              <PixelOutputs values={pixel} row={row} col={col} selected={k} domain={domain} lut={table}
                onSelect={(filterIndex) => setCursor({ filterIndex })} />
              </Predict>
            </section>
            <section className="panel">
              <h2>{t('outputs.heading', { count: formatInt(outChannels, lang) })}</h2>
              <p className="caption">{t('outputs.caption', { height, width })}</p>
              <OutputGrid output={output} height={height} width={width} outChannels={outChannels} selected={k}
                domain={domain} lut={table} onSelect={(filterIndex) => setCursor({ filterIndex })} cursor={{ row, col }} />
              <Legend domain={domain} lut={table} label={t('legend.label', { lo: formatValue(domain.lo), hi: formatValue(domain.hi) })} />
            </section>
          </div>
        )}
        <section className="panel explorer-notes">
          <p className="shape-summary">
            {t('shape.summary', { height, width, inChannels, outChannels, params: formatInt(cost.weights, lang) })}
          </p>
          {status === 'done' && <StatusBar />}
          <FilterNote />
        </section>
        {output && controls === 'full' && <Suspense fallback={null}><Exports /></Suspense>}
      </div>
    </main>
  );
}
