import { describe, expect, it } from 'vitest';
import {
  ALEXNET, ALEXNET_FC6_UNPOOLED, countInception, countLayer, INCEPTION_3A, INCEPTION_3A_NAIVE, networkTotals,
} from '../../../../src/engine/concepts/networks';

describe('countLayer(layer): each AlexNet row as the parameter table prints it', () => {
  it('writes the formula (the tower count only when split), weights and biases of every layer', () => {
    expect(ALEXNET.map(countLayer)).toEqual([
      { name: 'conv1', type: 'conv', formula: '11·11·3·48·2', weights: 34_848, biases: 96 },
      { name: 'conv2', type: 'conv', formula: '5·5·48·128·2', weights: 307_200, biases: 256 },
      { name: 'conv3', type: 'conv', formula: '3·3·256·384', weights: 884_736, biases: 384 },
      { name: 'conv4', type: 'conv', formula: '3·3·192·192·2', weights: 663_552, biases: 384 },
      { name: 'conv5', type: 'conv', formula: '3·3·192·128·2', weights: 442_368, biases: 256 },
      { name: 'fc6', type: 'dense', formula: '6·6·256·4096', weights: 37_748_736, biases: 4096 },
      { name: 'fc7', type: 'dense', formula: '4096·4096', weights: 16_777_216, biases: 4096 },
      { name: 'fc8', type: 'dense', formula: '4096·1000', weights: 4_096_000, biases: 1000 },
    ]);
  });
  it('counts the unpooled fc6 slip as 13·13·256·4096 = 177,209,344', () => {
    expect(countLayer(ALEXNET_FC6_UNPOOLED)).toEqual({ name: 'fc6', type: 'dense', formula: '13·13·256·4096', weights: 177_209_344, biases: 4096 });
  });
});

describe('networkTotals(layers)', () => {
  it('AlexNet: 2,332,704 conv + 58,621,952 dense = 60,954,656 weights, 10,568 biases, 60,965,224 parameters', () => {
    expect(networkTotals(ALEXNET.map(countLayer))).toEqual({
      convWeights: 2_332_704, denseWeights: 58_621_952, weights: 60_954_656, biases: 10_568, parameters: 60_965_224,
    });
  });
  it('keeps conv and dense apart on a two-layer network', () => {
    const t = networkTotals([
      { name: 'a', type: 'conv', formula: '', weights: 10, biases: 1 },
      { name: 'b', type: 'dense', formula: '', weights: 100, biases: 2 },
    ]);
    expect(t).toEqual({ convWeights: 10, denseWeights: 100, weights: 110, biases: 3, parameters: 113 });
  });
});

describe('countInception(block): GoogLeNet 3a at 28×28×192, its parts and totals', () => {
  it('with the 1×1 reductions: each conv’s formula, weights and multiply-adds (784 pixels), per branch', () => {
    const b = countInception(INCEPTION_3A);
    expect(b.branches.map((x) => [x.name, x.pool, x.outChannels])).toEqual([
      ['1×1', false, 64], ['1×1 → 3×3', false, 128], ['1×1 → 5×5', false, 32], ['pool → 1×1', true, 32],
    ]);
    expect(b.branches.map((x) => x.convs.map((cv) => [cv.formula, cv.weights, cv.multiplyAdds]))).toEqual([
      [['1·1·192·64', 12_288, 9_633_792]],
      [['1·1·192·96', 18_432, 14_450_688], ['3·3·96·128', 110_592, 86_704_128]],
      [['1·1·192·16', 3_072, 2_408_448], ['5·5·16·32', 12_800, 10_035_200]],
      [['1·1·192·32', 6_144, 4_816_896]],
    ]);
    expect(b.branches[1]!.convs[1]).toMatchObject({ kernel: 3, inChannels: 96, outChannels: 128 });
    expect([b.weights, b.multiplyAdds, b.outChannels]).toEqual([163_328, 128_049_152, 256]);
  });
  it('without them: 387,072 weights, 303,464,448 multiply-adds, and the pool passes 192 channels (416 out)', () => {
    const b = countInception(INCEPTION_3A_NAIVE);
    expect(b.branches.map((x) => x.convs.map((cv) => cv.weights))).toEqual([[12_288], [221_184], [153_600], []]);
    expect(b.branches.map((x) => [x.name, x.pool])).toEqual([['1×1', false], ['3×3', false], ['5×5', false], ['pool', true]]);
    expect([b.weights, b.multiplyAdds, b.outChannels]).toEqual([387_072, 303_464_448, 416]);
  });
  it('scales multiply-adds with the map (a 2×3 map of 4 channels → one 3×3 conv to 5)', () => {
    const b = countInception({ height: 2, width: 3, inChannels: 4, branches: [{ name: 'x', pool: false, convs: [{ kernel: 3, inChannels: 4, outChannels: 5 }], outChannels: 5 }] });
    expect([b.weights, b.multiplyAdds]).toEqual([180, 1080]);
  });
});
