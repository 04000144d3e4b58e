/** The parts of the teaching figures (counts.test.ts pins the totals): multiply-adds, biases, ratios, refusals. */
import { describe, expect, it } from 'vitest';
import { bottleneckWeights, channelConnectivity, comparePaths, convWeights, layerCost, pathCost } from '../../../../src/engine/concepts/counts';

describe('layerCost: every kind’s weights, biases and multiply-adds at a 7×5 output', () => {
  const at = { outHeight: 7, outWidth: 5 };
  it.each([
    ['standard 3×3 8→6', { kind: 'standard', inChannels: 8, outChannels: 6, kernel: 3 }, 432, 6],
    ['grouped 3×3 8→6 in 2 groups', { kind: 'grouped', inChannels: 8, outChannels: 6, kernel: 3, groups: 2 }, 216, 6],
    ['depthwise 3×3 on 8', { kind: 'depthwise', inChannels: 8, outChannels: 8, kernel: 3 }, 72, 8],
    ['pointwise 8→6 (the kernel field ignored)', { kind: 'pointwise', inChannels: 8, outChannels: 6, kernel: 5 }, 48, 6],
    ['separable 3×3 8→6', { kind: 'separable', inChannels: 8, outChannels: 6, kernel: 3 }, 72 + 48, 8 + 6],
  ] as const)('%s', (_, layer, weights, biases) => {
    expect(layerCost({ ...layer, ...at })).toEqual({ weights, biases, multiplyAdds: weights * 35 });
  });
  it('counts one output pixel when no size is given, and one group when a grouped layer names none', () => {
    expect(layerCost({ kind: 'standard', inChannels: 2, outChannels: 3, kernel: 1 }).multiplyAdds).toBe(6);
    expect(layerCost({ kind: 'standard', inChannels: 2, outChannels: 3, kernel: 1, outHeight: 4 }).multiplyAdds).toBe(24);
    expect(layerCost({ kind: 'standard', inChannels: 2, outChannels: 3, kernel: 1, outWidth: 5 }).multiplyAdds).toBe(30);
    expect(layerCost({ kind: 'grouped', inChannels: 4, outChannels: 6, kernel: 1 }).weights).toBe(24);
  });
  it('a groups field counts for grouped layers only (LayerShape: ignored otherwise)', () => {
    const shape = { inChannels: 8, outChannels: 6, kernel: 3, groups: 2, ...at };
    expect(layerCost({ kind: 'standard', ...shape })).toEqual({ weights: 432, biases: 6, multiplyAdds: 432 * 35 });
    expect(layerCost({ kind: 'pointwise', ...shape })).toEqual({ weights: 48, biases: 6, multiplyAdds: 48 * 35 });
    expect(layerCost({ kind: 'separable', ...shape })).toEqual({ weights: 120, biases: 14, multiplyAdds: 120 * 35 });
    expect(layerCost({ kind: 'grouped', ...shape }).weights).toBe(216);
  });
  it('convWeights: k·k·(Cin/G)·(Cout/G)·G', () => {
    expect(convWeights(3, 8, 6)).toBe(432);
    expect(convWeights(3, 8, 6, 2)).toBe(216);
    expect(convWeights(1, 32, 32, 32)).toBe(32);
  });
});

describe('bottleneckWeights: the parts and the ratio', () => {
  it('(10, 20, 5, 3): 950 / 1,800 = 0.5277…', () => {
    const r = bottleneckWeights(10, 20, 5, 3);
    expect(r).toEqual({ direct: 1800, reduce: 50, spatial: 900, bottleneck: 950, ratio: 950 / 1800 });
  });
  it('(256, 256, 64, 3): 16,384 + 147,456 against 589,824', () => {
    expect(bottleneckWeights(256, 256, 64, 3)).toEqual({ direct: 589_824, reduce: 16_384, spatial: 147_456, bottleneck: 163_840, ratio: 163_840 / 589_824 });
  });
});

describe('comparePaths: each layer’s shape and cost', () => {
  it('without expand: 1×1 Cin→b then k×k b→Cout, biases and multiply-adds at H×W', () => {
    const p = comparePaths({ inChannels: 10, outChannels: 20, squeeze: 5, kernel: 3, expand: false, height: 4, width: 2 });
    expect(p.direct).toEqual([{ kernel: 3, inChannels: 10, outChannels: 20, cost: { weights: 1800, biases: 20, multiplyAdds: 14_400 } }]);
    expect(p.bottleneck).toEqual([
      { kernel: 1, inChannels: 10, outChannels: 5, cost: { weights: 50, biases: 5, multiplyAdds: 400 } },
      { kernel: 3, inChannels: 5, outChannels: 20, cost: { weights: 900, biases: 20, multiplyAdds: 7200 } },
    ]);
  });
  it('with expand (ResNet): the k×k keeps b channels and a third 1×1 b→Cout follows', () => {
    const p = comparePaths({ inChannels: 16, outChannels: 16, squeeze: 4, kernel: 3, expand: true, height: 1, width: 3 });
    expect(p.bottleneck.map((l) => [l.kernel, l.inChannels, l.outChannels, l.cost.weights, l.cost.biases, l.cost.multiplyAdds])).toEqual([
      [1, 16, 4, 64, 4, 192], [3, 4, 4, 144, 4, 432], [1, 4, 16, 64, 16, 192],
    ]);
    expect(pathCost(p.bottleneck)).toEqual({ weights: 272, biases: 24, multiplyAdds: 816 });
    expect(pathCost([])).toEqual({ weights: 0, biases: 0, multiplyAdds: 0 });
  });
});

describe('channelConnectivity: blocks and refusals', () => {
  it('grouped 6→6 in 3 groups: three 2×2 blocks on the diagonal', () => {
    expect(Array.from(channelConnectivity('grouped', 6, 6, 3))).toEqual([
      1, 1, 0, 0, 0, 0,
      1, 1, 0, 0, 0, 0,
      0, 0, 1, 1, 0, 0,
      0, 0, 1, 1, 0, 0,
      0, 0, 0, 0, 1, 1,
      0, 0, 0, 0, 1, 1,
    ]);
  });
  it('grouped 2→4 in 2 groups: each input feeds two outputs', () => {
    expect(Array.from(channelConnectivity('grouped', 2, 4, 2))).toEqual([1, 0, 1, 0, 0, 1, 0, 1]);
  });
  it('separable and pointwise ignore the groups argument (all with all)', () => {
    expect(Array.from(channelConnectivity('separable', 2, 3, 2))).toEqual([1, 1, 1, 1, 1, 1]);
    expect(Array.from(channelConnectivity('pointwise', 3, 1, 3))).toEqual([1, 1, 1]);
  });
  it('refuses Cin or Cout that the groups do not divide, with both in the message', () => {
    expect(() => channelConnectivity('grouped', 6, 4, 4)).toThrow('groups (4) must divide 6 and 4');
    expect(() => channelConnectivity('grouped', 4, 6, 4)).toThrow('groups (4) must divide 4 and 6');
    expect(() => channelConnectivity('grouped', 4, 4, 4)).not.toThrow();
  });
});
