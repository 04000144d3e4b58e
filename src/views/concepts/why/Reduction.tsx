import { useMemo, useState } from 'react';
import { usePalette } from '../../../components/usePalette';
import { Legend } from '../../../components/Legend/Legend';
import { NumberField } from '../../../components/NumberField/NumberField';
import { layerCost } from '../../../engine/concepts/counts';
import { syntheticActivations } from '../../../engine/data/activations';
import { mapCorrelation } from '../../../engine/concepts/combine';
import { heNormal, subSeed } from '../../../engine/core/random';
import { pointwiseConv } from '../../../engine/kernels/pointwise';
import { coutCinWeights, type CoutCinWeights, type HwcTensor } from '../../../engine/core/tensor';
import { positiveDomain } from '../../../lib/colormap';
import { loadFirstLayer } from '../../../lib/learnedBank';
import { loadPicture } from '../../../lib/loadPicture';
import { PHOTOS, photoUrl, type PhotoId } from '../../../lib/photos';
import { useAppStore } from '../../../store/useAppStore';
import { formatInt, formatValue } from '../../../lib/format';
import { MapRow } from '../MapRow';
import { useConceptT } from '../text/useConceptT';
import { request, useEngineResult } from '../../../session/useEngineResult';
import { KeptChart } from './KeptChart';
import { ScrollTable } from '../../../components/ScrollTable';
import { Predict } from '../../predict/Predict';

const SIZE = 56, CHANNELS = 250, FEATURES = 48;

type Source = PhotoId | 'synthetic' | 'layer';
/** The reduction analysis takes at most this many channels (its eigen-decomposition is Cin³). */
const MAX_LAYER_CHANNELS = 512;

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
  const [kWanted, setK] = useState(10);
  const [seed, setSeed] = useState(1);
  const [source, setSource] = useState<Source>('chelsea');
  const lang = useAppStore((s) => s.lang);
  const user = useAppStore((s) => s.userData);
  // The app's own layer (a model's, or .npy files) when one is loaded; else the page's data.
  const layer = source === 'layer' && user?.input ? user : null;
  const from = layer ? source : source === 'layer' ? 'chelsea' : source;
  const dims = layer?.input
    ? { h: layer.input.height, w: layer.input.width, c: Math.min(layer.input.channels, MAX_LAYER_CHANNELS), all: layer.input.channels }
    : { h: SIZE, w: SIZE, c: CHANNELS, all: CHANNELS };
  const k = Math.min(kWanted, dims.c);
  // The prediction asks about 10 channels whatever the slider says, so moving it does not re-ask.
  const asked = Math.min(10, dims.c);
  const state = useEngineResult(`red/${from}/${layer ? layer.id : ''}/${seed}/${k}`, async (signal) => {
    const params = { height: dims.h, width: dims.w, channels: dims.c, features: FEATURES, seed, k: k, showChannels: [] };
    if (layer?.input) return request('reduction', { ...params, activations: layerActivations(layer.input, layer.weights, dims.c, `user${layer.id}`) }, signal);
    if (from === 'synthetic' || from === 'layer') return request('reduction', params, signal);
    // The photo's first 250 learned channels, made in the worker as in the walkthrough (the
    // first layer's files are all it needs of the bank).
    const [rgba, bank] = await Promise.all([photoPixels(from), loadFirstLayer()]);
    return request('reduction', { ...params, photo: { rgba: rgba.slice(), width: 4 * SIZE, height: 4 * SIZE, key: from }, bank }, signal);
  });
  const photo = PHOTOS.find((p) => p.id === from);

  const r = state.result;
  const pct = (v: number | undefined) => `${((v ?? 0) * 100).toFixed(1)}%`;
  const domain = useMemo(() => (r ? positiveDomain(r.originals) : { lo: 0, hi: 1 }), [r]);
  const cost = layerCost({ kind: 'pointwise', inChannels: dims.c, outChannels: k, kernel: 1, outHeight: dims.h, outWidth: dims.w });
  // What the reduction saves downstream: the next layer (3×3, 64 filters) on k channels instead of 250.
  const next = (c: number) => layerCost({ kind: 'standard', inChannels: c, outChannels: 64, kernel: 3, outHeight: dims.h, outWidth: dims.w }).multiplyAdds;
  // On one channel a 1×1 filter has one weight: it only scales the map.
  const single = useMemo(() => singleChannel(seed), [seed]);
  const plane = dims.h * dims.w;
  const maps = (values: Float32Array, what: string) => (r?.shownChannels ?? []).map((ch, j) => ({
    caption: t('red.mapCaption', { ch, what }), label: t('red.mapCaption', { ch, what }), values, height: dims.h, width: dims.w, offset: j * plane,
  }));
  return (
    <section className="panel concept" aria-labelledby="red-title" aria-busy={state.status === 'loading'}>
      <h2 id="red-title">{t('red.title')}</h2>
      <p className="caption">{layer
        ? `${t('red.introLayer', { h: dims.h, w: dims.w, c: dims.all, label: layer.label })}${dims.all > dims.c ? ` ${t('red.layerCut', { c: dims.c })}` : ''}`
        : photo ? t('red.introPhoto', { h: SIZE, w: SIZE, c: CHANNELS, title: photo.title[lang] }) : t('red.intro', { h: SIZE, w: SIZE, c: CHANNELS, f: FEATURES })}</p>
      <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label={t('settings')}>
        <span className="field">
          <label htmlFor="red-source">{t('red.source')}</label>
          <select id="red-source" value={layer ? 'layer' : from} onChange={(e) => setSource(e.target.value as Source)}>
            {user?.input && <option value="layer">{t('red.layerOption', { label: user.label })}</option>}
            {PHOTOS.map((p) => <option key={p.id} value={p.id}>{t('red.photoOption', { title: p.title[lang] })}</option>)}
            <option value="synthetic">{t('red.synthetic')}</option>
          </select>
        </span>
        <span className="field slider-field">
          <label htmlFor="red-k">{t('red.k')}</label>
          <input id="red-k" type="range" min={1} max={dims.c} value={k} onChange={(e) => setK(Number(e.target.value))} />
        </span>
        <NumberField label="k" value={k} min={1} max={dims.c} problem={t('field.range')} onChange={setK} />
        <NumberField label={t('seed')} value={seed} min={0} max={999999} problem={t('field.range')} onChange={setSeed} />
      </form>
      {state.status === 'error' && <p className="status-error" role="alert">{t('engineError', { message: state.message })}</p>}
      {state.status === 'loading' && !r && <p className="status" role="status">{t('computing')}</p>}
      {r && (
        <>
          <Predict page="reduction" state={{ k: asked, channels: dims.c, pcaKept: r.pcaKept[asked - 1] ?? 0, randomKept: r.randomKept[asked - 1] ?? 0, nextAfter: next(asked), nextBefore: next(dims.c), source: `${from}/${seed}` }}>
          <p className="headline-figure" data-testid="red-headline">
            {t('red.headline', { k, c: dims.c, pca: pct(r.pcaKept[k - 1]), err: pct(1 - r.pcaKept[k - 1]!), random: pct(r.randomKept[k - 1]) })}
          </p>
          {layer && r.layerKept !== undefined && layer.weights && (
            <p className="headline-figure" data-testid="red-layer">{t('red.layerKept', {
              cout: formatInt(layer.weights.outChannels), c: dims.c, kept: pct(r.layerKept), pca: pct(r.pcaKept[Math.min(layer.weights.outChannels, dims.c) - 1]),
            })}</p>
          )}
          <p className="caption">{t('red.cost', { k, c: dims.c, weights: formatInt(cost.weights), macs: formatInt(cost.multiplyAdds), full: formatInt(dims.c * dims.c) })}</p>
          <p data-testid="red-downstream">{t('red.downstream', { k, c: dims.c, h: dims.h, w: dims.w, after: formatInt(next(k)), before: formatInt(next(dims.c)), ratio: (next(dims.c) / next(k)).toFixed(1) })}</p>
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
              {[1, 5, 10, 25, 50, 100, 250, 512].filter((q) => q <= dims.c).map((q) => (
                <tr key={q} className={q === k ? 'current' : undefined}><th scope="row">{q}</th><td className="num">{pct(r.pcaKept[q - 1])}</td><td className="num">{pct(r.randomKept[q - 1])}</td></tr>
              ))}
            </tbody>
          </table>
          </ScrollTable>
          </Predict>
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

/**
 * The layer's input (its first `channels` channels when it has more) and, when it reads all
 * of them, its filters: copies for the worker.
 */
function layerActivations(input: HwcTensor, weights: CoutCinWeights | undefined, channels: number, key: string) {
  const all = input.channels, pixels = input.height * input.width;
  const data = new Float32Array(pixels * channels);
  for (let p = 0; p < pixels; p++) data.set(input.data.subarray(p * all, p * all + channels), p * channels);
  const filters = weights && channels === all ? weights.data.slice() : undefined;
  return { data, key, filters, filterCount: weights?.outChannels };
}
