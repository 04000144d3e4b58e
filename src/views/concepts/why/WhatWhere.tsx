import { useMemo, useState } from 'react';
import { usePalette } from '../../../components/usePalette';
import { Legend } from '../../../components/Legend/Legend';
import { NumberField } from '../../../components/NumberField/NumberField';
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
  const state = useEngineResult(`ww/${move}/${dy}/${dx}`, (signal) =>
    request('whatWhere', { seed: SEED, size: SIZE, inChannels: CIN, outChannels: COUT, move, dy, dx }, signal));
  const result = state.result;
  const rows = result?.rows;
  const domain = useMemo(() => (rows ? symmetricDomain(rows.map((r) => symmetricDomain(r.first).hi)) : { lo: -1, hi: 1 }), [rows]);
  const inDomain = useMemo(() => (result ? positiveDomain(result.input) : null), [result]);
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
      {result && inDomain && <MapRow domain={inDomain} lut={palette.inputs} items={[map(result.input, t('ww.original'), CIN), map(result.moved, t(`ww.moved.${move}`), CIN)]} className="narrow" />}
      {state.status === 'error' && <p className="status-error" role="alert">{t('engineError', { message: state.message })}</p>}
      <Predict page="whatwhere" state={rows ? { move, max1: rows[0]!.max, max3: rows[1]!.max } : null}>
      {rows && (
        <>
          <Legend domain={domain} lut={palette.signed} label={t('legend.signed', { lo: formatValue(domain.lo), hi: formatValue(domain.hi) })} />
          {rows.map((r) => (
            <div key={r.kernel} className="stage" data-testid={`ww-${r.kernel}`}>
              <h3>{t('ww.layer', { k: r.kernel, cin: CIN, cout: COUT })}</h3>
              <MapRow domain={domain} lut={palette.signed} items={[
                map(r.first, t('ww.convOfMoved')),
                map(r.second, t('ww.movedConv')),
                map(r.diff, t('ww.difference')),
              ]} />
              <p className={`verdict ${r.max === 0 ? 'same' : 'differs'}`} data-testid={`ww-max-${r.kernel}`}>
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
