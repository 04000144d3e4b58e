import './photo.css';
import { useMemo } from 'react';
import { usePhotoT } from './text/usePhotoT';
import { FIRST_LAYER_SHAPE } from '../../../engine/data/firstLayerShape';
import { receptiveField, topActivations } from '../../../engine/data/topActivations';
import { formatValue } from '../../../lib/format';
import { photoWindow } from '../../../lib/patchPixels';
import { selectSnapshot } from '../../../store/selectors';
import { useAppStore } from '../../../store/useAppStore';
import { RgbaCanvas } from './RgbaCanvas';

/** Examples shown per filter, and how far apart (in map pixels) two of them must be. */
const FACES = 8;
const APART = 3;
/**
 * The photo window one output pixel sees: the first layer's (8×8 at stride 4, 2 pixels of
 * padding), or the 4×4 block it averages when the input is the photo's RGB itself; each
 * example shows it with half its size of context around it.
 */
const { kernel, stride, pad } = FIRST_LAYER_SHAPE;
const WINDOW = { features: [kernel, stride, pad], rgb: [stride, stride, 0] } as const;

/**
 * Filter k's "dataset examples": the photo windows where output channel k is largest, each
 * with its value. For a learned filter they look alike; for a random one they do not.
 */
export function FilterFaces({ output, k }: { output: Float32Array; k: number }) {
  const t = usePhotoT();
  const photo = useAppStore((s) => selectSnapshot(s).data?.photo);
  const win = useAppStore((s) => (selectSnapshot(s).data?.firstFilters ? WINDOW.features : WINDOW.rgb));
  const { height, width, outChannels } = useAppStore((s) => s.config);
  const context = win[0] / 2, size = 2 * win[0];
  const faces = useMemo(() => {
    if (!photo || output.length !== height * width * outChannels || k >= outChannels) return [];
    return topActivations(output, height, width, outChannels, k, FACES, APART).map((a) => {
      const rf = receptiveField(a.row, a.col, win[0], win[1], win[2]);
      return { ...a, rgba: photoWindow(photo, rf.top - context, rf.left - context, size) };
    });
  }, [photo, output, height, width, outChannels, k, win, context, size]);
  if (!photo) return null;
  return (
    <figure className="faces" data-testid="filter-faces">
      <figcaption><strong>{t('faces.heading', { k })}</strong> {t('faces.caption', { n: faces.length, k })}</figcaption>
      <ol>
        {faces.map((f) => (
          <li key={`${f.row},${f.col}`}>
            <RgbaCanvas rgba={f.rgba} width={size} height={size} outline={{ top: context, left: context, size: win[0] }}
              label={t('faces.label', { row: f.row, col: f.col, value: formatValue(f.value) })} />
            <span className="face-value">{formatValue(f.value)}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
