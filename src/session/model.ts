/**
 * The student's model on the page side, outside React (so it survives the panel closing):
 * reads the file in steps with progress, hands it to the worker, lists the 1×1 layers for an
 * input size, and runs the model up to one of them on a picture. When the worker no longer
 * holds the model (it was restarted after a crash) the file is sent again and the job retried.
 */
import { createStore } from 'zustand/vanilla';
import { MAX_MODEL_BYTES } from '../engine/core/limits';
import type { Preprocessing } from '../engine/onnx/preprocess';
import { loadPicture } from '../lib/loadPicture';
import { EngineError } from '../worker/connection';
import type { ModelLayer, ModelLayerResult, ModelOpenResult } from '../worker/modelProtocol';
import type { ResultOf } from '../worker/protocol';
import { yieldTask } from '../worker/yieldTask';
import { engineRequest, linkEnginePeers } from './engine';
import { abortError, errorMessage, isAbortError, withRecovery } from './recovery';

export const INPUT_SIZES = [64, 96, 128, 160, 192, 224, 256, 320, 384, 448, 512] as const;
export const DEFAULT_INPUT_SIZE = 224;

export type ModelSummary = Extract<ModelOpenResult, { status: 'read' }> & { readonly fileName: string; readonly fileBytes: number };
export type Phase = 'idle' | 'reading' | 'parsing' | 'listing' | 'ready' | 'running';
export interface Problem { readonly code: string; readonly detail: string; readonly name?: string | undefined }
/** The layer taken from the model, the picture as the model was given it (cut and scaled to its input size), and its preprocessing. */
export type UsedLayer = Extract<ModelLayerResult, { status: 'ok' }> & { readonly node: string; readonly picture: Crop; readonly preprocessing: Preprocessing };
export interface Crop { readonly rgba: Uint8ClampedArray; readonly width: number; readonly height: number }

export interface ModelSession {
  readonly phase: Phase;
  readonly progress: number;
  readonly summary: ModelSummary | null;
  readonly layers: readonly ModelLayer[];
  /** Input size asked for when the model leaves it open. */
  readonly size: number;
  readonly problem: Problem | null;
  /** The last layer taken from the model. */
  readonly used: UsedLayer | null;
}

export const modelSession = createStore<ModelSession>(() => ({ phase: 'idle', progress: 0, summary: null, layers: [], size: DEFAULT_INPUT_SIZE, problem: null, used: null }));

let file: File | null = null;
let key = '';
let opened = 0;
let controller: AbortController | null = null;

const set = (patch: Partial<ModelSession>) => modelSession.setState(patch);

function fresh(): AbortSignal {
  controller?.abort();
  controller = new AbortController();
  return controller.signal;
}

/** The file's bytes, read a chunk at a time so the page shows progress (and never stops). */
async function readBytes(f: File, signal: AbortSignal): Promise<ArrayBuffer> {
  if (!f.stream) return f.arrayBuffer();
  const out = new Uint8Array(f.size);
  const reader = f.stream().getReader();
  let at = 0, since = performance.now();
  for (;;) {
    // Chunks already read arrive as resolved promises, one after another in the same task:
    // every 8 ms the loop lets the page run (and shows the progress), so it never stops.
    if (performance.now() - since > 8) {
      set({ progress: at / Math.max(1, f.size) });
      await yieldTask();
      since = performance.now();
    }
    const { done, value } = await reader.read();
    if (done) break;
    if (signal.aborted) {
      void reader.cancel();
      throw abortError();
    }
    if (at + value.length > out.length) throw new EngineError('bad-request', 'the file grew while it was read');
    out.set(value, at);
    at += value.length;
  }
  set({ progress: 1 });
  return out.buffer;
}

/** Sends the held file to the worker under a new key. */
async function sendModel(signal: AbortSignal): Promise<ModelOpenResult> {
  set({ phase: 'reading', progress: 0 });
  const bytes = await readBytes(file!, signal);
  set({ phase: 'parsing', progress: 0 });
  // Both workers share the model's large convolutions (linked again after a worker was replaced).
  await linkEnginePeers();
  key = `${file!.name}#${++opened}`;
  return engineRequest('modelOpen', { bytes, key }, { transfer: [bytes], signal, onProgress: (progress) => set({ progress }) });
}

/** Runs `job`; if the worker lost the model (a new worker, or it died), sends the file again and runs it once more. */
function withModel<T>(job: () => Promise<T>, signal: AbortSignal): Promise<T> {
  return withRecovery(job, {
    retries: 1,
    retryOn: ['cache-miss', 'worker-failed'],
    beforeRetry: async (e) => {
      if (!file) throw e;
      const r = await sendModel(signal);
      if (r.status !== 'read') throw new EngineError('engine-error', r.code);
    },
  });
}

function fail(e: unknown, phase: Phase) {
  if (isAbortError(e)) return;
  set({ phase, progress: 0, problem: { code: 'engine', detail: errorMessage(e) } });
}

/** Opens a model file; the one before stays in use until this one is read. */
export async function openModel(f: File): Promise<void> {
  if (f.size > MAX_MODEL_BYTES) {
    set({ problem: { code: 'file-too-large', detail: `${f.name}|${f.size}` } });
    return;
  }
  const signal = fresh();
  const before = { file, summary: modelSession.getState().summary };
  file = f;
  set({ problem: null });
  try {
    const r = await sendModel(signal);
    if (r.status === 'refused') {
      // The file is refused: the previous model (if any) has gone from the worker, so it is sent again on next use.
      file = before.file;
      set({ phase: before.summary ? 'ready' : 'idle', progress: 0, problem: { code: r.code, detail: r.detail, name: f.name } });
      return;
    }
    set({ summary: { ...r, fileName: f.name, fileBytes: f.size }, layers: [], used: null });
    await listLayers(modelSession.getState().size, signal);
  } catch (e) {
    file = before.file;
    fail(e, before.summary ? 'ready' : 'idle');
  }
}

/** Lists the 1×1 layers with the map sizes they see for a size×size input. */
export async function listLayers(size: number, signal = fresh()): Promise<void> {
  if (!file) return;
  set({ phase: 'listing', size });
  try {
    const { layers } = await withModel(() => engineRequest('modelLayers', { key, height: size, width: size }, { signal }), signal);
    set({ phase: 'ready', progress: 0, layers });
  } catch (e) {
    fail(e, 'ready');
  }
}

export interface UseRequest {
  readonly node: string;
  readonly picture: string | Blob;
  readonly height: number;
  readonly width: number;
  readonly preprocessing: Preprocessing;
  readonly fold: boolean;
}

/** Runs the model up to `node` on the picture; resolves with the layer, or null (the problem is in the session). */
export async function runToLayer(r: UseRequest): Promise<UsedLayer | null> {
  if (!file) return null;
  const signal = fresh();
  set({ phase: 'running', progress: 0, problem: null });
  try {
    const rgba = await loadPicture(r.picture, r.width, r.height);
    // A worker replaced since the model was opened is linked again (the lead drops a helper that fails).
    await linkEnginePeers();
    const result = await withModel(() => engineRequest('modelLayer', {
      key, node: r.node, rgba: rgba.slice(), width: r.width, height: r.height, preprocessing: r.preprocessing, fold: r.fold,
    }, { signal, onProgress: (progress) => set({ progress }) }), signal);
    if (result.status === 'refused') {
      set({ phase: 'ready', progress: 0, problem: { code: result.code, detail: result.detail } });
      return null;
    }
    const used = { ...result, node: r.node, picture: { rgba, width: r.width, height: r.height }, preprocessing: r.preprocessing };
    set({ phase: 'ready', progress: 1, used });
    return used;
  } catch (e) {
    fail(e, 'ready');
    return null;
  }
}

/**
 * The Train page's features from the layer in use: the model run on `picture` (at the size and
 * with the preprocessing the layer was used with) to that layer's input, kept in the worker as
 * `trainKey` on a height×width grid. Sends the file again if the worker lost the model.
 */
export async function modelTrainFeatures(trainKey: string, picture: string | Blob, grid: { height: number; width: number }, signal: AbortSignal): Promise<ResultOf<'trainFeatures'>> {
  const used = modelSession.getState().used;
  if (!file || !used) throw new EngineError('bad-request', 'no model layer in use');
  const { width, height } = used.picture;
  const rgba = await loadPicture(picture, width, height);
  await linkEnginePeers();
  return withModel(() => engineRequest('trainFeatures', {
    key: trainKey, input: 'model', seed: 0, ...grid, model: { key, node: used.node, rgba: rgba.slice(), width, height, preprocessing: used.preprocessing },
  }, { signal }), signal);
}
