import { useMemo, useState } from 'react';
import { NumberField } from '../../../components/NumberField/NumberField';
import { ScrollTable } from '../../../components/ScrollTable';
import { ALEXNET, countLayer } from '../../../engine/concepts/networks';
import { formatInt, formatValue } from '../../../lib/format';
import { useConceptT } from '../text/useConceptT';
import { request, useEngineResult } from '../../../session/useEngineResult';
import { Predict } from '../../predict/Predict';

/** The 1×1 demo layer, and the fc demo: AlexNet's fc6 with fewer channels and outputs. */
const H = 16, W = 16, CIN = 64, COUT = 32;
const FC = { kernel: 6, channels: 16, outputs: 32, mapHeight: 9, mapWidth: 9 } as const;

/**
 * "A 1×1 convolution is a dense layer applied at every pixel" (Network in Network), computed:
 * the app's 1×1 kernel against a dense loop at each pixel, and the converse — a dense layer on
 * a flattened 6×6×C map as a 6×6 convolution with the same weights, run on a larger map.
 */
export function Dense() {
  const t = useConceptT();
  const [seed, setSeed] = useState(1);
  const state = useEngineResult(`dense/${seed}`, (signal) => request('dense', {
    seed, height: H, width: W, inChannels: CIN, outChannels: COUT,
    fcKernel: FC.kernel, fcChannels: FC.channels, fcOutputs: FC.outputs, fcMapHeight: FC.mapHeight, fcMapWidth: FC.mapWidth,
  }, signal));
  // AlexNet's dense layers: their input shape, outputs and weights, counted once.
  const fcs = useMemo(() => ALEXNET.flatMap((l) => (l.type === 'dense' ? [{ ...l, weights: countLayer(l).weights }] : [])), []);
  const r = state.result;
  return (
    <section className="panel concept" aria-labelledby="dense-title" aria-busy={state.status === 'loading'}>
      <h2 id="dense-title">{t('dense.title')}</h2>
      <p className="caption">{t('dense.intro')}</p>
      <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label={t('settings')}>
        <NumberField label={t('seed')} value={seed} min={0} max={999999} problem={t('field.range')} onChange={setSeed} />
      </form>
      {state.status === 'error' && <p className="status-error" role="alert">{t('engineError', { message: state.message })}</p>}
      {r && (
        <>
          <p className="headline-figure" data-testid="dense-pointwise">{t('dense.pointwise', {
            h: H, w: W, cin: CIN, cout: COUT, outputs: formatInt(r.outputs), diff: formatValue(r.pointwiseMaxDifference),
          })}</p>
          <ScrollTable>
            <table className="data-table">
              <caption>{t('dense.pixelCaption')}</caption>
              <thead><tr><th scope="col">k</th><th scope="col" className="num">{t('dense.asConv')}</th><th scope="col" className="num">{t('dense.asDense')}</th></tr></thead>
              <tbody>
                {Array.from(r.pixelConv, (v, k) => (
                  <tr key={k}><th scope="row">{k}</th><td className="num">{formatValue(v)}</td><td className="num">{formatValue(r.pixelDense[k]!)}</td></tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </>
      )}
      <h3>{t('dense.converseTitle')}</h3>
      <p>{t('dense.converse')}</p>
      <Predict page="dense" state={{ pointwiseMaxDifference: r?.pointwiseMaxDifference ?? null }}>
      <ScrollTable>
        <table className="data-table" data-testid="dense-alexnet">
          <caption>{t('dense.alexnetCaption')}</caption>
          <thead><tr><th scope="col">{t('params.layer')}</th><th scope="col">{t('dense.asDenseLayer')}</th><th scope="col">{t('dense.asConvLayer')}</th><th scope="col" className="num">{t('weights')}</th></tr></thead>
          <tbody>
            {fcs.map((l) => {
              const { inputShape: shape, outputs } = l;
              const spatial = shape.length === 3;
              const cin = spatial ? shape[2]! : shape[0]!;
              const n = shape.reduce((a, b) => a * b, 1);
              return (
                <tr key={l.name}>
                  <th scope="row">{l.name}</th>
                  <td>{t('dense.denseShape', { n: formatInt(n), out: formatInt(outputs) })}</td>
                  <td>{t('dense.convShape', { k: spatial ? shape[0]! : 1, cin: formatInt(cin), out: formatInt(outputs), map: spatial ? `${shape[0]}×${shape[1]}` : '1×1' })}</td>
                  <td className="num">{formatInt(l.weights)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>
      </Predict>
      {r && (
        <p className="headline-figure" data-testid="dense-fc">{t('dense.fc', {
          k: FC.kernel, c: FC.channels, out: FC.outputs, mh: FC.mapHeight, mw: FC.mapWidth, oh: r.fcOutHeight, ow: r.fcOutWidth,
          windows: r.fcOutHeight * r.fcOutWidth, diff: formatValue(r.fcMaxDifference), scale: formatValue(r.fcScale),
        })}</p>
      )}
    </section>
  );
}
