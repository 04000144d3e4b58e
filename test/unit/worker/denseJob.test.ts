import { describe, expect, it } from 'vitest';
import { heNormal, syntheticActivations } from '../../../src/engine';
import { runDense } from '../../../src/worker/denseJob';

const base = () => ({
  height: 4, width: 3, inChannels: 8, outChannels: 5,
  input: syntheticActivations(4, 3, 8, 1).data, weights: heNormal(40, 8, 2), bias: heNormal(5, 8, 3),
  fcKernel: 3, fcChannels: 2, fcOutputs: 4, fcWeights: heNormal(4 * 2 * 9, 18, 4),
  fcMapHeight: 5, fcMapWidth: 4, fcInput: syntheticActivations(5, 4, 2, 5).data,
});

describe('worker job "dense"', () => {
  it('finds the 1×1 convolution equal to the dense layer at each pixel, and sizes the fc-as-conv output map', () => {
    const r = runDense(base());
    expect(r.outputs).toBe(4 * 3 * 5);
    expect(r.pointwiseMaxDifference).toBeLessThan(1e-6);
    expect(Array.from(r.pixelConv)).toEqual(Array.from(r.pixelDense).map((v) => expect.closeTo(v, 6)));
    expect([r.fcOutHeight, r.fcOutWidth]).toEqual([3, 2]);
    expect(r.fcMaxDifference).toBeLessThan(1e-5 * Math.max(1, r.fcScale));
  });
  it('refuses arrays of the wrong size and maps smaller than the fc kernel, with a message', () => {
    expect(() => runDense({ ...base(), weights: new Float32Array(3) })).toThrow(/weights must hold 40 floats/);
    expect(() => runDense({ ...base(), fcMapHeight: 2 })).toThrow(/limited/);
  });
});
