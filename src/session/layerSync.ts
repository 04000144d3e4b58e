/**
 * Keeps results in step with the configuration, outside React: a new shape or seed makes
 * new data and recomputes; a bias or ReLU toggle only recomputes. A newer job aborts the
 * older one, whose late answer is dropped.
 */
import { coutCinWeights, hwcTensor } from '../engine/core/tensor';
import { quantileSymmetricDomain } from '../lib/colormap';
import { loadBankFor, loadLearnedBank, type BankFiles } from '../lib/learnedBank';
import { loadPicture } from '../lib/loadPicture';
import { photoUrl } from '../lib/photoIds';
import { checkShape } from '../engine/core/limits';
import type { AppStore } from '../store/index';
import { userDataFits, type LayerConfig, type UserData } from '../store/slices/config';
import type { LayerSnapshot, PhotoPixels } from '../store/slices/results';
import type { View } from '../store/slices/ui';
import type { EngineClient } from '../worker/client';
import { LIVELY_SILENT_MS } from '../worker/connection';
import { yieldTask } from '../worker/yieldTask';
import { errorMessage, isAbortError, withRecovery } from './recovery';

const dataKey = (c: LayerConfig, u: UserData | null) => `${c.height}×${c.width}×${c.inChannels}→${c.outChannels}#${c.seed}|${c.image}|${c.filters}${u ? `|user${u.id}` : ''}`;

/** How the sync gets pictures and the learned bank (the browser's by default; tests pass their own). */
export interface SourceLoaders {
  /** RGBA bytes of a picture (a URL or the student's file) scaled to width×height. */
  picture(source: string | Blob, width: number, height: number): Promise<Uint8ClampedArray>;
  /** The whole learned bank. */
  bank(): Promise<BankFiles>;
  /** What the first view of filter k needs of the bank (without it, the whole bank comes first). */
  bankFor?(k: number): Promise<BankFiles>;
}

const BROWSER_LOADERS: SourceLoaders = { picture: loadPicture, bank: loadLearnedBank, bankFor: loadBankFor };
const outputKey = (c: LayerConfig, u: UserData | null) => `${dataKey(c, u)}|${c.useBias}|${c.useRelu}`;

/** Resolves after the browser has painted the next frame (a macrotask outside browsers). */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });
}

/** Resolves when scene 0 or 2 has drawn `data`, the page shows something else, `signal` aborts, or after 5 s. */
function shown(store: AppStore, data: LayerSnapshot, signal: AbortSignal): Promise<void> {
  const done = () => {
    const s = store.getState();
    return s.shownData === data || s.view !== 'walkthrough' || (s.scene !== 2 && s.scene !== 0) || signal.aborted;
  };
  if (done()) return Promise.resolve();
  return new Promise((resolve) => {
    const finish = () => { stop(); clearTimeout(timer); signal.removeEventListener('abort', finish); resolve(); };
    const stop = store.subscribe(() => { if (done()) finish(); });
    const timer = setTimeout(finish, 5000);
    signal.addEventListener('abort', finish);
  });
}

export function startLayerSync(store: AppStore, client: EngineClient, loaders: SourceLoaders = BROWSER_LOADERS): () => void {
  let controller: AbortController | null = null;
  let dataFor = '';
  let outputFor = '';
  /** The status of the last finished pass (the one whose output is in the store). */
  let doneJob: ReturnType<AppStore['getState']>['job'] | null = null;

  /** Times a job is run again after its worker failed (each failure starts a new worker or the main thread). */
  const RETRIES = 3;

  /** Which of the student's data fits `config` now (read again on every attempt). */
  function fittingUser(config: LayerConfig): UserData | null {
    const fitting = store.getState().userData;
    return fitting && userDataFits(fitting, config) ? fitting : null;
  }

  async function sync(config: LayerConfig): Promise<void> {
    if (outputKey(config, fittingUser(config)) === outputFor) {
      // Back to the layer already on screen (a link or Back while another was being made):
      // the job for the other layer stops, so it cannot replace this one when it finishes.
      if (controller && !controller.signal.aborted) {
        controller.abort();
        if (doneJob) store.setState({ job: doneJob });
      }
      return;
    }
    if (checkShape(config)) return; // the form shows the problem; keep the last good view
    controller?.abort();
    const own = new AbortController();
    controller = own;
    const signal = own.signal;
    try {
      // The worker died under this job: the client has started another (or moved to the main
      // thread); the same job runs again there, and the student sees it finish.
      await withRecovery(() => make(config, fittingUser(config), signal), { retries: RETRIES, signal });
    } catch (e) {
      if (isAbortError(e) || signal.aborted) return;
      store.setState({ job: { status: 'error', progress: 0, error: errorMessage(e) } });
    }
  }

  /** Makes the layer's data if `config` or the student's data asks for new data, then its output. */
  async function make(config: LayerConfig, user: UserData | null, signal: AbortSignal): Promise<void> {
    let data = store.getState().data;
    if (dataKey(config, user) !== dataFor || !data) {
      store.setState({ job: { status: 'generating', progress: 0 } });
      performance.mark('pointwise:generate-start');
      const { height, width, inChannels, outChannels, seed } = config;
      // The student's tensors replace the ones they stand for; the rest is made from the
      // photo (or the student's picture) or the seed, only when something is left to fill in.
      const complete = user?.input && user.weights && user.bias;
      const source = user?.picture ?? (config.image === 'noise' ? null : photoUrl(config.image));
      let photo: PhotoPixels | undefined;
      let bank: BankFiles | undefined;
      if (!complete && source) {
        // The workers boot (script, compile) while the photo and the bank download.
        client.prepare();
        const size = { width: 4 * width, height: 4 * height };
        // Scenes 0 and 2 start with one filter: the bank in two steps there, the first layer and
        // the part that holds the filter, then the rest. Every other view needs every filter at once.
        const { view, scene, cursor } = store.getState();
        const bankFor = view === 'walkthrough' && (scene === 0 || scene === 2) ? loaders.bankFor : undefined;
        const bankFirst = () => (bankFor ? bankFor(cursor.filterIndex) : loaders.bank());
        [photo, bank] = await Promise.all([
          loaders.picture(source, size.width, size.height).then((rgba) => ({ rgba, ...size })),
          config.filters === 'learned' ? bankFirst() : Promise.resolve(undefined),
        ]);
        if (signal.aborted) return;
      }
      const r = complete ? null : await client.request('generate', {
        shape: { height, width, inChannels, outChannels }, seed, filters: config.filters, bank,
        // A copy goes to the worker; the page keeps the photo for its receptive-field crops.
        photo: photo && { ...photo, rgba: photo.rgba.slice() },
      }, { signal, silenceMs: LIVELY_SILENT_MS });
      data = {
        input: user?.input ?? hwcTensor(height, width, inChannels, r!.input),
        weights: user?.weights ?? coutCinWeights(outChannels, inChannels, r!.weights),
        bias: user?.bias ?? r!.bias,
        filterKind: user?.weights ? 'user' : r!.filterKind,
        firstFilters: user?.input ? undefined : r?.firstFilters,
        photo: user?.input ? undefined : photo,
        filters: r?.filters,
        inputSummary: user?.input ? undefined : r?.inputSummary,
      } satisfies LayerSnapshot;
      performance.mark('pointwise:data');
      outputFor = '';
      store.setState({ data, output: null });
      store.getState().setCursor({});
      // Let the new data reach the screen before the workers take both cores: the first
      // scenes need only the data, so the student can start stepping at once.
      await afterNextPaint();
      if (signal.aborted) return;
      if (data.filters) {
        // Made from part of the bank: once scene 2 has drawn it (or the student has gone
        // elsewhere), the rest comes, and every filter is made from it (the same numbers,
        // filter by filter); the input and the cursor stay.
        await shown(store, data, signal);
        const all = await loaders.bank();
        if (signal.aborted) return;
        const w = await client.request('learnedWeights', { inChannels, outChannels, bank: all }, { signal });
        data = { ...data, weights: coutCinWeights(outChannels, inChannels, w.weights), bias: w.bias, filters: undefined };
        performance.mark('pointwise:bank');
        store.setState({ data });
      }
      dataFor = dataKey(config, user);
    }
    store.setState({ job: { status: 'computing', progress: 0 } });
    const r = await client.forward(
      {
        height: config.height, width: config.width, inChannels: config.inChannels, outChannels: config.outChannels,
        input: data.input.data, weights: data.weights.data, bias: config.useBias ? data.bias : undefined, relu: config.useRelu,
        cacheKey: dataFor,
      },
      { signal, onProgress: (progress) => store.setState({ job: { status: 'computing', progress } }) },
    );
    // A photo's outputs (and a real model's) have a few large values: its colours span the
    // 99.5th percentile of |output| (values beyond show at full colour); synthetic data keeps the full range.
    const domain = data.photo || user?.provenance ? quantileSymmetricDomain(r.output, 0.995) : { lo: -(r.absMax || 1), hi: r.absMax || 1 };
    // The views draw the output in the next task (the quantile alone is 9 ms here, 36 ms at 4× CPU).
    await yieldTask();
    if (signal.aborted) return;
    outputFor = outputKey(config, user);
    doneJob = { status: 'done', progress: 1, computeMs: r.computeMs, workers: client.isFallback ? 0 : r.workers, nonFinite: r.nonFinite };
    store.setState({ output: r.output, outputDomain: domain, job: doneJob });
  }

  // Only the walkthrough and the explorer show this layer: a concept page opened from a link
  // leaves the workers free for its own requests.
  const needsLayer = (v: View) => v === 'walkthrough' || v === 'explorer';
  if (needsLayer(store.getState().view)) void sync(store.getState().config);
  const unsubscribe = store.subscribe((s, prev) => {
    if ((s.config !== prev.config || s.view !== prev.view || s.userData !== prev.userData) && needsLayer(s.view)) void sync(s.config);
  });
  return () => {
    unsubscribe();
    controller?.abort();
  };
}
