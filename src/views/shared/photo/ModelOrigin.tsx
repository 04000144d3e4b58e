import './photo.css';
import { usePhotoT } from './text/usePhotoT';
import { formatInt } from '../../../lib/format';
import { useAppStore } from '../../../store/useAppStore';
import { RgbaCanvas } from './RgbaCanvas';

/**
 * Where a model layer's input channels come from, as InputOrigin tells it for the photos: the
 * student's picture as the model was given it (cut and scaled to its input size), the place of
 * the current pixel on it, and the nodes the model ran to reach the layer.
 */
export function ModelOrigin({ row, col }: { row: number; col: number }) {
  const t = usePhotoT();
  const lang = useAppStore((s) => s.lang);
  const from = useAppStore((s) => s.userData?.provenance);
  const { height: h, width: w, inChannels: cin } = useAppStore((s) => s.config);
  const crop = from?.crop;
  if (!from || !crop) return null;
  // The map's pixel sits over this block of the picture (its receptive field is wider still).
  const block = Math.max(1, Math.round(crop.height / h));
  return (
    <figure className="origin" data-testid="model-origin">
      <figcaption>
        <strong>{t('origin.heading', { cin: formatInt(cin, lang) })}</strong>{' '}
        {/* A first layer reads the picture itself: no node ran before it. */}
        {(from.nodes ?? 0) === 0 ? t('origin.modelInput', { node: from.node, cin: formatInt(cin, lang), size: `${crop.height}×${crop.width}`, preprocessing: from.preprocessing }) : t('origin.model', { model: from.model, node: from.node, picture: from.picture, size: `${crop.height}×${crop.width}`, preprocessing: from.preprocessing,
          nodes: formatInt(from.nodes ?? 0, lang), cin: formatInt(cin, lang), h, w, block })}
      </figcaption>
      <div className="origin-row">
        <RgbaCanvas className="origin-photo" rgba={crop.rgba} width={crop.width} height={crop.height}
          outline={{ top: Math.round((row * crop.height) / h), left: Math.round((col * crop.width) / w), size: block }}
          label={t('origin.modelPhotoLabel', { picture: from.picture, row, col })} />
      </div>
    </figure>
  );
}
