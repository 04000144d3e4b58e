import { describe, expect, it } from 'vitest';
import { conv2d, convOutputSize, hwcTensor, pointwiseConv, coutCinWeights } from '../../../../src/engine';
import { lcg, maxError, randomArray } from '../reference';

/** Grouped convolution written the slow, obvious way: each group is its own small conv. */
function referenceGrouped(x: Float32Array, h: number, w: number, cin: number, cout: number, k: number, g: number, wt: Float32Array, bias: Float32Array) {
  const cinG = cin / g, coutG = cout / g, oh = h - k + 1, ow = w - k + 1;
  const out = new Float64Array(oh * ow * cout);
  for (let grp = 0; grp < g; grp++)
    for (let o = 0; o < coutG; o++) {
      const oc = grp * coutG + o;
      for (let r = 0; r < oh; r++)
        for (let c = 0; c < ow; c++) {
          let s = bias[oc]!;
          for (let i = 0; i < cinG; i++)
            for (let y = 0; y < k; y++)
              for (let xx = 0; xx < k; xx++) s += x[((r + y) * w + c + xx) * cin + grp * cinG + i]! * wt[((oc * cinG + i) * k + y) * k + xx]!;
          out[(r * ow + c) * cout + oc] = s;
        }
    }
  return out;
}

describe('convOutputSize(size, kernel, stride, pad, dilation)', () => {
  it('gives 5 for a 7-wide input and a 3-wide kernel (concepts.md §3)', () => {
    expect(convOutputSize(7, 3)).toBe(5);
  });
  it('follows floor((H + 2P − K)/S) + 1 with K = D(K−1)+1', () => {
    expect(convOutputSize(32, 5)).toBe(28);
    expect(convOutputSize(28, 5)).toBe(24);
    expect(convOutputSize(224, 11, 4, 2)).toBe(55);
    expect(convOutputSize(10, 3, 1, 0, 2)).toBe(6);
    expect(convOutputSize(2, 3)).toBe(0);
  });
});

describe('conv2d with groups', () => {
  it('matches a per-group reference for 256→128-style grouping (8→4 channels, 2 groups)', () => {
    const rand = lcg(8);
    const h = 6, w = 7, cin = 8, cout = 4, k = 3, g = 2;
    const x = randomArray(h * w * cin, rand), wt = randomArray(cout * (cin / g) * k * k, rand), bias = randomArray(cout, rand);
    const got = conv2d(hwcTensor(h, w, cin, x), { inChannels: cin, outChannels: cout, kernelHeight: k, kernelWidth: k, groups: g }, { weights: wt, bias });
    const { err, scale } = maxError(got.data, referenceGrouped(x, h, w, cin, cout, k, g, wt, bias));
    expect(err).toBeLessThanOrEqual(1e-6 * scale);
  });

  it('a 1×1 conv2d equals pointwiseConv', () => {
    const rand = lcg(2);
    const x = hwcTensor(5, 4, 6, randomArray(120, rand));
    const wt = randomArray(18, rand);
    const a = conv2d(x, { inChannels: 6, outChannels: 3, kernelHeight: 1, kernelWidth: 1 }, { weights: wt });
    const b = pointwiseConv(x, { weights: coutCinWeights(3, 6, wt), relu: false });
    expect(maxError(a.data, b.data).err).toBeLessThan(1e-6);
  });

  it('rejects groups that do not divide the channels, with a message naming them', () => {
    expect(() => conv2d(hwcTensor(3, 3, 6), { inChannels: 6, outChannels: 4, kernelHeight: 1, kernelWidth: 1, groups: 3 }, { weights: new Float32Array(8) }))
      .toThrow(/groups \(3\) must divide/);
  });
});
