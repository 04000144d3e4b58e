import { describe, expect, it } from 'vitest';
import { bottleneckWeights, convWeights, denseWeights, layerCost } from '../../../src/engine';

describe('bottleneckWeights(Cin, Cout, b, k)', () => {
  it('gives 1,800 for the direct 3×3 10→20 and 50 + 900 = 950 through a 5-channel squeeze', () => {
    const r = bottleneckWeights(10, 20, 5, 3);
    expect(r.direct).toBe(1800);
    expect(r.reduce).toBe(50);
    expect(r.spatial).toBe(900);
    expect(r.bottleneck).toBe(950);
  });
});

describe('layerCost(layer)', () => {
  it('counts the headline 1×1 layer: 524,288 weights, 1,024 biases, 1,644,167,168 multiply-adds', () => {
    const c = layerCost({ kind: 'pointwise', inChannels: 512, outChannels: 1024, kernel: 1, outHeight: 56, outWidth: 56 });
    expect(c.weights).toBe(524_288);
    expect(c.weights + c.biases).toBe(525_312);
    expect(c.multiplyAdds).toBe(1_644_167_168);
  });
  it('counts a 3×3 128→64 conv as 73,728 weights, and 256→128 in 2 groups as two 128×64 mixes', () => {
    expect(layerCost({ kind: 'standard', inChannels: 128, outChannels: 64, kernel: 3 }).weights).toBe(73_728);
    expect(layerCost({ kind: 'grouped', inChannels: 256, outChannels: 128, kernel: 1, groups: 2 }).weights).toBe(2 * 128 * 64);
  });
  it('counts depthwise as k·k·Cin and separable as k·k·Cin + Cin·Cout', () => {
    expect(layerCost({ kind: 'depthwise', inChannels: 32, outChannels: 32, kernel: 3 }).weights).toBe(288);
    expect(layerCost({ kind: 'separable', inChannels: 32, outChannels: 64, kernel: 3 }).weights).toBe(288 + 2048);
  });
});

describe('AlexNet from its layer descriptions (concepts.md §3)', () => {
  // Two-GPU layers are two half-width convolutions; conv3 sees all 256 channels.
  const conv = [
    convWeights(11, 3, 48) * 2, convWeights(5, 48, 128) * 2, convWeights(3, 256, 384),
    convWeights(3, 192, 192) * 2, convWeights(3, 192, 128) * 2,
  ];
  const dense = [denseWeights(6 * 6 * 256, 4096), denseWeights(4096, 4096), denseWeights(4096, 1000)];
  const biases = 96 + 256 + 384 + 384 + 256 + 4096 + 4096 + 1000;
  const sum = (a: number[]) => a.reduce((s, v) => s + v, 0);

  it('has the table’s per-layer counts', () => {
    expect(conv).toEqual([34_848, 307_200, 884_736, 663_552, 442_368]);
    expect(dense).toEqual([37_748_736, 16_777_216, 4_096_000]);
  });
  it('totals 2,332,704 conv, 58,621,952 dense, 60,954,656 weights and 60,965,224 with 10,568 biases', () => {
    expect(sum(conv)).toBe(2_332_704);
    expect(sum(dense)).toBe(58_621_952);
    expect(sum(conv) + sum(dense)).toBe(60_954_656);
    expect(biases).toBe(10_568);
    expect(sum(conv) + sum(dense) + biases).toBe(60_965_224);
  });
  it('shows the unpooled-fc6 slip: 13·13·256·4096 = 177,209,344', () => {
    expect(denseWeights(13 * 13 * 256, 4096)).toBe(177_209_344);
  });
});
