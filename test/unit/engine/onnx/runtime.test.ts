import { describe, expect, it } from 'vitest';
import { runChainHere } from '../../../../src/engine/onnx/chain';
import { decodeModel } from '../../../../src/engine/onnx/decode';
import { evaluate } from '../../../../src/engine/onnx/graph';
import type { OnnxModel } from '../../../../src/engine/onnx/model';
import { createRuntime, type Runtime } from '../../../../src/engine/onnx/runtime';
import { floatTensor, logical } from '../../../../src/engine/onnx/tensor';
import { mulberry32 } from '../../../../src/engine/core/random';
import { mobilenetLike, resnetLike, type TestModel } from '../../../fixtures/onnxBuilder';

const picture = (size: number) => {
  const rand = mulberry32(11);
  return Float32Array.from({ length: 3 * size * size }, () => rand() * 4 - 2);
};

// A MobileNet block (folded weights, halves, the depthwise kernel's padded band) and a ResNet
// (folded weights, Winograd's transformed filters, the chains' scratch), both with tensors that
// die on the way (the pool).
const MOBILENET = mobilenetLike({ size: 32, stages: [[1, 16, 1, 1], [6, 24, 2, 2]] });
const RESNET = resnetLike({ size: 48, width: 16, blocks: [2] });

interface Run { values: Float32Array; weights: Float32Array[]; peak: number }

/** The model's layer input for the test picture, the weights its chains ran with, and the most `rt` held after any node. */
async function run(m: TestModel, model: OnnxModel, rt?: Runtime): Promise<Run> {
  const weights: Float32Array[] = [];
  let peak = 0;
  const out = await evaluate(model, floatTensor([1, 3, m.size, m.size], picture(m.size)), [m.layerInput], {
    runtime: rt,
    runChain: async (p, r) => { weights.push(...p.layers.map((l) => l.weights)); return runChainHere(p, r); },
    afterNode: () => { peak = Math.max(peak, rt?.bytesHeld() ?? 0); },
  });
  return { values: logical(out.get(m.layerInput)!).data as Float32Array, weights, peak };
}

describe('a model runtime', () => {
  it.each([['MobileNet', MOBILENET], ['ResNet', RESNET]] as const)('%s: keeps plans, prepared weights, pooled tensors and scratch, and dispose() lets all of it go; a later run gives the same numbers', async (_, m) => {
    const model = decodeModel(m.bytes);
    const rt = createRuntime();
    const first = await run(m, model, rt);
    const held = rt.bytesHeld();
    expect(held).toBeGreaterThan(0);
    expect(rt.plans.size).toBe(1);
    expect(rt.folds.size).toBeGreaterThan(0);
    if (m === MOBILENET) expect(rt.halves.size).toBeGreaterThan(0);
    else expect(rt.transformed.size).toBeGreaterThan(0);
    // Kept: the second run's chains run with the first's (folded) weights, and give the same numbers.
    const second = await run(m, model, rt);
    second.weights.forEach((w, i) => expect(w).toBe(first.weights[i]));
    expect(second.values).toEqual(first.values);
    rt.dispose();
    expect(rt.bytesHeld()).toBe(0);
    expect([rt.plans.size, rt.folds.size, rt.halves.size, rt.transformed.size, rt.received.size]).toEqual([0, 0, 0, 0, 0]);
    // Made again after dispose(): new arrays, the same numbers (as a run with no runtime of its own).
    const third = await run(m, model, rt);
    expect(third.weights.some((w, i) => w !== first.weights[i])).toBe(true);
    // Nothing was left over: the run from empty keeps what the first one kept.
    expect(rt.bytesHeld()).toBe(held);
    expect(third.values).toEqual(first.values);
    expect((await run(m, model)).values).toEqual(first.values);
  });

  it.each([0, 4096, 64 * 1024, 1024 * 1024])('with a budget of %i bytes: never holds more, and gives the numbers of an unbounded one', async (budgetBytes) => {
    for (const m of [MOBILENET, RESNET]) {
      const model = decodeModel(m.bytes);
      const want = (await run(m, model, createRuntime())).values;
      const rt = createRuntime({ budgetBytes });
      for (let i = 0; i < 2; i++) {
        const got = await run(m, model, rt);
        expect(got.peak).toBeLessThanOrEqual(budgetBytes);
        expect(rt.bytesHeld()).toBeLessThanOrEqual(budgetBytes);
        expect(got.values).toEqual(want);
      }
      if (budgetBytes === 0) expect(rt.bytesHeld()).toBe(0);
    }
  });

  it('keeps stopping at its budget: a runtime that kept the whole model once its budget is the size it needed keeps less with less', async () => {
    const model = decodeModel(RESNET.bytes);
    const roomy = createRuntime();
    await run(RESNET, model, roomy);
    const needed = roomy.bytesHeld();
    const tight = createRuntime({ budgetBytes: Math.floor(needed / 2) });
    await run(RESNET, model, tight);
    expect(tight.bytesHeld()).toBeGreaterThan(0);
    expect(tight.bytesHeld()).toBeLessThanOrEqual(needed / 2);
    expect(tight.folds.size + tight.transformed.size).toBeLessThan(roomy.folds.size + roomy.transformed.size);
  });

  it('shares nothing with another runtime: each prepares its own weights, and disposing one leaves the other as it was', async () => {
    const model = decodeModel(MOBILENET.bytes);
    const a = createRuntime(), b = createRuntime();
    const inA = await run(MOBILENET, model, a);
    expect(b.bytesHeld()).toBe(0);
    const inB = await run(MOBILENET, model, b);
    // Folded weights (the first chain's stem) are each runtime's own arrays.
    expect(inB.weights[0]).not.toBe(inA.weights[0]);
    expect(inB.values).toEqual(inA.values);
    const held = b.bytesHeld();
    a.dispose();
    expect(b.bytesHeld()).toBe(held);
    expect((await run(MOBILENET, model, b)).weights[0]).toBe(inB.weights[0]);
  });
});

describe('a runtime’s parts', () => {
  it('scratch grows within the budget and is reused; past the budget it is a fresh array, and trimScratch gives its bytes back', () => {
    const rt = createRuntime({ budgetBytes: 1000 });
    const a = rt.scratch('ping', 100);
    expect(rt.bytesHeld()).toBe(400);
    expect(rt.scratch('ping', 50).buffer).toBe(a.buffer);
    expect(rt.scratch('ping', 50)).toHaveLength(50);
    const big = rt.scratch('pong', 200);
    expect(big).toHaveLength(200);
    expect(rt.bytesHeld()).toBe(400);
    expect(rt.scratch('pong', 100).buffer).not.toBe(big.buffer);
    expect(rt.bytesHeld()).toBe(800);
    rt.trimScratch();
    expect(rt.bytesHeld()).toBe(0);
  });

  it('pools a tensor’s storage while it fits (once, whole arrays only) and hands it back zeroed', () => {
    const rt = createRuntime({ budgetBytes: 64 });
    const a = new Float32Array(8).fill(3);
    rt.recycle(a);
    rt.recycle(a);
    expect(rt.bytesHeld()).toBe(32);
    rt.recycle(new Float32Array(16).subarray(0, 8));
    rt.recycle(new Float32Array(9));
    expect(rt.bytesHeld()).toBe(32);
    const back = rt.takePooled(8)!;
    expect(back).toBe(a);
    expect(Array.from(back)).toEqual(new Array(8).fill(0));
    expect(rt.takePooled(8)).toBeUndefined();
    expect(rt.bytesHeld()).toBe(0);
  });

  it('kept values replace what was under their key and give its bytes back; dispose calls what was registered once', () => {
    const rt = createRuntime({ budgetBytes: 100 });
    const w = new Float32Array(4);
    expect(rt.received.keep(1, [{ weights: w, bias: undefined }], 60)).toBe(true);
    expect(rt.received.keep(1, [{ weights: w, bias: undefined }], 80)).toBe(true);
    expect(rt.bytesHeld()).toBe(80);
    expect(rt.received.keep(2, [], 30)).toBe(false);
    expect(rt.received.get(2)).toBeUndefined();
    let calls = 0;
    rt.onDispose(() => calls++);
    rt.dispose();
    rt.dispose();
    expect(calls).toBe(1);
    expect(rt.bytesHeld()).toBe(0);
  });
});
