import { afterEach, describe, expect, it } from 'vitest';
import { generateLayerData, pointwiseConv } from '../../../src/engine';
import { createAppStore } from '../../../src/store';
import { startLayerSync } from '../../../src/session/layerSync';
import { EngineClient } from '../../../src/worker/client';
import { EngineError, isRetryable } from '../../../src/worker/connection';
import { serve } from '../../../src/worker/handler';
import type { Endpoint } from '../../../src/worker/protocol';

/** The real handler behind a MessageChannel. */
function goodWorker(): Endpoint {
  const channel = new MessageChannel();
  serve(channel.port2 as unknown as Endpoint);
  channel.port2.start();
  return channel.port1 as unknown as Endpoint;
}

/**
 * A worker that dies as a browser reports it (an 'error' event on the Worker): at once, as a
 * script that 404s or does not parse, or on its first request, as one whose code throws.
 */
function failingWorker(when: 'start' | 'request', log: string[]): Endpoint {
  const listeners = new Map<string, ((e: Event) => void)[]>();
  const fire = (type: string) => queueMicrotask(() => listeners.get(type)?.forEach((l) => l(Object.assign(new Event(type), { message: 'boom' }))));
  if (when === 'start') setTimeout(() => fire('error'), 0);
  return {
    postMessage: (msg: unknown) => { if ((msg as { type?: string }).type !== 'cancel' && when === 'request') fire('error'); },
    addEventListener: (type: string, l: (e: Event) => void) => { listeners.set(type, [...(listeners.get(type) ?? []), l]); },
    removeEventListener: () => {},
    terminate: () => { log.push('terminated'); },
  } as unknown as Endpoint;
}

const clients: EngineClient[] = [];
afterEach(() => clients.splice(0).forEach((c) => c.dispose()));

const shape = { height: 6, width: 5, inChannels: 7, outChannels: 9 };

describe('EngineClient when a worker fails', () => {
  it('rejects the request with a retryable worker-failed error, starts the worker again, and the retry succeeds', async () => {
    const log: string[] = [];
    let made = 0;
    const respawned: string[] = [];
    const client = new EngineClient({
      workers: 1,
      createWorker: () => (made++ === 0 ? failingWorker('request', log) : goodWorker()),
      createFallback: goodWorker,
      onRespawn: (r) => respawned.push(r),
    });
    clients.push(client);
    const first = await client.request('generate', { shape, seed: 2 }).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(EngineError);
    expect(isRetryable(first)).toBe(true);
    expect(log).toEqual(['terminated']);
    expect(respawned).toEqual(['boom']);
    const again = await client.request('generate', { shape, seed: 2 });
    expect(Array.from(again.weights)).toEqual(Array.from(generateLayerData(shape, 2).weights.data));
    expect(client.isFallback).toBe(false);
  });

  it('after repeated failures (a script that never loads) moves to the main thread, failing what the workers held', async () => {
    const log: string[] = [];
    let fallbackReason = '';
    const client = new EngineClient({
      workers: 2,
      createWorker: () => failingWorker('start', log),
      createFallback: goodWorker,
      onFallback: (r) => { fallbackReason = r; },
    });
    clients.push(client);
    let result: unknown;
    for (let i = 0; i < 5 && !(result instanceof Object && 'weights' in result); i++) {
      result = await client.request('generate', { shape, seed: 3 }).catch((e: unknown) => e);
    }
    expect(client.isFallback).toBe(true);
    expect(fallbackReason).toMatch(/failed 3 times/);
    expect((result as { weights: Float32Array }).weights.length).toBe(9 * 7);
  });
});

describe('the layer sync finishes the layer whatever the workers do', () => {
  const config = { ...shape, seed: 4, useBias: true, useRelu: false, image: 'noise', filters: 'random' } as const;
  const want = () => {
    const d = generateLayerData(shape, 4);
    return pointwiseConv(d.input, { weights: d.weights, bias: d.bias, relu: false }).data;
  };
  const done = (store: ReturnType<typeof createAppStore>) => new Promise<void>((resolve, reject) => {
    const check = () => {
      const { job } = store.getState();
      if (job.status === 'done') resolve();
      if (job.status === 'error') reject(new Error(job.error));
    };
    store.subscribe(check);
    check();
  });

  for (const [name, make] of [
    ['a worker whose code throws on its first job', (log: string[]) => { let n = 0; return () => (n++ === 0 ? failingWorker('request', log) : goodWorker()); }],
    ['workers whose script cannot load (404): the main thread takes over', (log: string[]) => () => failingWorker('start', log)],
  ] as const) {
    it(`${name}: the job runs again and the right map arrives, with no stuck status`, async () => {
      const store = createAppStore();
      store.setState({ config, view: 'walkthrough' });
      const client = new EngineClient({ workers: 2, splitMinMultiplyAdds: 0, createWorker: make([]), createFallback: goodWorker });
      clients.push(client);
      const stop = startLayerSync(store, client);
      await done(store);
      expect(Array.from(store.getState().output!)).toEqual(Array.from(want()));
      stop();
    });
  }
});

describe('the layer sync when the shape goes there and back (Back during a recompute)', () => {
  it('stops the job for the other shape, so it cannot replace the layer on screen, and the status is done again', async () => {
    const store = createAppStore();
    const config = { ...shape, seed: 4, useBias: true, useRelu: false, image: 'noise', filters: 'random' } as const;
    store.setState({ config, view: 'walkthrough' });
    const client = new EngineClient({ workers: 1, createWorker: goodWorker, createFallback: goodWorker });
    clients.push(client);
    const stop = startLayerSync(store, client);
    const settled = () => new Promise<void>((resolve) => {
      const check = () => { if (store.getState().job.status === 'done') resolve(); };
      store.subscribe(check);
      check();
    });
    await settled();
    const before = store.getState().data;
    // Another Cout (the new data is being made) and straight back, before it arrives.
    store.getState().setConfig({ outChannels: 5 });
    expect(store.getState().job.status).toBe('generating');
    store.getState().setConfig({ outChannels: shape.outChannels });
    expect(store.getState().job.status).toBe('done');
    await new Promise((r) => setTimeout(r, 300));
    // The layer on screen is still the one for this shape (the aborted job's data never came).
    expect(store.getState().data).toBe(before);
    expect(store.getState().data!.weights.outChannels).toBe(shape.outChannels);
    expect(store.getState().job.status).toBe('done');
    stop();
  });
});

describe('the watchdog (issue #17 §2)', () => {
  it('a worker that goes silent (closed, killed) is replaced after the job’s silence bound, and the job runs again', async () => {
    const log: string[] = [];
    let made = 0;
    // It said it was up (as a worker script does when it starts), then nothing more.
    const silent: Endpoint = {
      postMessage: () => {}, removeEventListener: () => {},
      addEventListener: (type: string, l: (e: MessageEvent) => void) => { if (type === 'message') l(new MessageEvent('message', { data: { id: 0, alive: true } })); },
      terminate: () => { log.push('terminated'); },
    } as unknown as Endpoint;
    const client = new EngineClient({ workers: 1, createWorker: () => (made++ === 0 ? silent : goodWorker()), createFallback: goodWorker });
    clients.push(client);
    const started = Date.now();
    const first = await client.request('generate', { shape, seed: 2 }, { silenceMs: 600 }).catch((e: unknown) => e);
    const waited = Date.now() - started;
    expect(isRetryable(first)).toBe(true);
    expect((first as Error).message).toMatch(/stopped answering/);
    expect(waited).toBeGreaterThanOrEqual(600);
    expect(waited).toBeLessThan(3000);
    expect(log).toEqual(['terminated']);
    const again = await client.request('generate', { shape, seed: 2 }, { silenceMs: 600 });
    expect(again.bias.length).toBe(9);
  });

  it('a worker that has not said a word yet (its script still loading) gets SILENT_MS, not the job’s short bound', async () => {
    const mute = { postMessage: () => {}, addEventListener: () => {}, removeEventListener: () => {}, terminate: () => {} } as unknown as Endpoint;
    const client = new EngineClient({ workers: 1, createWorker: () => mute, createFallback: goodWorker });
    clients.push(client);
    const outcome = await Promise.race([
      client.request('generate', { shape, seed: 2 }, { silenceMs: 300 }).then(() => 'answered', (e: unknown) => (e as Error).message),
      new Promise((r) => setTimeout(() => r('still waiting'), 1500)),
    ]);
    expect(outcome).toBe('still waiting');
  });

  it('a worker whose Web Lock is released (it closed itself) is replaced at once, and the job runs again', async () => {
    // The page's side of the lock: granted when the worker's holder lets go.
    let letGo: () => void = () => {};
    const held = new Promise<void>((r) => { letGo = r; });
    const locks = { request: (_name: string, cb: () => unknown) => held.then(cb) };
    const restore = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    Object.defineProperty(globalThis, 'navigator', { value: { locks }, configurable: true });
    try {
      let made = 0;
      const log: string[] = [];
      const closing: Endpoint = {
        postMessage: () => {}, removeEventListener: () => {},
        addEventListener: (type: string, l: (e: MessageEvent) => void) => { if (type === 'message') l(new MessageEvent('message', { data: { id: 0, alive: true, lock: 'w1' } })); },
        terminate: () => { log.push('terminated'); },
      } as unknown as Endpoint;
      const client = new EngineClient({ workers: 1, createWorker: () => (made++ === 0 ? closing : goodWorker()), createFallback: goodWorker });
      clients.push(client);
      const started = Date.now();
      const pending = client.request('generate', { shape, seed: 2 }).catch((e: unknown) => e);
      setTimeout(letGo, 50);
      const first = await pending;
      expect(isRetryable(first)).toBe(true);
      expect((first as Error).message).toMatch(/closed/);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(log).toEqual(['terminated']);
      expect((await client.request('generate', { shape, seed: 2 })).bias.length).toBe(9);
      expect(client.isFallback).toBe(false);
    } finally {
      if (restore) Object.defineProperty(globalThis, 'navigator', restore);
      else delete (globalThis as { navigator?: unknown }).navigator;
    }
  });

  it('a busy worker that keeps reporting progress is not taken for dead', async () => {
    const client = new EngineClient({ workers: 1, createWorker: goodWorker, createFallback: goodWorker });
    clients.push(client);
    // About a second of work in ~50 ms chunks, each reported; the bound (400 ms) is far shorter than the job.
    const big = { height: 96, width: 96, inChannels: 512, outChannels: 512 };
    const d = generateLayerData(big, 1);
    let progress = 0;
    const started = Date.now();
    const r = await client.request('forward', { ...big, input: d.input.data, weights: d.weights.data, relu: false }, { silenceMs: 400, onProgress: () => progress++ });
    expect(Date.now() - started).toBeGreaterThan(400);
    expect(r.output.length).toBe(96 * 96 * 512);
    expect(progress).toBeGreaterThan(5);
  });
});

describe('serve(endpoint, { heartbeatMs })', () => {
  it('says it is alive (id 0) between the steps of a long photo-free layer, and still answers with the same layer', async () => {
    const channel = new MessageChannel();
    serve(channel.port2 as unknown as Endpoint, { heartbeatMs: 1 });
    channel.port2.start();
    const big = { height: 64, width: 64, inChannels: 256, outChannels: 256 };
    const beats: unknown[] = [];
    const reply = new Promise<{ ok: boolean; result: { bias: Float32Array; weights: Float32Array } }>((resolve) => {
      channel.port1.addEventListener('message', (e: MessageEvent) => {
        const m = e.data as { id: number; ok?: boolean };
        if (m.id === 0) beats.push(m);
        else if ('ok' in m) resolve(m as never);
      });
    });
    channel.port1.start();
    channel.port1.postMessage({ id: 7, type: 'generate', params: { shape: big, seed: 4 } });
    const r = await reply;
    channel.port1.close();
    expect(r.ok).toBe(true);
    expect(beats.length).toBeGreaterThan(0);
    expect(beats.every((b) => JSON.stringify(b) === JSON.stringify({ id: 0, alive: true }))).toBe(true);
    expect(Array.from(r.result.weights.subarray(0, 8))).toEqual(Array.from(generateLayerData(big, 4).weights.data.subarray(0, 8)));
  });
});

describe('serve(endpoint, { heartbeatMs }) while training', () => {
  it('says it is alive between the steps of a long re-train, and answers with it', async () => {
    const channel = new MessageChannel();
    serve(channel.port2 as unknown as Endpoint, { heartbeatMs: 1 });
    channel.port2.start();
    const beats: unknown[] = [];
    let answer: (m: { id: number; ok: boolean; result?: { loss: Float64Array } }) => void = () => {};
    channel.port1.addEventListener('message', (e: MessageEvent) => {
      const m = e.data as { id: number; ok: boolean };
      if (m.id === 0) beats.push(m);
      else if ('ok' in m) answer(m);
    });
    channel.port1.start();
    const ask = (id: number, type: string, params: object) => new Promise<{ id: number; ok: boolean; result?: { loss: Float64Array } }>((resolve) => {
      answer = resolve;
      channel.port1.postMessage({ id, type, params });
    });
    const rgba = Uint8ClampedArray.from({ length: 128 * 128 * 4 }, (_, i) => (i * 37) % 256);
    expect((await ask(1, 'trainFeatures', { key: 'k', input: 'random', seed: 1, height: 32, width: 32, photo: { rgba, width: 128, height: 128 } })).ok).toBe(true);
    const strokes = Array.from({ length: 32 }, (_, r) => ({ cls: r % 3, radius: 0, points: [r, 0, r, 31] }));
    const before = beats.length;
    const r = await ask(2, 'train', { featuresKey: 'k', classes: 3, strokes, decay: 0, maxIterations: 80, warmStart: false });
    channel.port1.close();
    expect(r.ok).toBe(true);
    // Every ~30 ms of training has a pause, and each pause past heartbeatMs a beat.
    expect(beats.length - before).toBeGreaterThan(0);
    expect(r.result!.loss.length).toBeGreaterThan(3);
  });
});
