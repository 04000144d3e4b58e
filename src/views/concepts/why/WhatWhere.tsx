import { useCallback, useMemo, useState } from 'react';
import { usePalette } from '../../../components/usePalette';
import { Legend } from '../../../components/Legend/Legend';
import { NumberField } from '../../../components/NumberField/NumberField';
import { syntheticActivations } from '../../../engine/activations';
import type { Conv2dSpec } from '../../../engine/conv2d';
import { heNormal, subSeed } from '../../../engine/random';
import { hwcTensor, type HwcTensor } from '../../../engine/tensor';
import { permutePixels, pixelPermutation, shiftPixels } from '../../../engine/transforms';
import { positiveDomain, symmetricDomain } from '../../../lib/colormap';
import { formatValue } from '../../../lib/format';
import { MapRow } from '../MapRow';
import { useConceptT } from '../text/useConceptT';
import { request, useEngineResult } from '../../../session/useEngineResult';
import { Predict } from '../../predict/Predict';

const SIZE = 16, CIN = 8, COUT = 4, SEED = 7;
type Move = 'shift' | 'shuffle';

/**
 * A 1×1 layer sees one pixel's channels ("what"); a k×k layer also sees its neighbours
 * ("where"). Rearranging the pixels before or after a 1×1 layer gives the same output;
 * after a 3×3 it does not. Both orders are computed by the engine and compared.
 */
export function WhatWhere() {
  const palette = usePalette();
  const t = useConceptT();
  const [move, setMove] = useState<Move>('shuffle');
  const [dy, setDy] = useState(2);
  const [dx, setDx] = useState(5);
  const [channel, setChannel] = useState(0);
  const input = useMemo(() => syntheticActivations(SIZE, SIZE, CIN, SEED), []);
  const perm = useMemo(() => pixelPermutation(SIZE * SIZE, SEED), []);
  const rearrange = useCallback((x: HwcTensor) => (move === 'shift' ? shiftPixels(x, dy, dx) : permutePixels(x, perm)), [move, dy, dx, perm]);
  const moved = useMemo(() => rearrange(input), [rearrange, input]);

  const state = useEngineResult(`ww/${move}/${dy}/${dx}`, async (signal) => {
    const kernels = [1, 3] as const;
    return Promise.all(kernels.map(async (k) => {
      const spec: Conv2dSpec = { inChannels: CIN, outChannels: COUT, kernelHeight: k, kernelWidth: k, padY: (k - 1) / 2, padX: (k - 1) / 2 };
      const weights = heNormal(COUT * CIN * k * k, CIN * k * k, subSeed(SEED, `k${k}`));
      const conv = (x: Float32Array) => request('conv2d', { height: SIZE, width: SIZE, input: x.slice(), spec, weights: weights.slice() }, signal);
      const [ofMoved, ofInput] = await Promise.all([conv(moved.data), conv(input.data)]);
      const movedOutput = rearrange(hwcTensor(SIZE, SIZE, COUT, ofInput.output)).data;
      const diff = ofMoved.output.map((v, i) => Math.abs(v - movedOutput[i]!));
      return { k, first: ofMoved.output, second: movedOutput, diff, max: diff.reduce((m, v) => Math.max(m, v), 0) };
    }));
  });
  const rows = state.result;
  const domain = useMemo(() => (rows ? symmetricDomain(rows.flatMap((r) => [symmetricDomain(r.first).hi])) : { lo: -1, hi: 1 }), [rows]);
  const inDomain = useMemo(() => positiveDomain(input.data), [input]);
  const map = (values: Float32Array, caption: string, channels = COUT) =>
    ({ caption, label: caption, values, height: SIZE, width: SIZE, offset: channel % channels, stride: channels });
  return (
    <section className="panel concept" aria-labelledby="ww-title" aria-busy={state.status === 'loading'}>
      <h2 id="ww-title">{t('ww.title')}</h2>
      <p className="caption">{t('ww.intro')}</p>
      <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label={t('settings')}>
        <fieldset className="segmented">
          <legend>{t('ww.move')}</legend>
          {(['shuffle', 'shift'] as const).map((m) => (
            <label key={m} className="check"><input type="radio" name="ww-move" checked={move === m} onChange={() => setMove(m)} />{t(`ww.move.${m}`)}</label>
          ))}
        </fieldset>
        {move === 'shift' && (
          <>
            <NumberField label={t('ww.down')} value={dy} min={-SIZE} max={SIZE} problem={t('field.range')} onChange={setDy} />
            <NumberField label={t('ww.right')} value={dx} min={-SIZE} max={SIZE} problem={t('field.range')} onChange={setDx} />
          </>
        )}
        <NumberField label={t('ww.channel')} value={channel} min={0} max={COUT - 1} problem={t('field.range')} onChange={setChannel} />
      </form>
      <h3>{t('ww.inputs')}</h3>
      <MapRow domain={inDomain} lut={palette.inputs} items={[map(input.data, t('ww.original'), CIN), map(moved.data, t(`ww.moved.${move}`), CIN)]} className="narrow" />
      {state.status === 'error' && <p className="status-error" role="alert">{t('engineError', { message: state.message })}</p>}
      <Predict page="whatwhere" state={rows ? { move, max1: rows[0]!.max, max3: rows[1]!.max } : null}>
      {rows && (
        <>
          <Legend domain={domain} lut={palette.signed} label={t('legend.signed', { lo: formatValue(domain.lo), hi: formatValue(domain.hi) })} />
          {rows.map((r) => (
            <div key={r.k} className="stage" data-testid={`ww-${r.k}`}>
              <h3>{t('ww.layer', { k: r.k, cin: CIN, cout: COUT })}</h3>
              <MapRow domain={domain} lut={palette.signed} items={[
                map(r.first, t('ww.convOfMoved')),
                map(r.second, t('ww.movedConv')),
                map(r.diff, t('ww.difference')),
              ]} />
              <p className={`verdict ${r.max === 0 ? 'same' : 'differs'}`} data-testid={`ww-max-${r.k}`}>
                {r.max === 0 ? t('ww.same') : t('ww.differs', { max: formatValue(r.max) })}
              </p>
            </div>
          ))}
          <p className="caption">{t('ww.lesson')}</p>
        </>
      )}
      </Predict>
    </section>
  );
}
