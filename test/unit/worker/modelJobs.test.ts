import { afterEach, describe, expect, it, vi } from 'vitest';
import { HEAP } from '../../../src/engine/kernels/gemmKernel';
import { runModelLayer, runModelOpen } from '../../../src/worker/modelJobs';
import { linkPeer } from '../../../src/worker/peer';
import { EngineClient } from '../../../src/worker/client';
import { EngineError } from '../../../src/worker/connection';
import { serve } from '../../../src/worker/handler';
import type { Endpoint } from '../../../src/worker/protocol';
import { ModelBuilder, mobilenetLike } from '../../fixtures/onnxBuilder';
import { scaleByte } from '../../../src/engine/onnx/preprocess';
import { ortRun, relativeError } from '../engine/onnx/reference';

function worker(): Endpoint {
  const channel = new MessageChannel();
  serve(channel.port2 as unknown as Endpoint);
  channel.port2.start();
  return channel.port1 as unknown as Endpoint;
}

const clients: EngineClient[] = [];
afterEach(() => clients.splice(0).forEach((c) => c.dispose()));
function client() {
  const c = new EngineClient({ workers: 1, createWorker: worker, createFallback: worker });
  clients.push(c);
  return c;
}

/**
 * The bytes in an ArrayBuffer of their own. protobufjs encodes small messages into Node's pooled
 * Buffer, whose `.slice()` is a view and whose `.buffer` is the whole shared pool: the worker
 * then reads other bytes as the model (it did in Stryker's thread pool: "no model held as g").
 */
const ownBuffer = (bytes: Uint8Array): ArrayBuffer => new Uint8Array(bytes).buffer;

const SIZE = 32;
const m = mobilenetLike({ size: SIZE, stages: [[1, 16, 1, 1], [6, 24, 2, 2]] });
const rgba = Uint8ClampedArray.from({ length: SIZE * SIZE * 4 }, (_, i) => (i * 37) % 256);
const preprocessing = { scaling: 'imagenet', order: 'rgb' } as const;

describe('worker jobs for a model', () => {
  it('opens a model with progress, lists its 1×1 layers at an input size, and runs up to one on a picture as onnxruntime does', async () => {
    const c = client();
    const progress: number[] = [];
    const open = await c.request('modelOpen', { bytes: ownBuffer(m.bytes), key: 'm1' }, { onProgress: (f) => progress.push(f) });
    expect(open).toMatchObject({ status: 'read', opset: 13, input: { name: 'input', dims: [1, 3, SIZE, SIZE] }, unsupported: [] });
    expect(progress.at(-1)).toBe(1);
    const { layers } = await c.request('modelLayers', { key: 'm1', height: SIZE, width: SIZE });
    const pointwise = layers.filter((l) => l.groups === 1);
    expect(pointwise.map((l) => [l.inChannels, l.outChannels, l.height])).toEqual([[32, 16, 16], [16, 96, 16], [96, 24, 8], [24, 144, 8], [144, 24, 8], [24, 96, 8]]);
    const layer = pointwise[3]!;
    const r = await c.request('modelLayer', { key: 'm1', node: layer.node, rgba: rgba.slice(), width: SIZE, height: SIZE, preprocessing, fold: true });
    if (r.status !== 'ok') throw new Error(r.code);
    expect([r.height, r.width, r.inChannels, r.outChannels]).toEqual([8, 8, 24, 144]);
    expect(r.fold?.node).toBe(layer.batchNorm);
    // The reference: onnxruntime on the same picture, scaled the same way (NCHW).
    const x = new Float32Array(3 * SIZE * SIZE);
    for (let p = 0; p < SIZE * SIZE; p++) for (let ch = 0; ch < 3; ch++) x[ch * SIZE * SIZE + p] = scaleByte(rgba[4 * p + ch]!, ch, 'imagenet');
    const want = (await ortRun(m.bytes, 'input', x, [1, 3, SIZE, SIZE]))[layer.input]!.data;
    const got = new Float32Array(want.length);
    for (let p = 0; p < 64; p++) for (let ch = 0; ch < 24; ch++) got[ch * 64 + p] = r.input[p * 24 + ch]!;
    expect(relativeError(got, want)).toBeLessThan(1e-4);
  });

  it('says cache-miss for a model it does not hold (a new worker), and refuses a picture of the wrong size', async () => {
    const c = client();
    await expect(c.request('modelLayers', { key: 'nothing', height: 8, width: 8 })).rejects.toMatchObject({ code: 'cache-miss' });
    await c.request('modelOpen', { bytes: ownBuffer(m.bytes), key: 'm2' });
    const err = await c.request('modelLayer', { key: 'm2', node: 'x', rgba: new Uint8ClampedArray(16), width: 2, height: 2, preprocessing, fold: false }).catch((e: EngineError) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).message).toMatch(/takes 32×32 pictures/);
  });

  it('names, for each layer after an op the engine does not run, the first such op on its way', async () => {
    const b = new ModelBuilder(3);
    const first = b.conv('input', 3, 8, { name: '/a/Conv' });
    const odd = b.node('Gelu', [first], {}, '/act/Gelu');
    const second = b.conv(b.relu(odd), 8, 4, { name: '/b/Conv' });
    const bytes = b.build({ name: 'input', dims: [1, 3, 8, 8] }, [second]);
    const c = client();
    await c.request('modelOpen', { bytes: ownBuffer(bytes), key: 'g' });
    const { layers } = await c.request('modelLayers', { key: 'g', height: 8, width: 8 });
    expect(layers.map((l) => [l.node, l.blockedBy])).toEqual([['/a/Conv', undefined], ['/b/Conv', 'Gelu (/act/Gelu)']]);
  });

  it('answers a file that is not a model with a refusal, and keeps working', async () => {
    const c = client();
    const r = await c.request('modelOpen', { bytes: new TextEncoder().encode('not a model at all').buffer, key: 'bad' });
    expect(r.status).toBe('refused');
    expect((await c.request('modelOpen', { bytes: ownBuffer(m.bytes), key: 'm3' })).status).toBe('read');
  });

  it('keeps a run\'s working memory for the next run, and lets it go after ten idle seconds or when another model is opened', async () => {
    vi.useFakeTimers();
    try {
      expect(runModelOpen({ bytes: ownBuffer(m.bytes), key: 'mem' }, () => {}).status).toBe('read');
      const params = { key: 'mem', node: m.layer, rgba: rgba.slice(), width: SIZE, height: SIZE, preprocessing, fold: false };
      const run = () => runModelLayer({ ...params, rgba: rgba.slice() }, () => {}, async () => {});
      const first = await run();
      expect(first.status).toBe('ok');
      const kept = HEAP.length;
      expect(kept).toBeGreaterThan(0);
      vi.advanceTimersByTime(9_000);
      expect(HEAP.length).toBe(kept);
      // A run within the ten seconds starts the wait again, and gives the same numbers.
      const second = await run();
      expect(second.status === 'ok' && first.status === 'ok' && second.input).toEqual(first.status === 'ok' && first.input);
      vi.advanceTimersByTime(9_000);
      expect(HEAP.length).toBe(kept);
      vi.advanceTimersByTime(1_000);
      expect(HEAP.length).toBe(0);
      await run();
      expect(HEAP.length).toBeGreaterThan(0);
      runModelOpen({ bytes: ownBuffer(m.bytes), key: 'mem2' }, () => {});
      expect(HEAP.length).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('lets the last model\'s runtime go when another is opened, and tells a linked helper to let its weights go with it', async () => {
    expect(runModelOpen({ bytes: ownBuffer(m.bytes), key: 'first' }, () => {}).status).toBe('read');
    const { port1, port2 } = new MessageChannel();
    const kinds: string[] = [];
    const told = new Promise<void>((resolve) => port2.addEventListener('message', (e) => { kinds.push(e.data.kind); resolve(); }));
    port2.start();
    linkPeer({ port: port1, role: 'lead' });
    expect(runModelOpen({ bytes: ownBuffer(m.bytes), key: 'second' }, () => {}).status).toBe('read');
    await told;
    expect(kinds).toEqual(['forget']);
    port1.close();
  });
});
