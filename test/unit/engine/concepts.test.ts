import { describe, expect, it } from 'vitest';
import {
  ALEXNET, ALEXNET_FC6_UNPOOLED, INCEPTION_3A, INCEPTION_3A_NAIVE, IMAGE_KERNELS, conv2d, convWindow, countInception,
  countLayer, heNormal, maxAbsDifference, networkTotals, permutePixels, pictureTensor, pixelPermutation, shiftPixels,
  syntheticActivations,
} from '../../../src/engine';

describe('what vs where: 1×1 commutes with rearranging pixels, 3×3 does not', () => {
  const x = syntheticActivations(12, 12, 6, 2);
  const one = { inChannels: 6, outChannels: 4, kernelHeight: 1, kernelWidth: 1 };
  const three = { ...one, kernelHeight: 3, kernelWidth: 3, padY: 1, padX: 1 };
  const w1 = { weights: heNormal(24, 6, 1) }, w3 = { weights: heNormal(216, 54, 2) };
  const perm = pixelPermutation(144, 9);
  it('permutation: conv(P x) == P conv(x) exactly for 1×1, far from it for 3×3', () => {
    expect(maxAbsDifference(conv2d(permutePixels(x, perm), one, w1).data, permutePixels(conv2d(x, one, w1), perm).data)).toBe(0);
    expect(maxAbsDifference(conv2d(permutePixels(x, perm), three, w3).data, permutePixels(conv2d(x, three, w3), perm).data)).toBeGreaterThan(0.1);
  });
  it('circular shift: exact for 1×1; 3×3 differs only where the window wraps', () => {
    expect(maxAbsDifference(conv2d(shiftPixels(x, 2, 3), one, w1).data, shiftPixels(conv2d(x, one, w1), 2, 3).data)).toBe(0);
    expect(maxAbsDifference(conv2d(shiftPixels(x, 2, 3), three, w3).data, shiftPixels(conv2d(x, three, w3), 2, 3).data)).toBeGreaterThan(0);
  });
  it('shiftPixels moves pixel (0,0) to (dy,dx) and wraps', () => {
    const s = shiftPixels(x, 2, -1);
    expect(Array.from(s.data.subarray((2 * 12 + 11) * 6, (2 * 12 + 11) * 6 + 6))).toEqual(Array.from(x.data.subarray(0, 6)));
  });
  it('pixelPermutation is a permutation and depends on the seed', () => {
    expect([...perm].sort((a, b) => a - b)).toEqual(Array.from({ length: 144 }, (_, i) => i));
    expect(Array.from(pixelPermutation(144, 10))).not.toEqual(Array.from(perm));
  });
});

describe('convWindow', () => {
  it('sums to the value conv2d computes, with padding terms marked', () => {
    const x = syntheticActivations(7, 7, 3, 4);
    const spec = { inChannels: 3, outChannels: 2, kernelHeight: 3, kernelWidth: 3, padY: 1, padX: 1, strideY: 2, strideX: 2 };
    const params = { weights: heNormal(54, 27, 3), bias: new Float32Array([0.5, -0.25]) };
    const out = conv2d(x, spec, params);
    for (const [r, c, k] of [[0, 0, 0], [1, 2, 1], [3, 3, 0]] as const) {
      const win = convWindow(x, spec, params, r, c, k);
      expect(win.terms).toHaveLength(27);
      expect(win.sum).toBeCloseTo(out.data[(r * out.width + c) * 2 + k]!, 5);
    }
    expect(convWindow(x, spec, params, 0, 0, 0).terms.filter((t) => t.isPadding)).toHaveLength(15);
  });
  it('the 7×7 example with a 3×3 kernel gives 5×5, and the identity kernel copies the centre', () => {
    const x = pictureTensor(new Uint8ClampedArray(7 * 7 * 4).map((_, i) => (i * 37) % 256), 7, 7, 1);
    const out = conv2d(x, { inChannels: 1, outChannels: 1, kernelHeight: 3, kernelWidth: 3 }, { weights: Float32Array.from(IMAGE_KERNELS.identity) });
    expect([out.height, out.width]).toEqual([5, 5]);
    expect(out.data[0]).toBeCloseTo(x.data[8]!, 6);
  });
});

describe('pictureTensor', () => {
  it('scales bytes to [0, 1] and computes BT.601 luma', () => {
    const rgba = new Uint8ClampedArray([255, 0, 0, 255, 0, 255, 0, 255]);
    expect(Array.from(pictureTensor(rgba, 2, 1, 3).data)).toEqual([1, 0, 0, 0, 1, 0]);
    const y = pictureTensor(rgba, 2, 1, 1).data;
    expect(y[0]).toBeCloseTo(0.299, 6);
    expect(y[1]).toBeCloseTo(0.587, 6);
  });
});

describe('parameter tables', () => {
  const rows = ALEXNET.map(countLayer);
  const totals = networkTotals(rows);
  it('AlexNet layer by layer, as in concepts.md', () => {
    expect(rows.map((r) => [r.name, r.formula, r.weights])).toEqual([
      ['conv1', '11·11·3·48·2', 34_848], ['conv2', '5·5·48·128·2', 307_200], ['conv3', '3·3·256·384', 884_736],
      ['conv4', '3·3·192·192·2', 663_552], ['conv5', '3·3·192·128·2', 442_368], ['fc6', '6·6·256·4096', 37_748_736],
      ['fc7', '4096·4096', 16_777_216], ['fc8', '4096·1000', 4_096_000],
    ]);
  });
  it('AlexNet totals: 2,332,704 conv, 58,621,952 dense, 60,954,656 weights, 10,568 biases, 60,965,224 parameters', () => {
    expect(totals).toEqual({ convWeights: 2_332_704, denseWeights: 58_621_952, weights: 60_954_656, biases: 10_568, parameters: 60_965_224 });
  });
  it('the unpooled fc6 slip counts 177,209,344', () => {
    expect(countLayer(ALEXNET_FC6_UNPOOLED).weights).toBe(177_209_344);
  });
  it('inception (3a): 163,328 weights with its 1×1 reductions, 387,072 without; 256 vs 416 output channels', () => {
    const withR = countInception(INCEPTION_3A), without = countInception(INCEPTION_3A_NAIVE);
    expect([withR.weights, withR.outChannels, withR.multiplyAdds]).toEqual([163_328, 256, 163_328 * 784]);
    expect([without.weights, without.outChannels]).toEqual([387_072, 416]);
  });
});
