import { describe, expect, it } from 'vitest';
import { chainRows, hiddenHalves, inputRows, planChains, runChainHere, type PreparedChain } from '../../../../src/engine/onnx/chain';
import { decodeModel } from '../../../../src/engine/onnx/decode';
import { planFusion } from '../../../../src/engine/onnx/fuse';
import { evaluate, pathTo } from '../../../../src/engine/onnx/graph';
import { convRows } from '../../../../src/engine/onnx/ops/conv';
import { createRuntime } from '../../../../src/engine/onnx/runtime';
import { floatTensor, logical } from '../../../../src/engine/onnx/tensor';
import { mulberry32 } from '../../../../src/engine/core/random';
import { ModelBuilder, mobilenetLike, resnetLike } from '../../../fixtures/onnxBuilder';
import { ortRun, relativeError } from './reference';

const picture = (size: number) => {
  const rand = mulberry32(5);
  return Float32Array.from({ length: 3 * size * size }, () => rand() * 4 - 2);
};

/** Every chain the evaluator runs on the way to the model's layer input, as it prepared them. */
async function chainsOf(m: { bytes: Uint8Array; size: number; layerInput: string }): Promise<PreparedChain[]> {
  const chains: PreparedChain[] = [];
  await evaluate(decodeModel(m.bytes), floatTensor([1, 3, m.size, m.size], picture(m.size)), [m.layerInput], {
    // The input (and addend) is copied: after the run its array is given to later tensors.
    runChain: async (p) => { chains.push({ ...p, input: p.input.slice(), addend: p.addend?.slice() }); return runChainHere(p); },
  });
  return chains;
}

describe('chains of convolutions', () => {
  const mobilenet = mobilenetLike({ size: 40, stages: [[1, 16, 1, 1], [6, 24, 2, 2], [6, 32, 2, 2]] });
  const resnet = resnetLike({ size: 48, width: 8, blocks: [2, 2] });

  it('are planned as MobileNet’s blocks: a chain runs on until a tensor has a second reader, and takes the residual Add that closes it', () => {
    const model = decodeModel(mobilenet.bytes);
    const path = pathTo(model, [mobilenet.layerInput]);
    const keep = new Set([mobilenet.layerInput]);
    const plans = [...planChains(model, path, keep, planFusion(model, path, keep)).values()];
    // Stem → depthwise → project → expand → depthwise (stride 2) → project: one chain, no
    // residual (its output is read by the next block and by that block's Add).
    expect(plans.map((p) => [p.convs.length, p.add?.opType])).toEqual([[6, undefined], [3, 'Add'], [3, undefined], [3, 'Add']]);
  });

  it('are planned as ResNet’s blocks: the ReLU after the residual Add joins, and a shortcut Conv adds the block’s main branch (made before it)', () => {
    const model = decodeModel(resnet.bytes);
    const path = pathTo(model, [resnet.layerInput]);
    const keep = new Set([resnet.layerInput]);
    const plans = [...planChains(model, path, keep, planFusion(model, path, keep)).values()];
    const fused = planFusion(model, path, keep);
    const described = plans.map((p) => [p.convs.length, p.add?.opType, p.other && 'main', p.after?.node.opType]);
    const main = [3, undefined, undefined, undefined], shortcut = [1, 'Add', 'main', 'Relu'], identity = [3, 'Add', undefined, 'Relu'];
    // The stem (its ReLU fused, a MaxPool after), then per stage a projection block (the
    // main branch, its shortcut) and an identity block.
    expect(described).toEqual([[1, undefined, undefined, undefined], main, shortcut, identity, main, shortcut, identity]);
    // The shortcut's addend is the output of the main branch just before it (BatchNormalization fused).
    plans.forEach((p, i) => p.other && expect(p.other).toBe(fused.get(plans[i - 1]!.convs.at(-1)!)!.output));
  });

  it('give any band of rows, from the whole input or from just the rows inputRows names, exactly as the whole chain', async () => {
    const chains = await chainsOf(mobilenet);
    expect(chains.filter((c) => c.residual)).toHaveLength(2);
    const resnetChains = await chainsOf(resnet);
    expect(resnetChains.map((c) => [c.residual, !!c.addend, c.post?.lo])).toEqual([[false, false, undefined], [false, false, undefined], [false, true, 0], [true, false, 0], [false, false, undefined], [false, true, 0], [true, false, 0]]);
    for (const p of [...chains, ...resnetChains]) {
      const [, c, oh, ow] = p.shape as [number, number, number, number];
      const whole = new Float32Array(oh * ow * c);
      chainRows(p.input, 0, p, whole, 0, oh);
      const row = p.layers[0]!.geometry.w * p.layers[0]!.inChannels;
      for (const [r0, r1] of [[0, 1], [1, Math.ceil(oh / 2)], [Math.ceil(oh / 2), oh], [oh - 1, oh], [2, oh - 3]] as const) {
        const band = new Float32Array((r1 - r0) * ow * c);
        chainRows(p.input, 0, p, band, r0, r1);
        expect(band, `${p.name} rows ${r0}–${r1}`).toEqual(whole.subarray(r0 * ow * c, r1 * ow * c));
        const [a, b] = inputRows(p, r0, r1);
        const slab = new Float32Array((r1 - r0) * ow * c);
        // As the helper gets them: the addend's rows of the band too.
        const addend = p.addend?.slice(r0 * ow * c, r1 * ow * c);
        chainRows(p.input.slice(a * row, b * row), a, { ...p, addend, addendFirst: r0 }, slab, r0, r1);
        expect(slab, `${p.name} rows ${r0}–${r1} from input rows ${a}–${b}`).toEqual(band);
      }
    }
  });

  it('equal their layers run one after another on whole maps, plus the input for a residual block (or the addend), then clamped', async () => {
    for (const p of [...await chainsOf(mobilenet), ...await chainsOf(resnet)]) {
      let x = p.input;
      for (const layer of p.layers) {
        const y = new Float32Array(layer.geometry.oh * layer.geometry.ow * layer.outChannels);
        convRows(x, layer, y, 0, layer.geometry.oh);
        x = y;
      }
      if (p.residual) x = x.map((v, i) => v + p.input[i]!);
      if (p.addend) x = x.map((v, i) => v + p.addend![i]!);
      if (p.post) x = x.map((v) => Math.min(p.post!.hi, Math.max(p.post!.lo, v)));
      const got = new Float32Array(x.length);
      chainRows(p.input, 0, p, got, 0, p.shape[2]!);
      expect(got, p.name).toEqual(x);
    }
  });

  it('split a MobileNet block into two halves of its hidden channels whose outputs add up to the whole (the first with the bias and residual); no other chain', async () => {
    const chains = await chainsOf(mobilenet);
    expect(chains.map((c) => hiddenHalves(c) !== null)).toEqual([false, true, true, true]);
    const bottleneck = (await chainsOf(resnetLike({ size: 48, width: 8, blocks: [2, 2] }))).filter((c) => c.layers.length === 3);
    expect(bottleneck.length).toBeGreaterThan(0);
    for (const c of bottleneck) expect(hiddenHalves(c), 'a ResNet bottleneck (its 3×3 is not depthwise)').toBeNull();
    for (const p of chains.filter((c) => hiddenHalves(c))) {
      const [a, b] = hiddenHalves(p)!;
      expect(a.layers[0]!.outChannels + b.layers[0]!.outChannels).toBe(p.layers[0]!.outChannels);
      expect([a.residual, b.residual, b.layers[2]!.bias]).toEqual([p.residual, false, undefined]);
      const [, c, oh, ow] = p.shape as [number, number, number, number];
      const whole = new Float32Array(oh * ow * c), sum = new Float32Array(oh * ow * c), other = new Float32Array(oh * ow * c);
      chainRows(p.input, 0, p, whole, 0, oh);
      chainRows(p.input, 0, a, sum, 0, oh);
      chainRows(p.input, 0, b, other, 0, oh);
      for (let i = 0; i < sum.length; i++) sum[i] = sum[i]! + other[i]!;
      expect(relativeError(sum, whole), p.name).toBeLessThan(1e-6);
      expect(runChainHere(p), 'runChainHere runs the halves').toEqual(sum);
      // A block closed by another map and a clamp: both after the halves' sum.
      const addend = Float32Array.from(sum, (_, i) => Math.sin(i)), closed: PreparedChain = { ...p, residual: false, addend, post: { lo: -0.5, hi: 0.5 } };
      const wholeClosed = new Float32Array(sum.length);
      chainRows(p.input, 0, closed, wholeClosed, 0, oh);
      expect(wholeClosed.some((v) => v === 0.5) && wholeClosed.some((v) => v === -0.5)).toBe(true);
      expect(relativeError(runChainHere(closed), wholeClosed), `${p.name} closed`).toBeLessThan(1e-6);
    }
  });

  it('run a model to its last layer’s input as onnxruntime does (1e-4), whole blocks at a time', async () => {
    for (const m of [mobilenet, resnet]) {
      const x = picture(m.size), dims = [1, 3, m.size, m.size];
      const want = (await ortRun(m.bytes, m.input, x, dims))[m.layerInput]!;
      const got = logical((await evaluate(decodeModel(m.bytes), floatTensor(dims, x), [m.layerInput])).get(m.layerInput)!);
      expect(got.shape).toEqual([...want.dims]);
      expect(relativeError(got.data!, want.data)).toBeLessThan(1e-4);
    }
  });
});

describe('the weights a chain is prepared with', () => {
  it('are folded with their BatchNormalization once per runtime and Conv, and not folded for a target between the two', async () => {
    const b = new ModelBuilder(7, 13);
    const raw = b.conv('input', 3, 8, { k: 3, pad: 1 });
    const out = b.conv(b.relu6(b.bn(raw, 8)), 8, 16);
    const bytes = b.build({ name: 'input', dims: [1, 3, 12, 12] }, [out, raw]);
    const x = picture(12), dims = [1, 3, 12, 12];
    const want = await ortRun(bytes, 'input', x, dims);
    const model = decodeModel(bytes);
    const stemWeights = model.initializers.get(model.nodes[0]!.inputs[1]!)!.data;
    const runtime = createRuntime();
    const run = async (target: string) => {
      const layers: Float32Array[] = [];
      const t = (await evaluate(model, floatTensor(dims, x), [target], { runtime, runChain: async (p, rt) => { layers.push(...p.layers.map((l) => l.weights)); return runChainHere(p, rt); } })).get(target)!;
      return { layers, data: logical(t).data! };
    };
    const first = await run(out), second = await run(out);
    expect(first.layers).toHaveLength(2);
    // The stem's BatchNormalization is folded into new weights, the same arrays on the next run.
    expect(first.layers[0]).not.toBe(stemWeights);
    expect(second.layers[0]).toBe(first.layers[0]);
    expect(relativeError(first.data, want[out]!.data)).toBeLessThan(1e-5);
    // The Conv's own output: its weights as the file has them, whatever was kept from before.
    const before = await run(raw);
    expect(before.layers[0]).toBe(stemWeights);
    expect(relativeError(before.data, want[raw]!.data)).toBeLessThan(1e-5);
    expect((await run(out)).data).toEqual(first.data);
    // Another model opened: they are folded again (new arrays, the same numbers).
    runtime.dispose();
    const again = await run(out);
    expect(again.layers[0]).not.toBe(first.layers[0]);
    expect(again.data).toEqual(first.data);
  });

  it('are halved once per MobileNet block: the halves of the next run are the same arrays', async () => {
    const chains = await chainsOf(mobilenetLike({ size: 24, stages: [[1, 16, 1, 1], [6, 24, 2, 2]] }));
    const block = chains.find((c) => hiddenHalves(c))!;
    const rt = createRuntime();
    const [a, b] = hiddenHalves(block, rt)!, [a2, b2] = hiddenHalves({ ...block }, rt)!;
    a.layers.forEach((l, i) => expect(a2.layers[i]!.weights).toBe(l.weights));
    b.layers.forEach((l, i) => expect(b2.layers[i]!.weights).toBe(l.weights));
  });
});

describe('the storage of tensors no later node reads', () => {
  it('is reused without changing a value: a tensor read under two names (Identity) lives until both are done, and a model run twice gives the same numbers', async () => {
    const b = new ModelBuilder(4, 13);
    const a = b.relu(b.conv('input', 3, 8, { k: 3, pad: 1 }));
    const alias = b.node('Identity', [a]);
    // `a` dies at the first conv after it; its array lives on as `alias`, read at the end,
    // after tensors of the same size have been made and let go.
    let y = b.relu(b.conv(a, 8, 8, { k: 3, pad: 1 }));
    for (let i = 0; i < 3; i++) y = b.node('Add', [b.relu(b.conv(y, 8, 8, { k: 1 })), y]);
    const out = b.node('Add', [y, alias]);
    const bytes = b.build({ name: 'input', dims: [1, 3, 12, 12] }, [out]);
    const x = picture(12), dims = [1, 3, 12, 12];
    const want = (await ortRun(bytes, 'input', x, dims))[out]!;
    const model = decodeModel(bytes);
    const first = logical((await evaluate(model, floatTensor(dims, x), [out])).get(out)!).data!;
    const second = logical((await evaluate(model, floatTensor(dims, x), [out])).get(out)!).data!;
    expect(relativeError(first, want.data)).toBeLessThan(1e-5);
    expect(second).toEqual(first);
  });
});
