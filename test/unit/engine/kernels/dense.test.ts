import { describe, expect, it } from 'vitest';
import { conv2d, denseAtEveryPixel, denseForward, flattenWindowChw, generateLayerData, hwcTensor, pointwiseConv, syntheticActivations } from '../../../../src/engine';
import { heNormal } from '../../../../src/engine/core/random';

describe('dense layers and convolutions (issue #15 §2)', () => {
  it('denseForward is W·x + b', () => {
    expect(Array.from(denseForward([1, 2], [1, 0, 0, 1, 2, 3], 3, [0, 0, 1]))).toEqual([1, 2, 9]);
    expect(() => denseForward([1, 2], [1, 2, 3], 2)).toThrow(/2×2/);
  });
  it('a 1×1 convolution is the dense layer at every pixel: the same float32 values', () => {
    const d = generateLayerData({ height: 6, width: 5, inChannels: 40, outChannels: 12 }, 2);
    const conv = pointwiseConv(d.input, { weights: d.weights, bias: d.bias, relu: false }).data;
    const dense = denseAtEveryPixel(d.input, d.weights.data, 12, d.bias);
    let worst = 0;
    for (let i = 0; i < conv.length; i++) worst = Math.max(worst, Math.abs(conv[i]! - dense[i]!));
    expect(worst).toBeLessThan(1e-6);
  });
  it('a dense layer on a flattened 6×6×C map is a 6×6 convolution whose kernel is the same array; on a larger map it answers for every window', () => {
    const c = 5, out = 7, k = 6;
    const w = heNormal(out * c * k * k, c * k * k, 9);
    const map = syntheticActivations(9, 8, c, 3);
    const conv = conv2d(map, { inChannels: c, outChannels: out, kernelHeight: k, kernelWidth: k }, { weights: w });
    expect([conv.height, conv.width]).toEqual([4, 3]);
    for (let r = 0; r < 4; r++) {
      for (let col = 0; col < 3; col++) {
        const y = denseForward(flattenWindowChw(map, r, col, k), w, out);
        for (let o = 0; o < out; o++) expect(conv.data[(r * 3 + col) * out + o]).toBeCloseTo(y[o]!, 4);
      }
    }
    // The flatten order matters: the window read channels-last (y, x, c) is another vector, and
    // the same weights give another answer.
    const window = hwcTensor(6, 6, c, Float32Array.from({ length: 36 * c }, (_, j) => map.data[(Math.floor(j / (6 * c)) * 8 + Math.floor(j / c) % 6) * c + (j % c)]!));
    const wrong = denseForward(window.data, w, out);
    expect(Math.abs(wrong[0]! - conv.data[0]!)).toBeGreaterThan(1e-3);
  });
});
