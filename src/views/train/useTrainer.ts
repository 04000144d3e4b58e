/**
 * Runs the Train page's engine work: the picture's features once per picture and input (kept
 * in the worker), then a re-train whenever the strokes change, from the weights trained last.
 * A newer stroke aborts the training still running; its late answer is dropped.
 */
import { useEffect, useRef, useState } from 'react';
import type { Stroke } from '../../engine/train/strokes';
import { loadBankFor } from '../../lib/learnedBank';
import { loadPicture } from '../../lib/loadPicture';
import { photoUrl, type PhotoId } from '../../lib/photoIds';
import { TRAIN_MAP } from '../../lib/trainCode';
import { engineRequest, linkEnginePeers } from '../../store/engine';
import { EngineError, LIVELY_SILENT_MS, isAbortError, isRetryable } from '../../worker/client';
import type { TrainInput, TrainResult } from '../../worker/trainProtocol';
import { modelTrainFeatures } from '../data/model/modelSession';

/** Steps of L-BFGS per re-train, and the weight decay λ. */
export const TRAIN_ITERATIONS = 50;
export const TRAIN_DECAY = 1e-3;

export interface TrainerState {
  /** RGBA at 4·56 × 4·56: the picture painted on. */
  readonly rgba: Uint8ClampedArray | null;
  /** The worker's name for this picture's features (null while they are made). */
  readonly featuresKey: string | null;
  readonly channels: number;
  /** For a model layer's input: that layer's own map size. */
  readonly layer: { readonly height: number; readonly width: number } | null;
  /** 'no-model': the input is a model layer's, and no model layer is in use. */
  readonly status: 'features' | 'training' | 'idle' | 'error' | 'no-model';
  readonly error: string | null;
  /** The last finished training (kept on screen while the next one runs; null with nothing painted). */
  readonly result: TrainResult | null;
  /** The class count `result` was trained for (it may differ from the current one for a moment). */
  readonly resultClasses: number;
  /** The finished re-trains on these features, oldest first (the chart's curves). */
  readonly runs: readonly TrainRun[];
}

/** One re-train's curve: loss and painted-pixel accuracy after each step, held-out accuracy at its end. */
export interface TrainRun {
  readonly loss: Float64Array;
  readonly accuracy: Float64Array;
  readonly heldOut: number;
}

/** Re-trains kept for the chart. */
const RUNS = 12;

/** A picture source: a shipped photo, or the student's own picture. */
export type PictureSource = { readonly photo: PhotoId; readonly own?: { readonly blob: Blob; readonly id: number } | undefined };

let keyCounter = 0;
const SIZE = 4 * TRAIN_MAP;

/** Features of one picture in the worker: loads it (and the bank), asks for the features, returns the key. */
export async function makeFeatures(source: PictureSource, input: TrainInput, seed: number, signal: AbortSignal): Promise<{ key: string; rgba: Uint8ClampedArray; channels: number; layer?: { height: number; width: number } | undefined }> {
  if (input === 'model') {
    // The layer in use of the student's model, run on this picture (modelSession.ts).
    const key = `${source.own ? `own${source.own.id}` : source.photo}|model|${++keyCounter}`;
    const [rgba, r] = await Promise.all([
      loadPicture(source.own?.blob ?? photoUrl(source.photo), SIZE, SIZE),
      modelTrainFeatures(key, source.own?.blob ?? photoUrl(source.photo), { height: TRAIN_MAP, width: TRAIN_MAP }, signal),
    ]);
    return { key, rgba, channels: r.channels, layer: r.layer };
  }
  const [rgba, , bank] = await Promise.all([
    loadPicture(source.own?.blob ?? photoUrl(source.photo), SIZE, SIZE),
    // With two workers, the second takes half of every re-train: linked first, so the
    // features reach it as they are made (again after a worker was replaced).
    linkEnginePeers(),
    // The features need the first layer; filter 0's part of the prototypes makes the layer a learned one.
    input === 'learned' ? loadBankFor(0) : Promise.resolve(undefined),
  ]);
  if (signal.aborted) throw new DOMException('superseded', 'AbortError');
  const key = `${source.own ? `own${source.own.id}` : source.photo}|${input}|${seed}|${++keyCounter}`;
  const r = await engineRequest('trainFeatures', { key, input, seed, height: TRAIN_MAP, width: TRAIN_MAP, photo: { rgba: rgba.slice(), width: SIZE, height: SIZE }, bank }, { signal });
  return { key, rgba, channels: r.channels };
}

const message = (e: unknown) => (e instanceof EngineError || e instanceof Error ? e.message : String(e));

interface Features { readonly key: string; readonly rgba: Uint8ClampedArray; readonly channels: number; readonly layer?: { height: number; width: number } | undefined; readonly forSource: string }
interface Trained { readonly result: TrainResult; readonly strokes: readonly Stroke[]; readonly classes: number; readonly featuresKey: string }

/** `modelTag` names the model layer in use ('' for none): its input is the features when `input` is 'model'. */
export function useTrainer(source: PictureSource, input: TrainInput, seed: number, strokes: readonly Stroke[], classes: number, modelTag = ''): TrainerState {
  // Everything here is what the engine answered, each tagged with the request it answers;
  // the state shown is derived from the tags and the current request (no state set in effects).
  const [features, setFeatures] = useState<Features | null>(null);
  const [trained, setTrained] = useState<Trained | null>(null);
  const [runs, setRuns] = useState<{ key: string; runs: readonly TrainRun[] }>({ key: '', runs: [] });
  const [error, setError] = useState<{ message: string; for: unknown } | null>(null);
  // Bumped when the worker lost the features (a new worker after a crash): they are made again.
  const [epoch, setEpoch] = useState(0);
  const needsModel = input === 'model' && !modelTag;
  const sourceKey = `${source.photo}|${source.own?.id ?? ''}|${input}|${seed}|${input === 'model' ? modelTag : ''}|${epoch}`;
  const latest = useRef(source);
  useEffect(() => {
    latest.current = source;
  });

  useEffect(() => {
    if (needsModel) return;
    const controller = new AbortController();
    const attempt = (left: number): Promise<void> => makeFeatures(latest.current, input, seed, controller.signal).then(
      ({ key, rgba, channels, layer }) => {
        if (!controller.signal.aborted) setFeatures({ key, rgba, channels, layer, forSource: sourceKey });
      },
      (e: unknown) => {
        if (controller.signal.aborted || isAbortError(e)) return;
        if (left > 0 && isRetryable(e)) return attempt(left - 1);
        setError({ message: message(e), for: sourceKey });
      },
    );
    void attempt(2);
    return () => controller.abort();
    // sourceKey names everything the features depend on (needsModel follows from it).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sourceKey]);

  // Waiting for a model layer, the photo is still shown (strokes can be painted on it meanwhile).
  const [preview, setPreview] = useState<{ rgba: Uint8ClampedArray; for: string } | null>(null);
  useEffect(() => {
    if (!needsModel) return;
    let live = true;
    const s = latest.current;
    loadPicture(s.own?.blob ?? photoUrl(s.photo), SIZE, SIZE).then((rgba) => { if (live) setPreview({ rgba, for: sourceKey }); }, () => {});
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sourceKey]);

  const ready = features?.forSource === sourceKey ? features : null;
  const featuresKey = ready?.key ?? null;
  const painted = strokes.some((s) => s.cls >= 0);
  useEffect(() => {
    if (!featuresKey || !painted) return;
    const controller = new AbortController();
    engineRequest('train', { featuresKey, classes, strokes, decay: TRAIN_DECAY, maxIterations: TRAIN_ITERATIONS, warmStart: true }, { signal: controller.signal, silenceMs: LIVELY_SILENT_MS }).then(
      (result) => {
        if (controller.signal.aborted) return;
        setTrained({ result, strokes, classes, featuresKey });
        const run = { loss: result.loss, accuracy: result.accuracy, heldOut: result.heldOutAccuracy };
        setRuns((old) => ({ key: featuresKey, runs: [...(old.key === featuresKey ? old.runs : []), run].slice(-RUNS) }));
      },
      (e: unknown) => {
        if (controller.signal.aborted || isAbortError(e)) return;
        if ((e instanceof EngineError && e.code === 'cache-miss') || isRetryable(e)) {
          setEpoch((n) => n + 1);
          return;
        }
        setError({ message: message(e), for: strokes });
      },
    );
    return () => controller.abort();
  }, [featuresKey, painted, strokes, classes]);

  const failed = error && (error.for === sourceKey || error.for === strokes) ? error.message : null;
  const current = trained && painted && trained.featuresKey === featuresKey ? trained : null;
  const status = needsModel ? 'no-model' : failed ? 'error' : !ready ? 'features' : painted && current?.strokes !== strokes ? 'training' : 'idle';
  return {
    rgba: ready?.rgba ?? (needsModel && preview?.for === sourceKey ? preview.rgba : null) ?? features?.rgba ?? null,
    featuresKey,
    channels: ready?.channels ?? 0,
    layer: ready?.layer ?? null,
    status,
    error: failed,
    result: current?.result ?? null,
    resultClasses: current?.classes ?? classes,
    runs: runs.key === featuresKey ? runs.runs : [],
  };
}
