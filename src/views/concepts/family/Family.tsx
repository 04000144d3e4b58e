import { useMemo, useState } from 'react';
import { usePalette } from '../../../components/usePalette';
import { NumberField } from '../../../components/NumberField/NumberField';
import type { LayerKind } from '../../../engine/concepts/counts';
import { symmetricDomain } from '../../../lib/colormap';
import { formatInt, formatValue } from '../../../lib/format';
import { MapRow } from '../MapRow';
import { PresetSelect } from '../PresetSelect';
import { useConceptT } from '../text/useConceptT';
import { request, useEngineResult } from '../../../session/useEngineResult';
import { Connectivity } from './Connectivity';
import { familyProblem, familyRows, KINDS, type FamilySettings } from './familyRows';
import { ScrollTable } from '../../../components/ScrollTable';
import { Predict } from '../../predict/Predict';

const PRESETS = {
  reference: { inChannels: 256, outChannels: 128, groups: 2, kernel: 3, height: 56, width: 56 },
  small: { inChannels: 8, outChannels: 8, groups: 2, kernel: 3, height: 16, width: 16 },
} as const satisfies Record<string, FamilySettings>;
const SHOWN = 4, SEED = 5;

/** Output maps are drawn from a small input; the largest side that keeps a request under ~0.2 G multiply-adds. */
function demoSize(s: FamilySettings): number {
  for (const size of [16, 12, 8, 4]) if (size * size * s.kernel * s.kernel * s.inChannels * s.outChannels <= 2e8) return size;
  return 2;
}

/** Standard, grouped, depthwise, pointwise and separable side by side on the same input. */
export function Family() {
  const palette = usePalette();
  const t = useConceptT();
  const [s, setS] = useState<FamilySettings>(PRESETS.reference);
  const [kind, setKind] = useState<LayerKind>('grouped');
  const set = (patch: Partial<FamilySettings>) => setS((prev) => ({ ...prev, ...patch }));
  const problem = familyProblem(s);
  const rows = useMemo(() => familyRows(s), [s]);
  const standard = rows[0]!.cost;
  const size = demoSize(s);
  const key = `fam/${s.inChannels}/${s.outChannels}/${s.groups}/${s.kernel}/${size}`;
  const state = useEngineResult(problem ? `${key}/bad` : key, async (signal) => (problem ? null
    : request('family', { seed: SEED, size, inChannels: s.inChannels, outChannels: s.outChannels, groups: s.groups, kernel: s.kernel }, signal)));
  const maps = state.result;
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  const range = t('field.range');
  return (
    <section className="panel concept" aria-labelledby="fam-title" aria-busy={state.status === 'loading'}>
      <h2 id="fam-title">{t('fam.title')}</h2>
      <p className="caption">{t('fam.intro')}</p>
      <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label={t('settings')}>
        <PresetSelect id="fam-preset" label={t('preset')} presets={PRESETS} value={s} onPick={setS}
          optionLabel={(n) => t(`fam.preset.${n}`)} customLabel={t('custom')} />
        <NumberField label="Cin" value={s.inChannels} min={1} max={1024} problem={range} onChange={(v) => set({ inChannels: v })} />
        <NumberField label="Cout" value={s.outChannels} min={1} max={1024} problem={range} onChange={(v) => set({ outChannels: v })} />
        <NumberField label={t('fam.groups')} value={s.groups} min={1} max={1024} problem={range} onChange={(v) => set({ groups: v })} />
        <NumberField label={t('kernel')} value={s.kernel} min={1} max={7} problem={range} onChange={(v) => set({ kernel: v })} />
        <NumberField label="H" value={s.height} min={1} max={1024} problem={range} onChange={(v) => set({ height: v })} />
        <NumberField label="W" value={s.width} min={1} max={1024} problem={range} onChange={(v) => set({ width: v })} />
        <label className="field fam-size">
          <span>{t('fam.sizeSlider', { h: s.height, w: s.width })}</span>
          <input type="range" min={1} max={224} value={Math.min(224, s.height)} onChange={(e) => set({ height: Number(e.target.value), width: Number(e.target.value) })} />
        </label>
      </form>
      {problem && <p className="problem" role="alert">{t('fam.groupsProblem', { g: s.groups, cin: s.inChannels, cout: s.outChannels })}</p>}
      {!problem && (
        <>
          <Predict page="family" state={s}>
          <ScrollTable>
          <table className="data-table" data-testid="family-table">
            <caption>{t('fam.tableCaption', { h: s.height, w: s.width })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fam.kind')}</th><th scope="col">{t('fam.space')}</th><th scope="col">{t('fam.channels')}</th>
                <th scope="col">{t('fam.formula')}</th><th scope="col" className="num">{t('weights')}</th><th scope="col" className="num">{t('macs')}</th><th scope="col" className="num">{t('fam.vsStandard')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.kind} className={r.kind === kind ? 'current' : undefined}>
                  <th scope="row"><button type="button" className="link" aria-pressed={r.kind === kind} onClick={() => setKind(r.kind)}>{t(`fam.kind.${r.kind}`, { g: s.groups })}</button></th>
                  <td>{t(`fam.space.${r.kind}`)}</td>
                  <td>{t(`fam.mix.${r.kind}`)}</td>
                  <td className="formula">{r.formula}</td>
                  <td className="num">{formatInt(r.cost.weights)}</td>
                  <td className="num">{formatInt(r.cost.multiplyAdds)}</td>
                  <td className="num">{pct(r.cost.weights / standard.weights)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </ScrollTable>
          <p data-testid="fam-separable">{t('fam.separableRatio', {
            measured: pct(rows.find((r) => r.kind === 'separable')!.cost.weights / standard.weights), cout: s.outChannels, k2: s.kernel ** 2, formula: pct(1 / s.outChannels + 1 / s.kernel ** 2),
          })}</p>
          </Predict>
          <p className="caption" data-testid="fam-flops">{t('fam.flops', { macs: formatInt(standard.multiplyAdds), flops: formatInt(2 * standard.multiplyAdds) })}</p>
          <p className="caption">{t('fam.groupsNote', { cin: s.inChannels, cout: s.outChannels, g: s.groups, a: s.inChannels / s.groups, b: s.outChannels / s.groups })}</p>
          <div className="family-detail">
            <div>
              <h3>{t('fam.connectTitle', { kind: t(`fam.kind.${kind}`, { g: s.groups }) })}</h3>
              <Connectivity kind={kind} inChannels={s.inChannels} outChannels={s.outChannels} groups={s.groups}
                label={t('fam.linesLabel', { kind: t(`fam.kind.${kind}`, { g: s.groups }) })} matrixLabel={t('fam.matrixLabel')} />
              <p className="caption">{t('fam.connectCaption')}</p>
            </div>
            <div>
              <h3>{t('fam.mapsTitle', { size, c: s.inChannels })}</h3>
              {state.status === 'error' && <p className="status-error" role="alert">{t('engineError', { message: state.message })}</p>}
              {maps && (
                <>
                  <p className="caption">{t('fam.mapsScale')}</p>
                  {KINDS.map((kd) => {
                    const channels = kd === 'depthwise' ? s.inChannels : s.outChannels;
                    const domain = symmetricDomain(maps[kd]);
                    return (
                      <div key={kd} className={kd === kind ? 'current-maps' : undefined}>
                        <h4>{t(`fam.kind.${kd}`, { g: s.groups })} <span className="muted">{t('fam.scale', { hi: formatValue(domain.hi) })}</span></h4>
                        <MapRow domain={domain} lut={palette.signed} className="tiny" items={Array.from({ length: Math.min(SHOWN, channels) }, (_, ch) => ({
                          caption: t('fam.outCh', { ch }), label: t('fam.mapLabel', { kind: t(`fam.kind.${kd}`, { g: s.groups }), ch }),
                          values: maps[kd], height: size, width: size, offset: ch, stride: channels,
                        }))} />
                      </div>
                    );
                  })}
                </>
              )}
            </div>
          </div>
        </>
      )}
    </section>
  );
}
