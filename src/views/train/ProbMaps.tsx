import { useEffect, useRef } from 'react';
import { TRAIN_MAP } from '../../lib/trainCode';
import { classCounts, CLASS_COLOURS, probabilityRgba } from './drawTrain';
import { useTrainT } from './text/useTrainT';

/** Each class's probability map: white where the layer gives it 0, its colour where 1. */
export function ProbMaps({ probs, names }: { probs: Float32Array; names: readonly string[] }) {
  const t = useTrainT();
  const k = names.length;
  if (probs.length !== TRAIN_MAP * TRAIN_MAP * k) return null;
  const counts = classCounts(probs, k);
  return (
    <ul className="prob-maps" data-testid="prob-maps">
      {names.map((name, c) => (
        <li key={c}>
          <ProbCanvas probs={probs} classes={k} c={c} label={t('prob.label', { name, n: counts[c]! })} />
          <span><span className="swatch" style={{ background: CLASS_COLOURS[c] }} aria-hidden="true" /> {name} <small>{t('prob.count', { n: counts[c]! })}</small></span>
        </li>
      ))}
    </ul>
  );
}

function ProbCanvas({ probs, classes, c, label }: { probs: Float32Array; classes: number; c: number; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(TRAIN_MAP, TRAIN_MAP);
    probabilityRgba(probs, classes, c, image.data);
    ctx.putImageData(image, 0, 0);
  }, [probs, classes, c]);
  return <canvas ref={ref} width={TRAIN_MAP} height={TRAIN_MAP} role="img" aria-label={label} />;
}
