import { useMemo } from 'react';
import { layerCost, bottleneckWeights } from '../../../engine/concepts/counts';
import { convOutputSize } from '../../../engine/kernels/conv2d';
import { ALEXNET, ALEXNET_FC6_UNPOOLED, countLayer, networkTotals } from '../../../engine/concepts/networks';
import { formatInt } from '../../../lib/format';
import type { View } from '../../../store/slices/ui';
import { useAppStore } from '../../../store/useAppStore';
import { useConceptT } from '../text/useConceptT';
import type { ConceptKey } from '../text/en';

interface Note {
  readonly id: string;
  readonly post: string;
  readonly says: ConceptKey;
  readonly computed: string;
  readonly view: View;
}

/**
 * Notes on the sources: where one of the five blog posts the app's subject comes from has a
 * figure that is off, what the post says (in words), the figure the engine computes, and the
 * page that computes it. Every number here comes from the counting functions.
 */
export function SourceNotes() {
  const t = useConceptT();
  const setView = useAppStore((s) => s.setView);
  const f = (n: number) => formatInt(n);
  const notes = useMemo((): Note[] => {
    const rows = ALEXNET.map(countLayer);
    const totals = networkTotals(rows);
    const inflated = networkTotals(rows.map((r) => (r.name === 'fc6' ? countLayer(ALEXNET_FC6_UNPOOLED) : r)));
    const conv3 = rows.find((r) => r.name === 'conv3')!;
    const fc6 = rows.find((r) => r.name === 'fc6')!;
    const fc6Unpooled = countLayer(ALEXNET_FC6_UNPOOLED);
    // A 3×3 layer of 64 filters on 56×56, after the reduction (10 channels) and without it (250).
    const after = (c: number) => layerCost({ kind: 'standard', inChannels: c, outChannels: 64, kernel: 3, outHeight: 56, outWidth: 56 }).multiplyAdds;
    const example = layerCost({ kind: 'standard', inChannels: 128, outChannels: 64, kernel: 3, outHeight: convOutputSize(40, 3, 1, 1), outWidth: convOutputSize(50, 3, 1, 1) });
    const b = bottleneckWeights(10, 20, 5, 3);
    return [
      { id: 'dense-ratio', post: '004', says: 'notes.denseRatio.says', view: 'params', computed: t('notes.denseRatio', {
        dense: f(totals.denseWeights), conv: f(totals.convWeights), ratio: (totals.denseWeights / totals.convWeights).toFixed(1), inflated: (inflated.denseWeights / inflated.convWeights).toFixed(0),
      }) },
      { id: 'conv3', post: '004', says: 'notes.conv3.says', view: 'params', computed: t('notes.conv3', { formula: conv3.formula, weights: f(conv3.weights) }) },
      { id: 'fc6', post: '004', says: 'notes.fc6.says', view: 'params', computed: t('notes.fc6', { unpooled: f(fc6Unpooled.weights), weights: f(fc6.weights) }) },
      { id: 'input-227', post: '004', says: 'notes.input227.says', view: 'basics', computed: t('notes.input227', {
        from224: convOutputSize(224, 11, 4), from227: convOutputSize(227, 11, 4), padded: convOutputSize(224, 11, 4, 2),
      }) },
      { id: 'example-40x50', post: '004', says: 'notes.example.says', view: 'basics', computed: t('notes.example', {
        h: convOutputSize(40, 3, 1, 1), w: convOutputSize(50, 3, 1, 1), weights: f(example.weights), macs: f(example.multiplyAdds),
      }) },
      { id: 'linear', post: '003', says: 'notes.linear.says', view: 'reduction', computed: t('notes.linear', {
        m250: f(after(250)), m10: f(after(10)), ratio: (after(250) / after(10)).toFixed(0),
      }) },
      { id: 'bottleneck', post: '002', says: 'notes.bottleneck.says', view: 'bottleneck', computed: t('notes.bottleneck', { direct: f(b.direct), squeezed: f(b.bottleneck) }) },
    ];
  }, [t]);
  return (
    <section className="source-notes" aria-labelledby="notes-title" data-testid="source-notes">
      <h3 id="notes-title">{t('notes.title')}</h3>
      <p className="caption">{t('notes.intro')}</p>
      <ol>
        {notes.map((n) => (
          <li key={n.id} id={`note-${n.id}`} data-testid={`note-${n.id}`}>
            <p><span className="note-post">{t('notes.post', { n: n.post })}</span> {t(n.says)}</p>
            <p><strong>{t('notes.computed')}</strong> {n.computed}{' '}
              <a href={`#${n.view}`} onClick={(e) => { e.preventDefault(); setView(n.view); }}>{t('notes.open', { view: t(`notes.view.${n.view}` as ConceptKey) })}</a></p>
          </li>
        ))}
      </ol>
    </section>
  );
}
