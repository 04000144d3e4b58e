import { describe, expect, it } from 'vitest';
import { bestConvFit, composeSqueezeThenConv, conv2d, heNormal, hwcTensor, inputChannelRank, matrixRank, maxAbsDifference, relativeError, syntheticActivations } from '../../../../src/engine';

const H = 12, CIN = 6, B = 3, COUT = 8;
const x = syntheticActivations(H, H, CIN, 4);
const squeeze = heNormal(B * CIN, CIN, 1), spatial = heNormal(COUT * B * 9, B * 9, 2);
const conv = (input: typeof x, cin: number, cout: number, k: number, weights: Float32Array) =>
  conv2d(input, { inChannels: cin, outChannels: cout, kernelHeight: k, kernelWidth: k, padY: (k - 1) / 2, padX: (k - 1) / 2 }, { weights });

describe('composeSqueezeThenConv(squeeze, spatial, …)', () => {
  it('one 3×3 layer with the product weights gives the two layers’ output (float32 rounding), of rank ≤ b', () => {
    const two = conv(conv(x, CIN, B, 1, squeeze), B, COUT, 3, spatial);
    const merged = composeSqueezeThenConv(squeeze, spatial, CIN, B, COUT, 3);
    const one = conv(x, CIN, COUT, 3, merged);
    expect(maxAbsDifference(one.data, two.data)).toBeLessThan(1e-5);
    // It reads only b = 3 directions of its 6 input channels; a random 3×3 layer reads all 6.
    expect(inputChannelRank(merged, COUT, CIN, 3)).toBe(B);
    expect(inputChannelRank(heNormal(COUT * CIN * 9, 9, 3), COUT, CIN, 3)).toBe(CIN);
    expect(matrixRank([1, 2, 2, 4], 2, 2)).toBe(1);
  });
});

describe('bestConvFit(input, target, cout, k)', () => {
  it('recovers a linear 3×3 layer exactly, and cannot reach the path with a ReLU in the middle', () => {
    const merged = composeSqueezeThenConv(squeeze, spatial, CIN, B, COUT, 3);
    const linear = conv(x, CIN, COUT, 3, merged);
    expect(bestConvFit(x, linear.data, COUT, 3).relativeError).toBeLessThan(1e-4);
    const mid = conv(x, CIN, B, 1, squeeze);
    const relu = hwcTensor(H, H, B, mid.data.map((v) => Math.max(0, v)));
    const target = conv(relu, B, COUT, 3, spatial).data;
    const best = bestConvFit(x, target, COUT, 3);
    expect(best.relativeError).toBeGreaterThan(0.05);
    // The best fit is at least as good as the merged (linear) layer.
    expect(best.relativeError).toBeLessThanOrEqual(relativeError(linear.data, target) + 1e-9);
  });
});
