import { useMemo } from 'react';
import { ALEXNET, ALEXNET_FC6_UNPOOLED, countInception, countLayer, INCEPTION_3A, INCEPTION_3A_NAIVE, networkTotals, type CountedBlock } from '../../../engine/concepts/networks';
import { formatInt } from '../../../lib/format';
import { useConceptT } from '../text/useConceptT';
import { Formula } from './Formula';
import { ScrollTable } from '../../../components/ScrollTable';
import { SourceNotes } from './SourceNotes';
import { Predict } from '../../predict/Predict';

/** AlexNet layer by layer, and inception (3a) with and without its 1×1 reductions: counted, not typed in. */
export function Params() {
  const t = useConceptT();
  const rows = useMemo(() => ALEXNET.map(countLayer), []);
  const totals = useMemo(() => networkTotals(rows), [rows]);
  const slip = countLayer(ALEXNET_FC6_UNPOOLED);
  const fc6 = rows.find((r) => r.name === 'fc6')!;
  const blocks = useMemo(() => ({ with: countInception(INCEPTION_3A), without: countInception(INCEPTION_3A_NAIVE) }), []);
  const share = totals.convWeights / totals.weights;
  return (
    <section className="panel concept" aria-labelledby="params-title">
      <h2 id="params-title">{t('params.title')}</h2>
      <p className="caption">{t('params.intro')}</p>
      <h3>{t('params.alexnet')}</h3>
      <Predict page="params" state={{}}>
      <ScrollTable>
        <table className="data-table" data-testid="alexnet-table">
          <caption>{t('params.alexnetCaption')}</caption>
          <thead>
            <tr><th scope="col">{t('params.layer')}</th><th scope="col">{t('params.formula')}</th><th scope="col" className="num">{t('weights')}</th><th scope="col" className="num">{t('params.biases')}</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                <td className="formula">{r.formula}</td>
                <td className="num"><Formula value={formatInt(r.weights)} formula={`${r.formula} = ${formatInt(r.weights)} (${t(r.type === 'conv' ? (r.formula.split('·').length > 4 ? 'params.tip.conv2' : 'params.tip.conv') : 'params.tip.dense')})`} /></td>
                <td className="num">{formatInt(r.biases)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr><th scope="row">{t('params.convTotal')}</th><td /><td className="num" data-testid="alexnet-conv">{formatInt(totals.convWeights)}</td><td /></tr>
            <tr><th scope="row">{t('params.denseTotal')}</th><td /><td className="num" data-testid="alexnet-dense">{formatInt(totals.denseWeights)}</td><td /></tr>
            <tr><th scope="row">{t('params.allWeights')}</th><td /><td className="num">{formatInt(totals.weights)}</td><td className="num">{formatInt(totals.biases)}</td></tr>
            <tr className="grand"><th scope="row">{t('params.total')}</th><td colSpan={3} className="num" data-testid="alexnet-total">{formatInt(totals.parameters)}</td></tr>
          </tfoot>
        </table>
      </ScrollTable>
      <div className="share-bar two" role="img" aria-label={t('params.shareLabel', { conv: (share * 100).toFixed(1), dense: ((1 - share) * 100).toFixed(1) })}>
        <span className="conv" style={{ width: `${share * 100}%` }} /><span className="dense" style={{ width: `${(1 - share) * 100}%` }} />
      </div>
      <p className="chart-key"><span className="key conv">{t('params.convShare', { pct: (share * 100).toFixed(1) })}</span> <span className="key dense">{t('params.denseShare', { pct: ((1 - share) * 100).toFixed(1), times: (totals.denseWeights / totals.convWeights).toFixed(1) })}</span></p>
      <p className="caption">{t('params.why')}</p>
      </Predict>
      <p className="note" data-testid="alexnet-slip">{t('params.slip', { slip: formatInt(slip.weights), formula: slip.formula, real: formatInt(fc6.weights), times: (slip.weights / fc6.weights).toFixed(1) })}</p>

      <h3>{t('params.inception')}</h3>
      <p className="caption">{t('params.inceptionIntro', { h: INCEPTION_3A.height, w: INCEPTION_3A.width, c: INCEPTION_3A.inChannels })}</p>
      <div className="inception">
        <InceptionTable block={blocks.with} title={t('params.withReductions')} testId="inception-with" size={`${INCEPTION_3A.height}·${INCEPTION_3A.width}`} />
        <InceptionTable block={blocks.without} title={t('params.withoutReductions')} testId="inception-without" size={`${INCEPTION_3A.height}·${INCEPTION_3A.width}`} />
      </div>
      <p className="headline-figure">{t('params.inceptionVerdict', {
        with: formatInt(blocks.with.weights), without: formatInt(blocks.without.weights),
        pct: ((blocks.with.weights / blocks.without.weights) * 100).toFixed(0),
        macsWith: formatInt(blocks.with.multiplyAdds), macsWithout: formatInt(blocks.without.multiplyAdds),
        cWith: blocks.with.outChannels, cWithout: blocks.without.outChannels,
      })}</p>
      <p data-testid="inception-blowup">{t('params.inceptionBlowup', {
        c: INCEPTION_3A.inChannels, pool: INCEPTION_3A_NAIVE.branches.find((b) => b.pool)!.outChannels,
        cWithout: blocks.without.outChannels, cWith: blocks.with.outChannels,
        next: formatInt(9 * blocks.without.outChannels * 128), nextWith: formatInt(9 * blocks.with.outChannels * 128),
      })}</p>
      <SourceNotes />
    </section>
  );
}

function InceptionTable({ block, title, testId, size }: { block: CountedBlock; title: string; testId: string; size: string }) {
  const t = useConceptT();
  // The engine names branches in code words ('pool → 1×1'); the page says them in its language.
  const branchName = (name: string) => name.replace('pool', t('params.pool'));
  return (
    <ScrollTable>
      <table className="data-table" data-testid={testId}>
        <caption>{title}</caption>
        <thead>
          <tr><th scope="col">{t('params.branch')}</th><th scope="col">{t('params.formula')}</th><th scope="col" className="num">{t('weights')}</th><th scope="col" className="num">{t('macs')}</th></tr>
        </thead>
        <tbody>
          {block.branches.flatMap((b) => (b.convs.length === 0
            ? [<tr key={b.name}><th scope="row">{branchName(b.name)}</th><td>{t('params.poolOnly', { c: b.outChannels })}</td><td className="num">0</td><td className="num">0</td></tr>]
            : b.convs.map((c, i) => (
              <tr key={`${b.name}-${i}`}>
                <th scope="row">{i === 0 ? branchName(b.name) : ''}</th>
                <td className="formula">{c.formula}</td>
                <td className="num"><Formula value={formatInt(c.weights)} formula={`${c.kernel}·${c.kernel}·${c.inChannels}·${c.outChannels} = ${formatInt(c.weights)}`} /></td>
                <td className="num"><Formula value={formatInt(c.multiplyAdds)} formula={`${formatInt(c.weights)} · ${size} = ${formatInt(c.multiplyAdds)}`} /></td>
              </tr>
            ))))}
        </tbody>
        <tfoot>
          <tr className="grand"><th scope="row">{t('params.blockTotal', { c: block.outChannels })}</th><td /><td className="num">{formatInt(block.weights)}</td><td className="num">{formatInt(block.multiplyAdds)}</td></tr>
        </tfoot>
      </table>
    </ScrollTable>
  );
}
