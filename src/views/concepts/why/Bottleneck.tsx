import { useMemo, useState } from 'react';
import { NumberField } from '../../../components/NumberField/NumberField';
import { comparePaths, pathCost, type PathLayer } from '../../../engine/concepts/counts';
import { formatInt } from '../../../lib/format';
import { PresetSelect } from '../PresetSelect';
import { useConceptT } from '../text/useConceptT';
import { ScrollTable } from '../../../components/ScrollTable';
import { Predict } from '../../predict/Predict';

interface Settings {
  inChannels: number;
  outChannels: number;
  squeeze: number;
  kernel: number;
  expand: boolean;
  height: number;
  width: number;
}

const PRESETS = {
  reference: { inChannels: 10, outChannels: 20, squeeze: 5, kernel: 3, expand: false, height: 28, width: 28 },
  resnet: { inChannels: 256, outChannels: 256, squeeze: 64, kernel: 3, expand: true, height: 56, width: 56 },
} as const satisfies Record<string, Settings>;

/** The bottleneck calculator: a k×k convolution against 1×1 squeeze + k×k (+ 1×1 expand). */
export function Bottleneck() {
  const t = useConceptT();
  const [s, setS] = useState<Settings>(PRESETS.reference);
  const set = (patch: Partial<Settings>) => setS((prev) => ({ ...prev, ...patch }));
  const paths = useMemo(() => comparePaths(s), [s]);
  const direct = pathCost(paths.direct), squeezed = pathCost(paths.bottleneck);
  const ratio = squeezed.weights / direct.weights;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const problem = t('field.range');
  return (
    <section className="panel concept" aria-labelledby="bottleneck-title">
      <h2 id="bottleneck-title">{t('bottleneck.title')}</h2>
      <p className="caption">{t('bottleneck.intro')}</p>
      <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label={t('settings')}>
        <PresetSelect id="bottleneck-preset" label={t('preset')} presets={PRESETS} value={s} onPick={setS}
          optionLabel={(n) => t(`bottleneck.preset.${n}`)} customLabel={t('custom')} />
        <NumberField label="Cin" value={s.inChannels} min={1} max={4096} problem={problem} onChange={(v) => set({ inChannels: v })} />
        <NumberField label="Cout" value={s.outChannels} min={1} max={4096} problem={problem} onChange={(v) => set({ outChannels: v })} />
        <NumberField label={t('bottleneck.squeeze')} value={s.squeeze} min={1} max={4096} problem={problem} onChange={(v) => set({ squeeze: v })} />
        <NumberField label={t('kernel')} value={s.kernel} min={1} max={11} problem={problem} onChange={(v) => set({ kernel: v })} />
        <NumberField label="H" value={s.height} min={1} max={1024} problem={problem} onChange={(v) => set({ height: v })} />
        <NumberField label="W" value={s.width} min={1} max={1024} problem={problem} onChange={(v) => set({ width: v })} />
        <label className="check">
          <input type="checkbox" checked={s.expand} onChange={(e) => set({ expand: e.target.checked })} />
          {t('bottleneck.expand')}
        </label>
      </form>
      <Predict page="bottleneck" state={s}>
      <p className="headline-figure" data-testid="bottleneck-headline">
        {t('bottleneck.headline', {
          direct: formatInt(direct.weights),
          parts: paths.bottleneck.map((l) => formatInt(l.cost.weights)).join(' + '),
          total: formatInt(squeezed.weights),
          ratio: pct(ratio),
        })}
      </p>
      <div className="paths">
        <PathDiagram title={t('bottleneck.direct')} layers={paths.direct} height={s.height} width={s.width} share={1} />
        <PathDiagram title={t('bottleneck.squeezed')} layers={paths.bottleneck} height={s.height} width={s.width} share={Math.min(1, ratio)} />
      </div>
      <ScrollTable>
      <table className="data-table">
        <caption>{t('bottleneck.tableCaption', { h: s.height, w: s.width })}</caption>
        <thead>
          <tr><th scope="col">{t('path')}</th><th scope="col" className="num">{t('weights')}</th><th scope="col" className="num">{t('withBias')}</th><th scope="col" className="num">{t('macs')}</th></tr>
        </thead>
        <tbody>
          <tr><th scope="row">{t('bottleneck.direct')}</th><td className="num">{formatInt(direct.weights)}</td><td className="num">{formatInt(direct.weights + direct.biases)}</td><td className="num">{formatInt(direct.multiplyAdds)}</td></tr>
          <tr><th scope="row">{t('bottleneck.squeezed')}</th><td className="num">{formatInt(squeezed.weights)}</td><td className="num">{formatInt(squeezed.weights + squeezed.biases)}</td><td className="num">{formatInt(squeezed.multiplyAdds)}</td></tr>
          <tr><th scope="row">{t('ratio')}</th><td className="num">{pct(ratio)}</td><td className="num">{pct((squeezed.weights + squeezed.biases) / (direct.weights + direct.biases))}</td><td className="num">{pct(squeezed.multiplyAdds / direct.multiplyAdds)}</td></tr>
        </tbody>
      </table>
      </ScrollTable>
      <p className="caption">{t(ratio < 1 ? 'bottleneck.verdict.saves' : 'bottleneck.verdict.costs', { b: s.squeeze })}</p>
      <p className="caption" data-testid="bottleneck-flops">{t('fam.flops', { macs: formatInt(direct.multiplyAdds), flops: formatInt(2 * direct.multiplyAdds) })}</p>
      </Predict>
    </section>
  );
}

function PathDiagram({ title, layers, height, width, share }: { title: string; layers: readonly PathLayer[]; height: number; width: number; share: number }) {
  const t = useConceptT();
  return (
    <figure className="path">
      <figcaption><strong>{title}</strong></figcaption>
      <ol className="layer-chain">
        <li className="tensor">{height}×{width}×{layers[0]!.inChannels}</li>
        {layers.map((l, i) => (
          <li key={i} className={`layer k${l.kernel === 1 ? 1 : 'n'}`}>
            <span className="layer-name">{t('convLayer', { k: l.kernel, cin: l.inChannels, cout: l.outChannels })}</span>
            <span className="layer-formula">{l.kernel}·{l.kernel}·{l.inChannels}·{l.outChannels} = {formatInt(l.cost.weights)}</span>
          </li>
        ))}
        <li className="tensor">{height}×{width}×{layers[layers.length - 1]!.outChannels}</li>
      </ol>
      <div className="share-bar" aria-hidden="true"><span style={{ width: `${Math.max(0.5, share * 100)}%` }} /></div>
    </figure>
  );
}
