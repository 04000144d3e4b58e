import { describe, expect, it } from 'vitest';
import { bottleneckWeights, channelConnectivity, comparePaths, convWeights, denseWeights, layerCost, pathCost } from '../../../../src/engine';

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

describe('comparePaths and pathCost', () => {
  it('the reference case: 1,800 direct vs 50 + 900 = 950', () => {
    const p = comparePaths({ inChannels: 10, outChannels: 20, squeeze: 5, kernel: 3, expand: false, height: 8, width: 8 });
    expect(p.direct.map((l) => l.cost.weights)).toEqual([1800]);
    expect(p.bottleneck.map((l) => l.cost.weights)).toEqual([50, 900]);
    expect(pathCost(p.bottleneck)).toEqual({ weights: 950, biases: 25, multiplyAdds: 950 * 64 });
  });
  it('the ResNet bottleneck 256→64→64→256: 69,632 against a plain 3×3 256→256 of 589,824', () => {
    const p = comparePaths({ inChannels: 256, outChannels: 256, squeeze: 64, kernel: 3, expand: true, height: 56, width: 56 });
    expect(p.bottleneck.map((l) => l.cost.weights)).toEqual([16_384, 36_864, 16_384]);
    expect(pathCost(p.bottleneck).weights).toBe(69_632);
    expect(pathCost(p.direct).weights).toBe(589_824);
  });
});

describe('channelConnectivity', () => {
  const ones = (m: Uint8Array) => m.reduce((a, b) => a + b, 0);
  it('standard and pointwise: all with all; grouped: G blocks; depthwise: the diagonal', () => {
    expect(ones(channelConnectivity('standard', 6, 4))).toBe(24);
    const g = channelConnectivity('grouped', 4, 2, 2);
    expect(Array.from(g)).toEqual([1, 1, 0, 0, 0, 0, 1, 1]);
    const d = channelConnectivity('depthwise', 3, 99);
    expect(Array.from(d)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(ones(channelConnectivity('grouped', 256, 128, 2))).toBe(2 * 128 * 64);
  });
  it('refuses groups that do not divide the channels', () => {
    expect(() => channelConnectivity('grouped', 6, 4, 4)).toThrow(RangeError);
  });
});
