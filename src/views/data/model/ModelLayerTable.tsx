import { Fragment, type ReactNode } from 'react';
import { ScrollTable } from '../../../components/ScrollTable';
import type { ModelLayer } from '../../../session/types';
import { layerMap, layerStatus } from './layerFit';
import { useModelT } from './text/useModelT';

interface Props {
  readonly layers: readonly ModelLayer[];
  readonly caption: string;
  /** A sentence under the caption, outside the table so it wraps on a phone. */
  readonly note: string;
  readonly picked: string | null;
  readonly onPick: (node: string) => void;
  readonly showGroups?: boolean;
}

/** The model's 1×1 layers as a table of radio buttons; a layer that cannot be used says why. */
export function ModelLayerTable({ layers, caption, note, picked, onPick, showGroups = false }: Props) {
  const t = useModelT();
  return (
    <div className="model-layer-list">
    <p className="caption">{note}</p>
    <ScrollTable>
      <table className="data-table model-layers">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.pick')}</th><th scope="col">{t('col.node')}</th><th scope="col" className="num">{t('col.channels')}</th>
            {showGroups && <th scope="col" className="num">{t('col.groups')}</th>}
            <th scope="col" className="num">{t('col.stride')}</th><th scope="col" className="num">{t('col.map')}</th><th scope="col">{t('col.note')}</th>
          </tr>
        </thead>
        <tbody>
          {layers.map((l) => {
            const status = layerStatus(l), map = layerMap(l);
            const id = `layer-${l.node}`;
            const notes = [
              status === 'blocked' ? t('note.blocked', { op: l.blockedBy ?? '' }) : status === 'limits' ? t('note.limits')
                : status === 'unreached' ? (l.failedAt ? t('note.failed', { node: l.failedAt.node, why: whyFailed(t, l.failedAt) }) : t('note.unreached')) : null,
              l.batchNorm ? t('note.bn') : null,
            ].filter(Boolean);
            return (
              <tr key={l.node} className={status === 'ok' ? undefined : 'unusable'}>
                <td><input type="radio" name="model-layer" id={id} checked={picked === l.node} disabled={status !== 'ok'} onChange={() => onPick(l.node)} /></td>
                <th scope="row"><label htmlFor={id}>{breakable(l.node)}</label></th>
                <td className="num">{l.inChannels} → {l.outChannels}</td>
                {showGroups && <td className="num">{l.groups}</td>}
                <td className="num">{l.stride[0] === l.stride[1] ? l.stride[0] : l.stride.join('×')}</td>
                <td className="num">{map ? `${l.height}×${l.width}${map.height !== l.height ? ` → ${map.height}×${map.width}` : ''}` : '—'}</td>
                <td>{notes.join(' · ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
    </div>
  );
}

/**
 * A node name ("/layer1/layer1.0/downsample/downsample.0/Conv") with a line-break opportunity
 * after each separator, so a narrow column wraps it between its parts, never inside a word.
 */
function breakable(name: string): ReactNode[] {
  return name.split(/(?<=[/._:-])/).map((part, i) => <Fragment key={i}>{i > 0 && <wbr />}{part}</Fragment>);
}

const SHORT_REASONS = ['bad-dims', 'tensor-too-large', 'bad-node', 'not-constant'] as const;

/** A failed node's reason in a few words, with the detail its error named (after the node's own name). */
function whyFailed(t: ReturnType<typeof useModelT>, f: NonNullable<ModelLayer['failedAt']>): string {
  const detail = f.detail.startsWith(`${f.node}: `) ? f.detail.slice(f.node.length + 2) : f.detail;
  const short = SHORT_REASONS.find((c) => c === f.code);
  return short ? t(`why.${short}`, { detail }) : t('why.other', { detail: `${f.code}${detail ? `: ${detail}` : ''}` });
}
