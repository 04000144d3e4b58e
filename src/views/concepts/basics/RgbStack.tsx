import { useEffect, useMemo, useState } from 'react';
import { usePalette } from '../../../components/usePalette';
import { Legend } from '../../../components/Legend/Legend';
import { layerCost } from '../../../engine/concepts/counts';
import { IMAGE_KERNELS } from '../../../engine/concepts/imageKernels';
import { pictureTensor } from '../../../engine/data/picture';
import { heNormal, subSeed } from '../../../engine/core/random';
import { symmetricDomain, positiveDomain } from '../../../lib/colormap';
import { formatInt, formatValue } from '../../../lib/format';
import { MapRow } from '../MapRow';
import { useConceptT } from '../text/useConceptT';
import { request, useEngineResult } from '../../../session/useEngineResult';
import { GRAY } from './grayLut';
import { loadPicture } from '../../../lib/loadPicture';
import { RgbCanvas } from './RgbCanvas';

const SIZE = 32, K = 5, SEED = 3;
const LAYERS = [{ cin: 3, cout: 4 }, { cin: 4, cout: 10 }] as const;
/** The depthwise demo: one 3×3 kernel per colour channel (post 001), each reading its own channel only. */
const DEPTHWISE = ['sobelX', 'sobelY', 'gaussianBlur'] as const;
const DEPTHWISE_WEIGHTS = Float32Array.from(DEPTHWISE.flatMap((name) => IMAGE_KERNELS[name]));

/**
 * An RGB picture through two layers of 5×5 filters: each filter is 5×5×Cin, spanning all
 * input channels, and makes one output channel: 32×32×3 → 28×28×4 → 24×24×10.
 */
export function RgbStack({ source }: { source: string | Blob }) {
  const palette = usePalette();
  const t = useConceptT();
  const [loaded, setLoaded] = useState<{ rgba: Uint8ClampedArray; version: number } | null>(null);
  useEffect(() => {
    let live = true;
    loadPicture(source, SIZE, SIZE).then(
      (rgba) => { if (live) setLoaded((prev) => ({ rgba, version: (prev?.version ?? 0) + 1 })); },
      () => { if (live) setLoaded(null); },
    );
    return () => { live = false; };
  }, [source]);
  const rgba = loaded?.rgba ?? null;
  const input = useMemo(() => (rgba ? pictureTensor(rgba, SIZE, SIZE, 3) : null), [rgba]);
  const weights = useMemo(() => LAYERS.map((l, i) => heNormal(l.cout * l.cin * K * K, l.cin * K * K, subSeed(SEED, `layer${i}`))), []);
  const state = useEngineResult(`rgb/${loaded?.version ?? 0}`, async (signal) => {
    if (!input) return null;
    // Centred per channel, as networks normalise their input: otherwise every input is ≥ 0
    // and a filter whose weights sum below zero would give nothing but zeros after ReLU.
    let x = centred(input.data, 3), size = SIZE;
    const outs: { data: Float32Array; size: number; channels: number }[] = [];
    for (const [i, l] of LAYERS.entries()) {
      const r = await request('conv2d', {
        height: size, width: size, input: x.slice(), weights: weights[i]!.slice(), relu: true,
        spec: { inChannels: l.cin, outChannels: l.cout, kernelHeight: K, kernelWidth: K },
      }, signal);
      outs.push({ data: r.output, size: r.height, channels: l.cout });
      x = r.output;
      size = r.height;
    }
    // Depthwise: groups = 3, so filter c sees colour channel c alone.
    const dw = await request('conv2d', {
      height: SIZE, width: SIZE, input: input.data.slice(), weights: DEPTHWISE_WEIGHTS.slice(),
      spec: { inChannels: 3, outChannels: 3, kernelHeight: 3, kernelWidth: 3, padY: 1, padX: 1, groups: 3 },
    }, signal);
    return { outs, depthwise: dw.output };
  });
  const outs = state.result?.outs;
  const depthwise = state.result?.depthwise;
  const dwCost = layerCost({ kind: 'depthwise', inChannels: 3, outChannels: 3, kernel: 3 });
  const dwStandard = layerCost({ kind: 'standard', inChannels: 3, outChannels: 3, kernel: 3 });
  const wDomain = useMemo(() => symmetricDomain(weights[0]!.subarray(0, 75)), [weights]);
  const costs = LAYERS.map((l) => layerCost({ kind: 'standard', inChannels: l.cin, outChannels: l.cout, kernel: K }));
  // Filter 0 of layer 1 has weights (0, i, y, x) at (i·5 + y)·5 + x: one 5×5 slice per colour channel.
  const slices = ['R', 'G', 'B'].map((name, i) => ({
    caption: t('rgb.slice', { name }), label: t('rgb.sliceLabel', { name }), values: weights[0]!, height: K, width: K, offset: i * K * K,
  }));
  return (
    <div className="rgb-stack">
      <h3>{t('rgb.title')}</h3>
      <p className="caption">{t('rgb.intro')}</p>
      <ol className="layer-chain wide">
        <li className="tensor">32×32×3</li>
        <li className="layer">{t('rgb.layer', { n: 4, k: K, c: 3, w: formatInt(costs[0]!.weights), b: costs[0]!.biases })}</li>
        <li className="tensor">28×28×4</li>
        <li className="layer">{t('rgb.layer', { n: 10, k: K, c: 4, w: formatInt(costs[1]!.weights), b: costs[1]!.biases })}</li>
        <li className="tensor">24×24×10</li>
      </ol>
      {input && rgba && (
        <div className="rgb-grid">
          <figure className="map-cell">
            <RgbCanvas rgba={rgba} width={SIZE} height={SIZE} label={t('rgb.pictureLabel')} />
            <figcaption>{t('rgb.picture')}</figcaption>
          </figure>
          <MapRow domain={{ lo: 0, hi: 1 }} lut={GRAY} className="tiny" items={['R', 'G', 'B'].map((name, i) => ({
            caption: t('rgb.channel', { name }), label: t('rgb.channel', { name }), values: input.data, height: SIZE, width: SIZE, offset: i, stride: 3,
          }))} />
          <div>
            <MapRow domain={wDomain} lut={palette.weights} className="tiny" items={slices} />
            <p className="caption">{t('rgb.filterNote')}</p>
          </div>
        </div>
      )}
      {outs && outs.map((o, i) => {
        const domain = positiveDomain(o.data);
        return (
          <div key={i}>
            <h4>{t('rgb.maps', { size: o.size, c: o.channels })}</h4>
            <MapRow domain={domain} lut={palette.positive} className="tiny" items={Array.from({ length: o.channels }, (_, ch) => ({
              caption: t('rgb.outCh', { ch }), label: t('rgb.mapLabel', { size: o.size, ch }), values: o.data, height: o.size, width: o.size, offset: ch, stride: o.channels,
            }))} />
            {i === 1 && <Legend domain={domain} lut={palette.positive} label={t('legend.range', { lo: formatValue(domain.lo), hi: formatValue(domain.hi) })} />}
          </div>
        );
      })}
      {depthwise && (
        <div data-testid="rgb-depthwise">
          <h4>{t('rgb.dwTitle')}</h4>
          <p className="caption">{t('rgb.dwIntro', { w: dwCost.weights, standard: dwStandard.weights })}</p>
          <MapRow domain={symmetricDomain(depthwise)} lut={palette.signed} className="tiny" items={(['R', 'G', 'B'] as const).map((name, c) => ({
            caption: t('rgb.dwMap', { name, kernel: t(`kernel.${DEPTHWISE[c]!}` as const) }), label: t('rgb.dwMap', { name, kernel: t(`kernel.${DEPTHWISE[c]!}` as const) }),
            values: depthwise, height: SIZE, width: SIZE, offset: c, stride: 3,
          }))} />
        </div>
      )}
    </div>
  );
}

function centred(data: Float32Array, channels: number): Float32Array {
  const mean = new Float64Array(channels);
  for (let i = 0; i < data.length; i++) mean[i % channels] = mean[i % channels]! + data[i]!;
  const pixels = data.length / channels;
  return data.map((v, i) => v - mean[i % channels]! / pixels);
}
