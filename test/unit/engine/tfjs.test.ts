/**
 * The engine against a well-known library: tfjs-core's conv2d on its CPU backend
 * (a devDependency, used only here and in the benchmark).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { conv2d, coutCinWeights, hwcTensor, pointwiseConv, type Conv2dSpec } from '../../../src/engine';
import { lcg, maxError, randomArray } from './reference';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Cout×(Cin/G)×kh×kw → tfjs's kh×kw×Cin×Cout filter (G = 1). */
function toTfFilter(w: Float32Array, cout: number, cin: number, kh: number, kw: number): tf.Tensor4D {
  const f = new Float32Array(kh * kw * cin * cout);
  for (let o = 0; o < cout; o++)
    for (let i = 0; i < cin; i++)
      for (let y = 0; y < kh; y++)
        for (let x = 0; x < kw; x++) f[((y * kw + x) * cin + i) * cout + o] = w[((o * cin + i) * kh + y) * kw + x]!;
  return tf.tensor4d(f, [kh, kw, cin, cout]);
}

describe('pointwiseConv against tfjs conv2d with a 1×1 filter', () => {
  it('agrees within 1e-5 relative on 12 random shapes', () => {
    const rand = lcg(77);
    for (let s = 0; s < 12; s++) {
      const h = 1 + Math.floor((rand() + 0.5) * 12), w = 1 + Math.floor((rand() + 0.5) * 12);
      const cin = 1 + Math.floor((rand() + 0.5) * 70), cout = 1 + Math.floor((rand() + 0.5) * 70);
      const x = randomArray(h * w * cin, rand), wt = randomArray(cout * cin, rand);
      const ours = pointwiseConv(hwcTensor(h, w, cin, x), { weights: coutCinWeights(cout, cin, wt), relu: false });
      const theirs = tf.conv2d(tf.tensor4d(x, [1, h, w, cin]), toTfFilter(wt, cout, cin, 1, 1), 1, 'valid');
      const { err, scale } = maxError(ours.data, theirs.dataSync());
      expect(err).toBeLessThanOrEqual(1e-5 * Math.max(scale, 1e-30));
    }
  });
});

describe('conv2d against tfjs conv2d', () => {
  const cases: (Conv2dSpec & { h: number; w: number })[] = [
    { h: 7, w: 7, inChannels: 1, outChannels: 1, kernelHeight: 3, kernelWidth: 3 },
    { h: 9, w: 8, inChannels: 3, outChannels: 4, kernelHeight: 3, kernelWidth: 3, strideY: 2, strideX: 2, padY: 1, padX: 1 },
    { h: 10, w: 11, inChannels: 2, outChannels: 5, kernelHeight: 3, kernelWidth: 2, dilationY: 2, dilationX: 2, padY: 2, padX: 1 },
    { h: 32, w: 32, inChannels: 3, outChannels: 4, kernelHeight: 5, kernelWidth: 5 },
    { h: 6, w: 5, inChannels: 4, outChannels: 3, kernelHeight: 1, kernelWidth: 3, strideY: 1, strideX: 2 },
  ];
  it.each(cases)('agrees for %o', (spec) => {
    const rand = lcg(spec.h * 31 + spec.kernelWidth);
    const x = randomArray(spec.h * spec.w * spec.inChannels, rand);
    const wt = randomArray(spec.outChannels * spec.inChannels * spec.kernelHeight * spec.kernelWidth, rand);
    const ours = conv2d(hwcTensor(spec.h, spec.w, spec.inChannels, x), spec, { weights: wt });
    const padY = spec.padY ?? 0, padX = spec.padX ?? 0;
    const theirs = tf.conv2d(
      tf.tensor4d(x, [1, spec.h, spec.w, spec.inChannels]),
      toTfFilter(wt, spec.outChannels, spec.inChannels, spec.kernelHeight, spec.kernelWidth),
      [spec.strideY ?? 1, spec.strideX ?? 1],
      [[0, 0], [padY, padY], [padX, padX], [0, 0]],
      'NHWC',
      [spec.dilationY ?? 1, spec.dilationX ?? 1],
    );
    expect([ours.height, ours.width, ours.channels]).toEqual(theirs.shape.slice(1));
    const { err, scale } = maxError(ours.data, theirs.dataSync());
    expect(err).toBeLessThanOrEqual(1e-5 * scale);
  });

  it('depthwise (groups = Cin) agrees with tfjs depthwiseConv2d', () => {
    const rand = lcg(5);
    const h = 8, w = 9, c = 6, k = 3;
    const x = randomArray(h * w * c, rand), wt = randomArray(c * k * k, rand);
    const ours = conv2d(hwcTensor(h, w, c, x), { inChannels: c, outChannels: c, kernelHeight: k, kernelWidth: k, groups: c, padY: 1, padX: 1 }, { weights: wt });
    const f = new Float32Array(k * k * c);
    for (let ch = 0; ch < c; ch++) for (let y = 0; y < k; y++) for (let xx = 0; xx < k; xx++) f[(y * k + xx) * c + ch] = wt[(ch * k + y) * k + xx]!;
    const theirs = tf.depthwiseConv2d(tf.tensor4d(x, [1, h, w, c]), tf.tensor4d(f, [k, k, c, 1]), 1, [[0, 0], [1, 1], [1, 1], [0, 0]]);
    const { err, scale } = maxError(ours.data, theirs.dataSync());
    expect(err).toBeLessThanOrEqual(1e-5 * scale);
  });
});
