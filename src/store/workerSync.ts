/**
 * Keeps results in step with the configuration, outside React: a new shape or seed makes
 * new data and recomputes; a bias or ReLU toggle only recomputes. A newer job aborts the
 * older one, whose late answer is dropped.
 */
import type { LayerData } from '../engine/layerData';
import { coutCinWeights, hwcTensor } from '../engine/tensor';
import { EngineError, isAbortError, type EngineClient } from '../worker/client';
import type { AppStore } from './index';
import { checkShape } from '../lib/limits';
import { userDataFits, type LayerConfig, type UserData } from './slices/config';
import type { View } from './slices/ui';

const dataKey = (c: LayerConfig, u: UserData | null) => `${c.height}×${c.width}×${c.inChannels}→${c.outChannels}#${c.seed}${u ? `|user${u.id}` : ''}`;
const outputKey = (c: LayerConfig, u: UserData | null) => `${dataKey(c, u)}|${c.useBias}|${c.useRelu}`;

/** Resolves after the browser has painted the next frame (a macrotask outside browsers). */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });
}

export function startWorkerSync(store: AppStore, client: EngineClient): () => void {
  let controller: AbortController | null = null;
  let dataFor = '';
  let outputFor = '';

  async function sync(config: LayerConfig): Promise<void> {
    const fitting = store.getState().userData;
    const user = fitting && userDataFits(fitting, config) ? fitting : null;
    if (outputKey(config, user) === outputFor) return;
    if (checkShape(config)) return; // the form shows the problem; keep the last good view
    controller?.abort();
    const own = new AbortController();
    controller = own;
    const signal = own.signal;
    try {
      let data = store.getState().data;
      if (dataKey(config, user) !== dataFor || !data) {
        store.setState({ job: { status: 'generating', progress: 0 } });
        performance.mark('pointwise:generate-start');
        const { height, width, inChannels, outChannels, seed } = config;
        // The student's tensors replace the seeded ones they stand for; seeded data is made
        // only when something is left to fill in.
        const complete = user?.input && user.weights && user.bias;
        const r = complete ? null : await client.request('generate', { shape: { height, width, inChannels, outChannels }, seed }, { signal });
        data = {
          input: user?.input ?? hwcTensor(height, width, inChannels, r!.input),
          weights: user?.weights ?? coutCinWeights(outChannels, inChannels, r!.weights),
          bias: user?.bias ?? r!.bias,
        } satisfies LayerData;
        performance.mark('pointwise:data');
        dataFor = dataKey(config, user);
        outputFor = '';
        store.setState({ data, output: null });
        store.getState().setCursor({});
        // Let the new data reach the screen before the workers take both cores: the first
        // scenes need only the data, so the student can start stepping at once.
        await afterNextPaint();
        if (signal.aborted) return;
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
      outputFor = outputKey(config, user);
      store.setState({
        output: r.output,
        outputDomain: { lo: -(r.absMax || 1), hi: r.absMax || 1 },
        job: { status: 'done', progress: 1, computeMs: r.computeMs, workers: client.isFallback ? 0 : r.workers },
      });
    } catch (e) {
      if (isAbortError(e)) return;
      const message = e instanceof EngineError || e instanceof Error ? e.message : String(e);
      store.setState({ job: { status: 'error', progress: 0, error: message } });
    }
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
