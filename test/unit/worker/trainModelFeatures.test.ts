import { describe, expect, it } from 'vitest';
import { runModelLayer, runModelOpen } from '../../../src/worker/modelJobs';
import { runTrain, runTrainFeaturesGet } from '../../../src/worker/trainJobs';
import { runTrainModelFeatures } from '../../../src/worker/trainModelFeatures';
import { RequestError } from '../../../src/worker/requestChecks';
import { mobilenetLike } from '../../fixtures/onnxBuilder';

const SIZE = 32;
const m = mobilenetLike({ size: SIZE, stages: [[1, 16, 1, 1], [6, 24, 2, 2]] });
const rgba = Uint8ClampedArray.from({ length: SIZE * SIZE * 4 }, (_, i) => (i * 37) % 256);
const preprocessing = { scaling: 'imagenet', order: 'rgb' } as const;
const noPause = () => Promise.resolve();

describe("a model layer's input as the Train page's features", () => {
  it('are the pixels the model’s 1×1 layer reads, each spread over the cells it covers on the 56×56 grid, and train', async () => {
    expect(runModelOpen({ bytes: new Uint8Array(m.bytes).buffer, key: 'm' }, () => {}).status).toBe('read');
    const model = { key: 'm', node: m.layer, rgba, width: SIZE, height: SIZE, preprocessing };
    const want = await runModelLayer({ ...model, fold: false }, () => {}, noPause);
    if (want.status !== 'ok') throw new Error(want.detail);
    const f = await runTrainModelFeatures({ key: 'f', input: 'model', seed: 0, height: 56, width: 56, model }, noPause);
    expect(f.channels).toBe(want.inChannels);
    expect(f.layer).toEqual({ height: want.height, width: want.width });
    expect(56 % want.height).toBe(0); // 8×8 here: each layer pixel covers 7×7 cells
    const got = runTrainFeaturesGet({ featuresKey: 'f' });
    expect([got.height, got.width, got.channels]).toEqual([56, 56, want.inChannels]);
    const c = want.inChannels, per = 56 / want.height;
    for (const [r, q] of [[0, 0], [6, 7], [7, 7], [55, 55], [30, 12]] as const) {
      const s = (Math.floor(r / per) * want.width + Math.floor(q / per)) * c;
      expect(Array.from(got.features.subarray((r * 56 + q) * c, (r * 56 + q + 1) * c))).toEqual(Array.from(want.input.subarray(s, s + c)));
    }
    // A layer trained on them: two strokes on two halves of the picture.
    const strokes = [{ cls: 0, radius: 2, points: [10, 10, 20, 10] }, { cls: 1, radius: 2, points: [40, 44, 50, 44] }];
    const t = await runTrain({ featuresKey: 'f', classes: 2, strokes, decay: 1e-3, maxIterations: 30, warmStart: false }, noPause);
    expect(t.weights.length).toBe(2 * c);
    expect(t.accuracy[t.accuracy.length - 1]).toBe(1);
  });

  it('refuses a layer the model does not have, and a model the worker does not hold', async () => {
    runModelOpen({ bytes: new Uint8Array(m.bytes).buffer, key: 'm' }, () => {});
    const model = { key: 'm', node: 'nope', rgba, width: SIZE, height: SIZE, preprocessing };
    await expect(runTrainModelFeatures({ key: 'f', input: 'model', seed: 0, height: 56, width: 56, model }, noPause)).rejects.toBeInstanceOf(RequestError);
    await expect(runTrainModelFeatures({ key: 'f', input: 'model', seed: 0, height: 56, width: 56, model: { ...model, key: 'other', node: m.layer } }, noPause)).rejects.toThrow(/no model held/);
    await expect(runTrainModelFeatures({ key: 'f', input: 'model', seed: 0, height: 56, width: 56 }, noPause)).rejects.toBeInstanceOf(RequestError);
  });
});
