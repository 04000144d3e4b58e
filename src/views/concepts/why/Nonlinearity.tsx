import { useMemo, useState } from 'react';
import { usePalette } from '../../../components/usePalette';
import { Legend } from '../../../components/Legend/Legend';
import { NumberField } from '../../../components/NumberField/NumberField';
import { symmetricDomain } from '../../../lib/colormap';
import { formatInt, formatValue } from '../../../lib/format';
import { MapRow } from '../MapRow';
import { useConceptT } from '../text/useConceptT';
import { request, useEngineResult } from '../../../session/useEngineResult';
import { Predict } from '../../predict/Predict';
import type { ReluStage } from '../../../session/types';

const SIZE = 24, CIN = 10, COUT = 20, SQUEEZE = 5, SHOWN = 3;

/** A layer's output before and after its ReLU, with the label it is shown under. */
type Stage = ReluStage & { readonly label: string };

/**
 * The two paths of the bottleneck run on a real input: one nonlinearity after the plain
 * 3×3, two on the 1×1 → 3×3 path, and what each ReLU removes.
 */
export function Nonlinearity() {
  const palette = usePalette();
  const t = useConceptT();
  const [seed, setSeed] = useState(1);
  const state = useEngineResult(`nl/${seed}`, async (signal) => {
    const r = await request('nonlinearity', { seed, size: SIZE, inChannels: CIN, squeezeChannels: SQUEEZE, outChannels: COUT }, signal);
    const [squeeze, spatial] = r.squeezed;
    const paths: Record<'direct' | 'squeezed', Stage[]> = {
      direct: [{ ...r.direct[0], label: t('convLayer', { k: 3, cin: CIN, cout: COUT }) }],
      squeezed: [
        { ...squeeze, label: t('convLayer', { k: 1, cin: CIN, cout: SQUEEZE }) },
        { ...spatial, label: t('convLayer', { k: 3, cin: SQUEEZE, cout: COUT }) },
      ],
    };
    return { collapse: r.collapse, ...paths };
  });
  const r = state.result;
  const domain = useMemo(() => {
    if (!r) return { lo: -1, hi: 1 };
    const m = Math.max(...[...r.direct, ...r.squeezed].map((s) => symmetricDomain(s.pre).hi));
    return { lo: -m, hi: m };
  }, [r]);
  const table = palette.signed;
  return (
    <section className="panel concept" aria-labelledby="nl-title" aria-busy={state.status === 'loading'}>
      <h2 id="nl-title">{t('nl.title')}</h2>
      <p className="caption">{t('nl.intro')}</p>
      <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label={t('settings')}>
        <NumberField label={t('seed')} value={seed} min={0} max={999999} problem={t('field.range')} onChange={setSeed} />
        <span className="muted">{t('nl.input', { h: SIZE, w: SIZE, c: CIN })}</span>
      </form>
      {state.status === 'error' && <p className="status-error" role="alert">{t('engineError', { message: state.message })}</p>}
      {r && (
        <>
          <Legend domain={domain} lut={table} label={t('legend.signed', { lo: domain.lo.toFixed(2), hi: domain.hi.toFixed(2) })} />
          <div className="paths">
            {([['direct', r.direct], ['squeezed', r.squeezed]] as const).map(([name, stages]) => (
              <div key={name} className="path" data-testid={`nl-${name}`}>
                <h3>{t(name === 'direct' ? 'bottleneck.direct' : 'bottleneck.squeezed')}</h3>
                <p className="pill">{t('nl.count', { n: stages.length })}</p>
                {stages.map((s, i) => (
                  <div key={i} className="stage">
                    <h4>{s.label} → ReLU</h4>
                    <MapRow domain={domain} lut={table} items={Array.from({ length: SHOWN }, (_, ch) => [
                      { caption: t('nl.before', { ch }), label: t('nl.mapLabel', { ch, when: t('nl.before', { ch }) }), values: s.pre, height: SIZE, width: SIZE, offset: ch, stride: s.channels },
                      { caption: t('nl.after', { ch }), label: t('nl.mapLabel', { ch, when: t('nl.after', { ch }) }), values: s.post, height: SIZE, width: SIZE, offset: ch, stride: s.channels },
                    ]).flat()} className="pairs" />
                    <p className="stage-note">{t('nl.zeroed', { n: formatInt(s.zeroed), total: formatInt(s.pre.length), pct: ((s.zeroed / s.pre.length) * 100).toFixed(1) })}</p>
                  </div>
                ))}
              </div>
            ))}
          </div>
          <Predict page="nonlinearity" state={{ inChannels: CIN, squeeze: SQUEEZE, outChannels: COUT, ...r.collapse, squeezedStages: r.squeezed.length }}>
          <div className="collapse" data-testid="nl-collapse">
            <h3>{t('nl.collapse.title')}</h3>
            <p>{t('nl.collapse.linear', {
              cin: CIN, b: SQUEEZE, cout: COUT, diff: formatValue(r.collapse.linearMaxDifference), scale: r.collapse.outputScale.toFixed(2), rank: r.collapse.mergedRank,
            })}</p>
            <p className="headline-figure">{t('nl.collapse.relu', {
              merged: (r.collapse.reluMergedError * 100).toFixed(1), best: (r.collapse.reluBestError * 100).toFixed(1), n: formatInt(r.collapse.windows),
            })}</p>
          </div>
          </Predict>
        </>
      )}
    </section>
  );
}
