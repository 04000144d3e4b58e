import './photo.css';
import { useMemo } from 'react';
import { usePhotoT } from './text/usePhotoT';
import { formatInt } from '../../../lib/format';
import { filterPatch } from '../../../lib/patchPixels';
import { selectSnapshot } from '../../../store/selectors';
import { useAppStore } from '../../../store/useAppStore';
import { RgbaCanvas } from './RgbaCanvas';
import { FIRST_LAYER_SHAPE } from '../../../engine/data/firstLayerShape';
import { receptiveField } from '../../../engine/data/topActivations';

const { kernel, stride, pad } = FIRST_LAYER_SHAPE;

/** First-layer filters drawn in the bank's overview. */
const SHOWN_FILTERS = 32;

/**
 * Where the input channels come from: the photo with the current pixel's 8×8 window, the
 * first layer's filters as colour patches, and which filter (and sign) makes the current channel.
 */
export function InputOrigin({ row, col, channel }: { row: number; col: number; channel: number }) {
  const t = usePhotoT();
  const lang = useAppStore((s) => s.lang);
  const photo = useAppStore((s) => selectSnapshot(s).data?.photo);
  const firstFilters = useAppStore((s) => selectSnapshot(s).data?.firstFilters);
  const kind = useAppStore((s) => selectSnapshot(s).data?.filterKind);
  const cin = useAppStore((s) => s.config.inChannels);
  const j = Math.floor(channel / 2), negative = channel % 2 === 1;
  const count = firstFilters ? firstFilters.length / 192 : 0;
  const overview = useMemo(
    () => (firstFilters ? Array.from({ length: Math.min(SHOWN_FILTERS, count) }, (_, i) => filterPatch(firstFilters, i, 8)) : []),
    [firstFilters, count],
  );
  const current = useMemo(() => (firstFilters && j < count ? filterPatch(firstFilters, j, 8, negative) : null), [firstFilters, j, count, negative]);
  if (!photo) return null;
  const learned = kind !== 'random' && kind !== 'random-shape';
  return (
    <figure className="origin" data-testid="input-origin">
      <figcaption>
        <strong>{t('origin.heading', { cin: formatInt(cin, lang) })}</strong>{' '}
        {firstFilters
          ? t('origin.caption', { width: photo.width, height: photo.height, filters: formatInt(count, lang), kind: t(learned ? 'origin.learnedKind' : 'origin.randomKind') })
          : t('origin.rgb', { width: photo.width, height: photo.height })}
      </figcaption>
      <div className="origin-row">
        <RgbaCanvas className="origin-photo" rgba={photo.rgba} width={photo.width} height={photo.height}
          outline={firstFilters ? receptiveField(row, col, kernel, stride, pad) : receptiveField(row, col, stride, stride, 0)}
          label={t('origin.photoLabel', { row, col })} />
        {current && (
          <div className="origin-current">
            <RgbaCanvas className="origin-filter" rgba={current} width={8} height={8} label={t('origin.filterLabel', { j })} />
            <p>{t('origin.channel', { ch: channel, j, sign: t(negative ? 'origin.negative' : 'origin.positive') })}</p>
          </div>
        )}
      </div>
      {overview.length > 0 && (
        <ol className="origin-bank" aria-label={t('origin.bankLabel', { n: overview.length, j })}>
          {overview.map((rgba, i) => (
            <li key={i} className={i === j ? 'current' : undefined}><RgbaCanvas rgba={rgba} width={8} height={8} /></li>
          ))}
        </ol>
      )}
    </figure>
  );
}
