import { useMemo } from 'react';
import { VectorStrip } from '../../components/VectorStrip/VectorStrip';
import { usePalette } from '../../components/usePalette';
import { FIRST_LAYER_SHAPE } from '../../engine/data/firstLayerShape';
import { receptiveField, topActivations } from '../../engine/data/topActivations';
import { symmetricDomain } from '../../lib/colormap';
import { formatValue } from '../../lib/format';
import { photoWindow } from '../../lib/patchPixels';
import { TRAIN_MAP } from '../../lib/trainCode';
import { RgbaCanvas } from '../shared/photo/RgbaCanvas';
import { CLASS_COLOURS } from './drawTrain';
import { useTrainT } from './text/useTrainT';

const TOP = 6;
const { kernel, stride, pad } = FIRST_LAYER_SHAPE;

/**
 * The trained layer's K filters, each a 1×1×Cin stack of weights (one colour per input
 * channel), with the photo windows where its score is highest (its "top windows").
 */
export function FilterStacks({ weights, bias, scores, names, channels, rgba, isRgb }: {
  weights: Float32Array; bias: Float32Array; scores: Float32Array; names: readonly string[]; channels: number; rgba: Uint8ClampedArray; isRgb: boolean;
}) {
  const t = useTrainT();
  const lut = usePalette().weights;
  const k = names.length;
  const domain = useMemo(() => symmetricDomain(weights), [weights]);
  // The window one map pixel sees: the first layer's 8×8 at stride 4, or the 4×4 block averaged for RGB.
  const [win, st, pd] = isRgb ? [stride, stride, 0] : [kernel, stride, pad];
  const context = win / 2, size = 2 * win;
  const photo = useMemo(() => ({ rgba, width: 4 * TRAIN_MAP, height: 4 * TRAIN_MAP }), [rgba]);
  if (weights.length !== k * channels || scores.length !== TRAIN_MAP * TRAIN_MAP * k) return null;
  return (
    <ol className="filter-stacks" data-testid="filter-stacks">
      {names.map((name, c) => {
        const tops = topActivations(scores, TRAIN_MAP, TRAIN_MAP, k, c, TOP, 3);
        return (
          <li key={c}>
            <h4><span className="swatch" style={{ background: CLASS_COLOURS[c] }} aria-hidden="true" /> {t('filter.heading', { c, name, cin: channels, b: formatValue(bias[c]!) })}</h4>
            <VectorStrip values={weights.subarray(c * channels, (c + 1) * channels)} domain={domain} lut={lut}
              label={t('filter.strip', { name, cin: channels })} className="filter-strip" />
            <ol className="faces">
              {tops.map((a) => {
                const rf = receptiveField(a.row, a.col, win, st, pd);
                return (
                  <li key={`${a.row},${a.col}`}>
                    <RgbaCanvas rgba={photoWindow(photo, rf.top - context, rf.left - context, size)} width={size} height={size}
                      outline={{ top: context, left: context, size: win }} label={t('filter.window', { row: a.row, col: a.col, value: formatValue(a.value) })} />
                  </li>
                );
              })}
            </ol>
          </li>
        );
      })}
    </ol>
  );
}
