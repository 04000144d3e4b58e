import { describe, expect, it } from 'vitest';
import { chainRows, prepareChain, runChainHere, type PreparedChain } from '../../../src/engine/onnx/chain';
import { decodeModel } from '../../../src/engine/onnx/decode';
import type { FusedConv } from '../../../src/engine/onnx/fuse';
import { evaluate } from '../../../src/engine/onnx/graph';
import type { OnnxNode } from '../../../src/engine/onnx/model';
import { createRuntime } from '../../../src/engine/onnx/runtime';
import { floatTensor, logical, type Tensor } from '../../../src/engine/onnx/tensor';
import { mulberry32 } from '../../../src/engine/core/random';
import { forgetSharedWeights, hasHelper, linkPeer, runChainShared } from '../../../src/worker/peer';
import { mobilenetLike, resnetLike } from '../../fixtures/onnxBuilder';

function prepared(o: { h: number; w: number; cin: number; cout: number; k: number; stride: number; pad: number; group: number; relu6?: boolean }): PreparedChain {
  const rand = mulberry32(o.h * 31 + o.k);
  const tensors = new Map<string, Tensor>([
    ['x', floatTensor([1, o.cin, o.h, o.w], Float32Array.from({ length: o.cin * o.h * o.w }, () => rand() - 0.5))],
    ['w', floatTensor([o.cout, o.cin / o.group, o.k, o.k], Float32Array.from({ length: (o.cout * o.cin / o.group) * o.k * o.k }, () => rand() - 0.5))],
    ['b', floatTensor([o.cout], Float32Array.from({ length: o.cout }, () => rand()))],
  ]);
  const node: OnnxNode = {
    name: 'c', opType: 'Conv', domain: '', inputs: ['x', 'w', 'b'], outputs: ['y'],
    attrs: new Map<string, number | number[]>([['strides', [o.stride, o.stride]], ['pads', [o.pad, o.pad, o.pad, o.pad]], ['group', o.group]]),
  };
  const fused = new Map<OnnxNode, FusedConv>(o.relu6 ? [[node, { epilogue: { lo: 0, hi: 6 }, output: 'y', swallowed: [] }]] : []);
  const { chain } = prepareChain({ convs: [node] }, (n) => tensors.get(n), fused);
  if (!chain) throw new Error('shape only');
  return chain;
}

const CASES = [
  { h: 40, w: 33, cin: 16, cout: 48, k: 3, stride: 1, pad: 1, group: 1 },
  { h: 113, w: 113, cin: 48, cout: 48, k: 3, stride: 2, pad: 1, group: 48, relu6: true },
  { h: 30, w: 30, cin: 64, cout: 128, k: 1, stride: 2, pad: 0, group: 1 },
  { h: 29, w: 31, cin: 8, cout: 64, k: 7, stride: 2, pad: 3, group: 1 },
  { h: 45, w: 20, cin: 256, cout: 128, k: 1, stride: 1, pad: 0, group: 1, relu6: true },
];

describe('a convolution split between two workers', () => {
  it('gives exactly what one worker computes (top rows here, the rest on the helper)', async () => {
    const { port1, port2 } = new MessageChannel();
    linkPeer({ port: port2, role: 'help' });
    linkPeer({ port: port1, role: 'lead' });
    expect(hasHelper()).toBe(true);
    let asked = 0;
    port2.addEventListener('message', () => asked++);
    for (const c of CASES) {
      const p = prepared(c);
      const want = runChainHere(p);
      const got = await runChainShared(p);
      expect(Array.from(got), JSON.stringify(c)).toEqual(Array.from(want));
    }
    // Every one of them is large enough to be shared.
    expect(asked).toBe(CASES.length);
    port1.close();
  });

  it('takes the band back when the helper is gone, and drops the helper', async () => {
    const { port1, port2 } = new MessageChannel();
    linkPeer({ port: port1, role: 'lead' });
    port2.close();
    const p = prepared(CASES[0]!);
    const got = await runChainShared(p);
    expect(Array.from(got)).toEqual(Array.from(runChainHere(p)));
    expect(hasHelper()).toBe(false);
  }, 10_000);
});

describe('a ResNet block split between two workers by rows', () => {
  it('gives exactly what one worker computes, the shortcut Conv’s addend (its rows sent with the band) and the ReLU after the Add included', async () => {
    const { port1, port2 } = new MessageChannel();
    linkPeer({ port: port2, role: 'help' });
    linkPeer({ port: port1, role: 'lead' });
    const bands: { addend?: Float32Array; r0: number; r1: number }[] = [];
    port2.addEventListener('message', (e) => bands.push(e.data));
    const m = resnetLike({ size: 96, width: 32, blocks: [2] });
    const rand = mulberry32(3);
    const chains: PreparedChain[] = [];
    await evaluate(decodeModel(m.bytes), floatTensor([1, 3, 96, 96], Float32Array.from({ length: 3 * 96 * 96 }, () => rand() * 4 - 2)), [m.layerInput], {
      runChain: async (p) => { chains.push({ ...p, input: p.input.slice(), addend: p.addend?.slice() }); return runChainHere(p); },
    });
    expect(chains.map((c) => [c.layers.length, c.residual, !!c.addend, c.post?.lo])).toEqual([[1, false, false, undefined], [3, false, false, undefined], [1, false, true, 0], [3, true, false, 0]]);
    for (const p of chains) expect(Array.from(await runChainShared(p)), p.name).toEqual(Array.from(runChainHere(p)));
    // The shortcut's band carried the addend's rows it adds: 24×24×128 maps, rows 12–24.
    const shortcut = bands.find((b) => b.addend)!;
    expect([shortcut.r0, shortcut.r1, shortcut.addend!.length]).toEqual([12, 24, 12 * 24 * 128]);
    port1.close();
  });
});

describe('a whole MobileNet block split between two workers', () => {
  it('gives exactly what one worker computes, its residual Add included (the block by halves of its hidden channels)', async () => {
    const { port1, port2 } = new MessageChannel();
    linkPeer({ port: port2, role: 'help' });
    linkPeer({ port: port1, role: 'lead' });
    let asked = 0;
    port2.addEventListener('message', () => asked++);
    const m = mobilenetLike({ size: 96, stages: [[1, 16, 1, 1], [6, 24, 2, 2]] });
    const rand = mulberry32(9);
    const chains: PreparedChain[] = [];
    await evaluate(decodeModel(m.bytes), floatTensor([1, 3, 96, 96], Float32Array.from({ length: 3 * 96 * 96 }, () => rand() * 4 - 2)), [m.layerInput], {
      // The input is copied: after the run its array is given to later tensors.
      runChain: async (p) => { chains.push({ ...p, input: p.input.slice() }); return runChainHere(p); },
    });
    expect(chains.map((c) => [c.layers.length, c.residual])).toEqual([[6, false], [3, true]]);
    for (const p of chains) expect(Array.from(await runChainShared(p)), p.name).toEqual(Array.from(runChainHere(p)));
    expect(asked).toBe(2);
    port1.close();
    // With the helper gone, the lead computes the other half of the block's channels itself.
    const lone = new MessageChannel();
    linkPeer({ port: lone.port1, role: 'lead' });
    lone.port2.close();
    expect(Array.from(await runChainShared(chains[1]!))).toEqual(Array.from(runChainHere(chains[1]!)));
    expect(hasHelper()).toBe(false);
  }, 10_000);

  it('sends a block\'s weights to the helper once, and again after forgetSharedWeights (another model)', async () => {
    const { port1, port2 } = new MessageChannel();
    linkPeer({ port: port2, role: 'help' });
    linkPeer({ port: port1, role: 'lead' });
    const sent: { kind: string; key?: number; weights?: unknown[] }[] = [];
    port2.addEventListener('message', (e) => sent.push(e.data));
    const m = mobilenetLike({ size: 96, stages: [[1, 16, 1, 1], [6, 24, 2, 2]] });
    const model = decodeModel(m.bytes);
    const rand = mulberry32(4);
    const x = Float32Array.from({ length: 3 * 96 * 96 }, () => rand() * 4 - 2);
    // The model's runtime keeps its folded weights: the helper is sent the same arrays again.
    const runtime = createRuntime();
    const run = async () => logical((await evaluate(model, floatTensor([1, 3, 96, 96], x.slice()), [m.layerInput], { runtime, runChain: runChainShared })).get(m.layerInput)!).data!;
    const want = logical((await evaluate(model, floatTensor([1, 3, 96, 96], x.slice()), [m.layerInput])).get(m.layerInput)!).data!;
    expect(await run()).toEqual(want);
    expect(await run()).toEqual(want);
    const bands = () => sent.filter((r) => r.kind === 'band');
    // Two chains a run: weights (six layers, then three) the first time, their keys only the second.
    expect(bands().map((r) => r.weights?.length ?? 0)).toEqual([6, 3, 0, 0]);
    expect(bands().slice(2).map((r) => r.key)).toEqual(bands().slice(0, 2).map((r) => r.key));
    forgetSharedWeights();
    expect(await run()).toEqual(want);
    expect(sent.slice(4).map((r) => [r.kind, r.weights?.length ?? 0])).toEqual([['forget', 0], ['band', 6], ['band', 3]]);
    expect(hasHelper()).toBe(true);
    port1.close();
  });

  it('keeps on the helper only what the lead of its last link sent (a lead started again sends its weights again)', async () => {
    const first = new MessageChannel();
    linkPeer({ port: first.port2, role: 'help' });
    linkPeer({ port: first.port1, role: 'lead' });
    const keys: number[] = [];
    first.port2.addEventListener('message', (e) => keys.push(e.data.key));
    const p = prepared(CASES[4]!);
    const want = Array.from(runChainHere(p));
    expect(Array.from(await runChainShared(p))).toEqual(want);
    first.port1.close();
    // The helper is linked again; a request naming the old key without weights is refused.
    const second = new MessageChannel();
    linkPeer({ port: second.port2, role: 'help' });
    const reply = new Promise<{ error?: string }>((resolve) => second.port1.addEventListener('message', (e) => resolve(e.data), { once: true }));
    second.port1.start();
    const { weights: _w, bias: _b, ...shape } = p.layers[0]!;
    second.port1.postMessage({ kind: 'band', id: 1, input: p.input.slice(), first: 0, shapes: [shape], key: keys[0], residual: false, r0: 0, r1: 1 });
    expect((await reply).error).toMatch(/no weights kept/);
    second.port1.close();
    // A lead on a new link sends the weights again, and gets the same numbers.
    const third = new MessageChannel();
    linkPeer({ port: third.port2, role: 'help' });
    linkPeer({ port: third.port1, role: 'lead' });
    const sent: { weights?: unknown[] }[] = [];
    third.port2.addEventListener('message', (e) => sent.push(e.data));
    expect(Array.from(await runChainShared(p))).toEqual(want);
    expect(sent.map((r) => r.weights?.length)).toEqual([1]);
    third.port1.close();
  });

  it('sends a chain\'s weights again until the helper says it keeps them (a helper whose runtime is full keeps none)', async () => {
    const p = prepared(CASES[2]!);
    const want = Array.from(runChainHere(p));
    for (const keeps of [false, true]) {
      // A helper that computes its band as the real one does and answers `kept: keeps`.
      const { port1, port2 } = new MessageChannel();
      const sent: { weights?: unknown[]; key: number }[] = [];
      port2.addEventListener('message', (e) => {
        const r = e.data;
        sent.push(r);
        const weights = r.weights ?? p.layers;
        const layers = r.shapes.map((shape: object, i: number) => ({ ...shape, ...weights[i] }));
        const output = new Float32Array((r.r1 - r.r0) * layers.at(-1).geometry.ow * layers.at(-1).outChannels);
        chainRows(r.input, r.first, { layers, residual: r.residual, post: r.post }, output, r.r0, r.r1);
        port2.postMessage({ id: r.id, output, kept: keeps }, [output.buffer]);
      });
      port2.start();
      linkPeer({ port: port1, role: 'lead' });
      for (let i = 0; i < 3; i++) expect(Array.from(await runChainShared(p))).toEqual(want);
      expect(sent.map((r) => r.weights?.length ?? 0)).toEqual(keeps ? [1, 0, 0] : [1, 1, 1]);
      // Kept: named by the key it was sent with; not kept: a new key each time.
      expect(new Set(sent.map((r) => r.key)).size).toBe(keeps ? 1 : 3);
      port1.close();
    }
  });
});
