import { describe, expect, it } from 'vitest';
import { heNormal, subSeed, syntheticActivations } from '../../../src/engine';
import { denseAtEveryPixel } from '../../../src/engine/kernels/dense';
import { runDense } from '../../../src/worker/denseJob';

const base = () => ({
  seed: 3, height: 4, width: 3, inChannels: 8, outChannels: 5,
  fcKernel: 3, fcChannels: 2, fcOutputs: 4, fcMapHeight: 5, fcMapWidth: 4,
});

describe('worker job "dense" (the data made in the worker from a seed)', () => {
  it('finds the 1×1 convolution equal to the dense layer at each pixel, and sizes the fc-as-conv output map', () => {
    const r = runDense(base());
    expect(r.outputs).toBe(4 * 3 * 5);
    expect(r.pointwiseMaxDifference).toBeLessThan(1e-6);
    expect(Array.from(r.pixelConv)).toEqual(Array.from(r.pixelDense).map((v) => expect.closeTo(v, 6)));
    expect([r.fcOutHeight, r.fcOutWidth]).toEqual([3, 2]);
    expect(r.fcMaxDifference).toBeLessThan(1e-5 * Math.max(1, r.fcScale));
  });
  it('makes the seed’s own input, weights and bias: pixel (0, 0) is the dense layer on them, and another seed differs', () => {
    const r = runDense(base());
    const input = syntheticActivations(4, 3, 8, 3);
    const dense = denseAtEveryPixel(input, heNormal(40, 8, subSeed(3, 'dense-1x1')), 5, heNormal(5, 8, subSeed(3, 'dense-bias')));
    expect(Array.from(r.pixelDense)).toEqual(Array.from(dense.subarray(0, 5)));
    expect(Array.from(runDense({ ...base(), seed: 4 }).pixelDense)).not.toEqual(Array.from(r.pixelDense));
  });
  it('refuses a bad seed and maps smaller than the fc kernel, with a message', () => {
    expect(() => runDense({ ...base(), seed: -1 })).toThrow(/seed must be an integer/);
    expect(() => runDense({ ...base(), seed: 1.5 })).toThrow(/seed must be an integer/);
    expect(() => runDense({ ...base(), fcMapHeight: 2 })).toThrow(/limited/);
  });
});
