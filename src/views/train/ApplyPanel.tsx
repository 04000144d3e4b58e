import { useEffect, useRef, useState } from 'react';
import { PHOTOS } from '../../lib/photos';
import type { PhotoId } from '../../lib/photoIds';
import { TRAIN_MAP } from '../../lib/trainCode';
import { engineRequest } from '../../session/engine';
import { useAppStore } from '../../store/useAppStore';
import { isAbortError } from '../../session/recovery';
import type { TrainInput } from '../../session/types';
import { classCounts, CLASS_COLOURS, predictionRgba } from './drawTrain';
import { useTrainT } from './text/useTrainT';
import { makeFeatures } from './useTrainer';

/** The trained layer on another photo, without training: what transfers and what does not. */
export function ApplyPanel({ weights, bias, names, input, seed, current }: {
  weights: Float32Array; bias: Float32Array; names: readonly string[]; input: TrainInput; seed: number; current: PhotoId;
}) {
  const t = useTrainT();
  const lang = useAppStore((s) => s.lang);
  const [photo, setPhoto] = useState<PhotoId>(PHOTOS.find((p) => p.id !== current)!.id);
  const [shown, setShown] = useState<{ rgba: Uint8ClampedArray; probs: Float32Array; photo: PhotoId } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);
  const k = names.length;
  const apply = async () => {
    controller.current?.abort();
    const own = new AbortController();
    controller.current = own;
    setBusy(true);
    setError(null);
    try {
      const f = await makeFeatures({ photo }, input, seed, own.signal);
      const r = await engineRequest('trainApply', { featuresKey: f.key, classes: k, weights: weights.slice(), bias: bias.slice() }, { signal: own.signal });
      if (!own.signal.aborted) setShown({ rgba: f.rgba, probs: r.probabilities, photo });
    } catch (e) {
      if (!isAbortError(e)) setError(e instanceof Error ? e.message : String(e));
    } finally {
      if (!own.signal.aborted) setBusy(false);
    }
  };
  const counts = shown && shown.probs.length === TRAIN_MAP * TRAIN_MAP * k ? classCounts(shown.probs, k) : null;
  return (
    <div className="apply-panel">
      <p>
        <label htmlFor="apply-photo">{t('apply.photo')}</label>{' '}
        <select id="apply-photo" value={photo} onChange={(e) => setPhoto(e.target.value as PhotoId)}>
          {PHOTOS.map((p) => <option key={p.id} value={p.id}>{p.title[lang]}</option>)}
        </select>{' '}
        <button type="button" onClick={() => void apply()} disabled={busy} data-testid="apply-run">{busy ? t('apply.running') : t('apply.run')}</button>
      </p>
      {error && <p className="error" role="alert">{error}</p>}
      {shown && counts && (
        <figure className="apply-result" data-testid="apply-result">
          <Overlay rgba={shown.rgba} probs={shown.probs} classes={k} label={t('apply.label', { photo: PHOTOS.find((p) => p.id === shown.photo)!.title[lang] })} />
          <figcaption>
            {names.map((n, c) => (
              <span key={c} className="apply-count"><span className="swatch" style={{ background: CLASS_COLOURS[c] }} aria-hidden="true" /> {n}: {t('prob.count', { n: counts[c]! })}</span>
            ))}
          </figcaption>
        </figure>
      )}
    </div>
  );
}

function Overlay({ rgba, probs, classes, label }: { rgba: Uint8ClampedArray; probs: Float32Array; classes: number; label: string }) {
  const photoRef = useRef<HTMLCanvasElement>(null);
  const predRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const a = photoRef.current?.getContext('2d'), b = predRef.current?.getContext('2d');
    if (!a || !b) return;
    const img = a.createImageData(4 * TRAIN_MAP, 4 * TRAIN_MAP);
    img.data.set(rgba);
    a.putImageData(img, 0, 0);
    const pred = b.createImageData(TRAIN_MAP, TRAIN_MAP);
    predictionRgba(probs, classes, 0.6, pred.data);
    b.putImageData(pred, 0, 0);
  }, [rgba, probs, classes]);
  return (
    <div className="paint small" role="img" aria-label={label}>
      <canvas ref={photoRef} width={4 * TRAIN_MAP} height={4 * TRAIN_MAP} className="paint-photo" />
      <canvas ref={predRef} width={TRAIN_MAP} height={TRAIN_MAP} className="paint-layer" />
    </div>
  );
}
