import { afterEach, describe, expect, it } from 'vitest';
import { generateLayerData, pointwiseConv } from '../../../src/engine';
import { EngineClient } from '../../../src/worker/client';
import { EngineError, isAbortError } from '../../../src/worker/connection';
import { runForward, serve } from '../../../src/worker/handler';
import type { Endpoint, FromWorker } from '../../../src/worker/protocol';

/** A worker stand-in: the real handler behind a MessageChannel, with its replies recorded. */
function fakeWorker(log: { sent: FromWorker[]; transfers: Transferable[][] }): Endpoint {
  const channel = new MessageChannel();
  const workerSide = channel.port2;
  const post = workerSide.postMessage.bind(workerSide);
  (workerSide as unknown as Endpoint).postMessage = (msg: unknown, transfer: Transferable[] = []) => {
    log.sent.push(msg as FromWorker);
    log.transfers.push(transfer);
    post(msg, transfer);
  };
  serve(workerSide as unknown as Endpoint);
  workerSide.start();
  return channel.port1 as unknown as Endpoint;
}

const clients: EngineClient[] = [];
function makeClient(workers: number, splitMinMultiplyAdds = 0) {
  const log = { sent: [] as FromWorker[], transfers: [] as Transferable[][] };
  const client = new EngineClient({ workers, splitMinMultiplyAdds, createWorker: () => fakeWorker(log), createFallback: () => fakeWorker(log) });
  clients.push(client);
  return { client, log };
}
afterEach(() => {
  clients.splice(0).forEach((c) => c.dispose());
});

const shape = { height: 12, width: 10, inChannels: 24, outChannels: 36 };
const data = generateLayerData(shape, 5);
const params = { ...shape, input: data.input.data, weights: data.weights.data, bias: data.bias, relu: true };

describe('runForward(params)', () => {
  it('equals pointwiseConv on the same data', async () => {
    const want = pointwiseConv(data.input, { weights: data.weights, bias: data.bias, relu: true }).data;
    const got = await runForward(params, () => {}, () => false);
    expect(Array.from(got.output)).toEqual(Array.from(want));
  });
});

describe('EngineClient.forward over two workers', () => {
  it('joins the two row bands into the full map and leaves the caller’s input intact', async () => {
    const { client, log } = makeClient(2);
    const before = data.input.data.slice();
    const got = await client.forward(params);
    expect(got.workers).toBe(2);
    const want = pointwiseConv(data.input, { weights: data.weights, bias: data.bias, relu: true }).data;
    expect(Array.from(got.output)).toEqual(Array.from(want));
    expect(Array.from(data.input.data)).toEqual(Array.from(before));
    // Each worker transferred its result buffer back: it is detached on the worker side.
    const replies = log.transfers.filter((t) => t.length > 0);
    expect(replies).toHaveLength(2);
    for (const [buffer] of replies) expect((buffer as ArrayBuffer).byteLength).toBe(0);
  });
});

describe('layer cache', () => {
  it('a second pass over the same layer sends no input or weights, and still equals the engine', async () => {
    const { client, log } = makeClient(2);
    const keyed = { ...params, cacheKey: 'layer-a' };
    await client.forward(keyed);
    const second = await client.forward({ ...keyed, relu: false });
    const want = pointwiseConv(data.input, { weights: data.weights, bias: data.bias, relu: false }).data;
    expect(Array.from(second.output)).toEqual(Array.from(want));
    expect(log.sent.filter((m) => 'ok' in m && m.ok)).toHaveLength(4);
    expect(log.sent.some((m) => 'ok' in m && !m.ok)).toBe(false);
  });

  it('a forward without data for an unknown layer is a cache-miss', async () => {
    const { client } = makeClient(1);
    await expect(client.request('forward', { ...params, input: undefined, weights: undefined, cacheKey: 'never-sent' }))
      .rejects.toMatchObject({ code: 'cache-miss' });
  });

  it('when the worker lost the layer, the client sends the data again and gets the right map', async () => {
    // A worker stand-in that can be replaced by a fresh one (empty cache) behind the client's back.
    const listeners: ((e: MessageEvent) => void)[] = [];
    const requests: string[] = [];
    const log = { sent: [] as FromWorker[], transfers: [] as Transferable[][] };
    let inner = fakeWorker(log);
    const attach = (ep: Endpoint) => ep.addEventListener('message', (e) => listeners.forEach((l) => l(e)));
    attach(inner);
    const endpoint: Endpoint = {
      postMessage: (m, t) => {
        const req = m as { type: string; params?: { input?: unknown } };
        if (req.type === 'forward') requests.push(req.params?.input ? 'data' : 'flags');
        inner.postMessage(m, t);
      },
      addEventListener: (type, l) => { if (type === 'message') listeners.push(l); },
      removeEventListener: () => {},
    };
    const client = new EngineClient({ workers: 1, splitMinMultiplyAdds: 0, createWorker: () => endpoint, createFallback: () => endpoint });
    clients.push(client);
    const keyed = { ...params, cacheKey: 'layer-b' };
    await client.forward(keyed);
    inner = fakeWorker(log);
    attach(inner);
    const again = await client.forward({ ...keyed, relu: false });
    const want = pointwiseConv(data.input, { weights: data.weights, bias: data.bias, relu: false }).data;
    expect(Array.from(again.output)).toEqual(Array.from(want));
    expect(log.sent.some((m) => 'ok' in m && !m.ok && m.error.code === 'cache-miss')).toBe(true);
    expect(requests).toEqual(['data', 'flags', 'data']);
  });
});

describe('cancel and supersede', () => {
  it('an aborted forward rejects with AbortError, the worker stops early and its late reply is dropped', async () => {
    const { client, log } = makeClient(1);
    const big = generateLayerData({ height: 64, width: 64, inChannels: 256, outChannels: 256 }, 1);
    const controller = new AbortController();
    let progressCalls = 0;
    const job = client.forward(
      { height: 64, width: 64, inChannels: 256, outChannels: 256, input: big.input.data, weights: big.weights.data, relu: false },
      { signal: controller.signal, onProgress: () => { progressCalls++; controller.abort(); } },
    );
    await expect(job).rejects.toSatisfy(isAbortError);
    // Wait for the worker's answer to the cancel.
    await new Promise((r) => setTimeout(r, 200));
    const last = log.sent.at(-1) as { ok: false; error: { code: string } };
    expect(last.ok).toBe(false);
    expect(last.error.code).toBe('cancelled');
    expect(log.sent.filter((m) => 'progress' in m).length).toBeLessThan(40);
    expect(progressCalls).toBe(1);
  });

  it('a newer request still gets its answer after an older one is aborted', async () => {
    const { client } = makeClient(1);
    const old = new AbortController();
    const first = client.forward(params, { signal: old.signal }).catch((e: unknown) => e);
    old.abort();
    const second = await client.forward(params);
    expect(isAbortError(await first)).toBe(true);
    expect(second.output.length).toBe(12 * 10 * 36);
  });
});

describe('errors', () => {
  it('a malformed forward request comes back as an EngineError with code bad-request', async () => {
    const { client } = makeClient(1);
    const bad = client.request('forward', { ...params, input: new Float32Array(5) });
    await expect(bad).rejects.toBeInstanceOf(EngineError);
    await expect(bad).rejects.toMatchObject({ code: 'bad-request', message: expect.stringMatching(/input must hold 12×10×24/) });
  });

  it('a band placed outside its map is refused', async () => {
    const { client } = makeClient(1);
    await expect(client.request('forward', { ...params, placement: { totalRows: 12, rowOffset: 5 } }))
      .rejects.toMatchObject({ code: 'bad-request', message: expect.stringMatching(/placement/) });
  });

  it('an absurd shape is refused before anything is allocated', async () => {
    const { client } = makeClient(1);
    await expect(client.request('generate', { shape: { height: 100000, width: 100000, inChannels: 512, outChannels: 8 }, seed: 1 }))
      .rejects.toMatchObject({ code: 'bad-request', message: 'tensor too large' });
  });

  it('falls back to the main-thread endpoint when no worker can start', async () => {
    let reason = '';
    const log = { sent: [] as FromWorker[], transfers: [] as Transferable[][] };
    const client = new EngineClient({
      workers: 2,
      createWorker: () => { throw new Error('no Worker'); },
      createFallback: () => fakeWorker(log),
      onFallback: (r) => { reason = r; },
    });
    clients.push(client);
    const got = await client.request('generate', { shape, seed: 5 });
    expect(client.isFallback).toBe(true);
    expect(reason).toMatch(/no Worker/);
    expect(Array.from(got.weights.subarray(0, 4))).toEqual(Array.from(data.weights.data.subarray(0, 4)));
  });
});

describe('memory comes back (issue #18 §3)', () => {
  it('a new, smaller layer empties the GEMM’s working array and forgets the old packed filters; a toggle on the same layer keeps them', async () => {
    const { HEAP } = await import('../../../src/engine/kernels/gemmKernel');
    const { client } = makeClient(1);
    const big = { height: 32, width: 32, inChannels: 384, outChannels: 256 };
    const d = generateLayerData(big, 1);
    await client.forward({ ...big, input: d.input.data, weights: d.weights.data, relu: false, cacheKey: 'big' });
    const grown = HEAP.length;
    expect(grown).toBeGreaterThan(256 * 384);
    // Same layer, ReLU toggled: nothing is re-sent or trimmed.
    await client.forward({ ...big, input: d.input.data, weights: d.weights.data, relu: true, cacheKey: 'big' });
    expect(HEAP.length).toBe(grown);
    const tiny = { height: 4, width: 4, inChannels: 3, outChannels: 2 };
    const t = generateLayerData(tiny, 1);
    const out = await client.forward({ ...tiny, input: t.input.data, weights: t.weights.data, relu: false, cacheKey: 'tiny' });
    expect(HEAP.length).toBe(0);
    expect(Array.from(out.output)).toEqual(Array.from(pointwiseConv(t.input, { weights: t.weights, relu: false }).data));
  });
});

describe('outputs that overflow float32 (issue #18 §5)', () => {
  it('are counted, and the colour scale spans the finite ones', async () => {
    const { client } = makeClient(1);
    const input = Float32Array.from({ length: 2 * 2 * 2 }, (_, i) => (i === 0 ? 3e38 : 1));
    const weights = Float32Array.from([3e38, 0, 1, 1]);
    const r = await client.forward({ height: 2, width: 2, inChannels: 2, outChannels: 2, input, weights, relu: false });
    expect(r.nonFinite).toBe(1);
    expect(r.output[0]).toBe(Infinity);
    expect(r.absMax).toBe(Math.fround(3e38));
  });
});

describe('every core the student has (issue #17 §1)', () => {
  it('the map is identical, bit for bit, on 1 to 8 workers, with ragged row bands', async () => {
    // 13 rows: no worker count from 2 to 8 divides them evenly.
    const ragged = { height: 13, width: 7, inChannels: 40, outChannels: 33 };
    const d = generateLayerData(ragged, 9);
    const want = pointwiseConv(d.input, { weights: d.weights, bias: d.bias, relu: true }).data;
    for (let workers = 1; workers <= 8; workers++) {
      const { client } = makeClient(workers);
      const got = await client.forward({ ...ragged, input: d.input.data, weights: d.weights.data, bias: d.bias, relu: true });
      expect(got.workers, `${workers} workers`).toBe(workers);
      expect(Array.from(got.output), `${workers} workers`).toEqual(Array.from(want));
    }
  });

  it('a map with fewer rows than workers uses one worker a row', async () => {
    const short = { height: 3, width: 50, inChannels: 16, outChannels: 8 };
    const d = generateLayerData(short, 2);
    const { client } = makeClient(8);
    const got = await client.forward({ ...short, input: d.input.data, weights: d.weights.data, relu: false });
    expect(got.workers).toBe(3);
    expect(Array.from(got.output)).toEqual(Array.from(pointwiseConv(d.input, { weights: d.weights, relu: false }).data));
  });

  it('workersFor(cores): one core left for the page, two at least on two cores, eight at most', async () => {
    const { workersFor } = await import('../../../src/worker/createEngineClient');
    expect([1, 2, 3, 4, 8, 12, 64].map(workersFor)).toEqual([1, 2, 2, 3, 7, 8, 8]);
  });
});
