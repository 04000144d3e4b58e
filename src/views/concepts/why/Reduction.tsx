import { useMemo, useState } from 'react';
import { usePalette } from '../../../components/usePalette';
import { Legend } from '../../../components/Legend/Legend';
import { NumberField } from '../../../components/NumberField/NumberField';
import { layerCost } from '../../../engine/counts';
import { syntheticActivations } from '../../../engine/activations';
import { mapCorrelation } from '../../../engine/combine';
import { heNormal, subSeed } from '../../../engine/random';
import { pointwiseConv } from '../../../engine/pointwise';
import { coutCinWeights } from '../../../engine/tensor';
import { positiveDomain } from '../../../lib/colormap';
import { loadLearnedBank } from '../../../lib/learnedBank';
import { loadPicture } from '../../../lib/loadPicture';
import { PHOTOS, photoUrl, type PhotoId } from '../../../lib/photos';
import { useAppStore } from '../../../store/useAppStore';
import { formatInt, formatValue } from '../../../lib/format';
import { MapRow } from '../MapRow';
import { useConceptT } from '../text/useConceptT';
import { request, useEngineResult } from '../useEngineResult';
import { KeptChart } from './KeptChart';
import { ScrollTable } from '../../../components/ScrollTable';

const SIZE = 56, CHANNELS = 250, FEATURES = 48;

type Source = PhotoId | 'synthetic';

/** Photos decoded at 4 × SIZE (the first layer's stride), kept for the page's life. */
const decoded = new Map<PhotoId, Promise<Uint8ClampedArray>>();
function photoPixels(id: PhotoId): Promise<Uint8ClampedArray> {
  let p = decoded.get(id);
  if (!p) {
    p = loadPicture(photoUrl(id), 4 * SIZE, 4 * SIZE);
    decoded.set(id, p);
    p.catch(() => decoded.delete(id));
  }
  return p;
}

/**
 * 250 channels → k with k 1×1 filters, honestly measured: the variance the best linear
 * reduction (PCA, computed in the worker) keeps, against random filters, as k goes from
 * 1 to 250; and the input rebuilt from k channels beside the original.
 */
export function Reduction() {
  const palette = usePalette();
  const t = useConceptT();
  const [k, setK] = useState(10);
  const [seed, setSeed] = useState(1);
  const [source, setSource] = useState<Source>('chelsea');
  const lang = useAppStore((s) => s.lang);
  const state = useEngineResult(`red/${source}/${seed}/${k}`, async (signal) => {
    const params = { height: SIZE, width: SIZE, channels: CHANNELS, features: FEATURES, seed, k, showChannels: [] };
    if (source === 'synthetic') return request('reduction', params, signal);
    // The photo's first 250 learned channels, made in the worker as in the walkthrough.
    const [rgba, bank] = await Promise.all([photoPixels(source), loadLearnedBank()]);
    return request('reduction', { ...params, photo: { rgba: rgba.slice(), width: 4 * SIZE, height: 4 * SIZE, key: source }, bank }, signal);
  });
  const photo = PHOTOS.find((p) => p.id === source);
  const r = state.result;
  const pct = (v: number | undefined) => `${((v ?? 0) * 100).toFixed(1)}%`;
  const domain = useMemo(() => (r ? positiveDomain(r.originals) : { lo: 0, hi: 1 }), [r]);
  const cost = layerCost({ kind: 'pointwise', inChannels: CHANNELS, outChannels: k, kernel: 1, outHeight: SIZE, outWidth: SIZE });
  // What the reduction saves downstream: the next layer (3×3, 64 filters) on k channels instead of 250.
  const next = (c: number) => layerCost({ kind: 'standard', inChannels: c, outChannels: 64, kernel: 3, outHeight: SIZE, outWidth: SIZE }).multiplyAdds;
  // On one channel a 1×1 filter has one weight: it only scales the map.
  const single = useMemo(() => singleChannel(seed), [seed]);
  const plane = SIZE * SIZE;
  const maps = (values: Float32Array, what: string) => (r?.shownChannels ?? []).map((ch, j) => ({
    caption: t('red.mapCaption', { ch, what }), label: t('red.mapCaption', { ch, what }), values, height: SIZE, width: SIZE, offset: j * plane,
  }));
  return (
    <section className="panel concept" aria-labelledby="red-title" aria-busy={state.status === 'loading'}>
      <h2 id="red-title">{t('red.title')}</h2>
      <p className="caption">{photo ? t('red.introPhoto', { h: SIZE, w: SIZE, c: CHANNELS, title: photo.title[lang] }) : t('red.intro', { h: SIZE, w: SIZE, c: CHANNELS, f: FEATURES })}</p>
      <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label={t('settings')}>
        <span className="field">
          <label htmlFor="red-source">{t('red.source')}</label>
          <select id="red-source" value={source} onChange={(e) => setSource(e.target.value as Source)}>
            {PHOTOS.map((p) => <option key={p.id} value={p.id}>{t('red.photoOption', { title: p.title[lang] })}</option>)}
            <option value="synthetic">{t('red.synthetic')}</option>
          </select>
        </span>
        <span className="field slider-field">
          <label htmlFor="red-k">{t('red.k')}</label>
          <input id="red-k" type="range" min={1} max={CHANNELS} value={k} onChange={(e) => setK(Number(e.target.value))} />
        </span>
        <NumberField label="k" value={k} min={1} max={CHANNELS} problem={t('field.range')} onChange={setK} />
        <NumberField label={t('seed')} value={seed} min={0} max={999999} problem={t('field.range')} onChange={setSeed} />
      </form>
      {state.status === 'error' && <p className="status-error" role="alert">{t('engineError', { message: state.message })}</p>}
      {state.status === 'loading' && !r && <p className="status" role="status">{t('computing')}</p>}
      {r && (
        <>
          <p className="headline-figure" data-testid="red-headline">
            {t('red.headline', { k, c: CHANNELS, pca: pct(r.pcaKept[k - 1]), err: pct(1 - r.pcaKept[k - 1]!), random: pct(r.randomKept[k - 1]) })}
          </p>
          <p className="caption">{t('red.cost', { k, weights: formatInt(cost.weights), macs: formatInt(cost.multiplyAdds), full: formatInt(CHANNELS * CHANNELS) })}</p>
          <p data-testid="red-downstream">{t('red.downstream', { k, c: CHANNELS, h: SIZE, w: SIZE, after: formatInt(next(k)), before: formatInt(next(CHANNELS)), ratio: (next(CHANNELS) / next(k)).toFixed(1) })}</p>
          <p data-testid="red-single">{t('red.single', { w: formatValue(single.weight), lo: formatValue(single.lo), hi: formatValue(single.hi), n: formatInt(single.count), r: single.correlation.toFixed(6) })}</p>
          <KeptChart k={k} onPick={setK}
            label={t('red.chartLabel', { k, pca: pct(r.pcaKept[k - 1]), random: pct(r.randomKept[k - 1]) })}
            xLabel={t('red.xLabel')} yLabel={t('red.yLabel')}
            series={[
              { name: t('red.pca'), values: r.pcaKept, className: 'pca' },
              { name: t('red.random'), values: r.randomKept, className: 'random' },
            ]} />
          <p className="chart-key"><span className="key pca">{t('red.pca')}</span> <span className="key random">{t('red.random')}</span></p>
          <ScrollTable>
          <table className="data-table compact">
            <caption>{t('red.tableCaption')}</caption>
            <thead><tr><th scope="col">k</th><th scope="col" className="num">{t('red.pca')}</th><th scope="col" className="num">{t('red.random')}</th></tr></thead>
            <tbody>
              {[1, 5, 10, 25, 50, 100, 250].filter((q) => q <= CHANNELS).map((q) => (
                <tr key={q} className={q === k ? 'current' : undefined}><th scope="row">{q}</th><td className="num">{pct(r.pcaKept[q - 1])}</td><td className="num">{pct(r.randomKept[q - 1])}</td></tr>
              ))}
            </tbody>
          </table>
          </ScrollTable>
          <h3>{t('red.mapsTitle', { k })}</h3>
          <Legend domain={domain} lut={palette.inputs} label={t('legend.range', { lo: formatValue(domain.lo), hi: formatValue(domain.hi) })} />
          <MapRow domain={domain} lut={palette.inputs} items={maps(r.originals, t('red.original'))} />
          <MapRow domain={domain} lut={palette.inputs} items={maps(r.pcaMaps, t('red.fromPca', { k }))} />
          <MapRow domain={domain} lut={palette.inputs} items={maps(r.randomMaps, t('red.fromRandom', { k }))} />
          <p className="caption">{t('red.lesson')}</p>
        </>
      )}
    </section>
  );
}

/**
 * A 1×1 convolution of one channel, computed: a seeded map and a seeded weight through the
 * engine's pointwise kernel, and every output divided by its input (the same number each time).
 */
function singleChannel(seed: number): { weight: number; lo: number; hi: number; count: number; correlation: number } {
  const input = syntheticActivations(SIZE, SIZE, 1, seed);
  const weights = heNormal(1, 1, subSeed(seed, 'single'));
  const out = pointwiseConv(input, { weights: coutCinWeights(1, 1, weights), relu: false }).data;
  let lo = Infinity, hi = -Infinity, count = 0;
  for (let p = 0; p < out.length; p++) {
    if (input.data[p] === 0) continue;
    const ratio = out[p]! / input.data[p]!;
    lo = Math.min(lo, ratio);
    hi = Math.max(hi, ratio);
    count++;
  }
  return { weight: weights[0]!, lo, hi, count, correlation: mapCorrelation(input.data, out) };
}
