import './photo.css';
import { useMemo } from 'react';
import { usePhotoT } from './text/usePhotoT';
import { topActivations } from '../../../engine/topActivations';
import { formatValue } from '../../../lib/format';
import { photoWindow } from '../../../lib/patchPixels';
import { useAppStore } from '../../../store/useAppStore';
import { RgbaCanvas } from './RgbaCanvas';

/** Examples shown per filter, and how far apart (in map pixels) two of them must be. */
const FACES = 8;
const APART = 3;
/** Each example shows the 8×8 window with 4 pixels of context around it. */
const CONTEXT = 4;

/**
 * Filter k's "dataset examples": the photo windows where output channel k is largest, each
 * with its value. For a learned filter they look alike; for a random one they do not.
 */
export function FilterFaces({ output, k }: { output: Float32Array; k: number }) {
  const t = usePhotoT();
  const photo = useAppStore((s) => s.data?.photo);
  const { height, width, outChannels } = useAppStore((s) => s.config);
  const faces = useMemo(() => {
    if (!photo || output.length !== height * width * outChannels || k >= outChannels) return [];
    return topActivations(output, height, width, outChannels, k, FACES, APART).map((a) => {
      const size = 8 + 2 * CONTEXT;
      return { ...a, rgba: photoWindow(photo, 4 * a.row - 2 - CONTEXT, 4 * a.col - 2 - CONTEXT, size), size };
    });
  }, [photo, output, height, width, outChannels, k]);
  if (!photo) return null;
  return (
    <figure className="faces" data-testid="filter-faces">
      <figcaption><strong>{t('faces.heading', { k })}</strong> {t('faces.caption', { n: faces.length, k })}</figcaption>
      <ol>
        {faces.map((f) => (
          <li key={`${f.row},${f.col}`}>
            <RgbaCanvas rgba={f.rgba} width={f.size} height={f.size} outline={{ top: CONTEXT, left: CONTEXT, size: 8 }}
              label={t('faces.label', { row: f.row, col: f.col, value: formatValue(f.value) })} />
            <span className="face-value">{formatValue(f.value)}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
