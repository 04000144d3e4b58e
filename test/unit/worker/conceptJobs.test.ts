import { describe, expect, it } from 'vitest';
import { conv2d, heNormal, syntheticActivations } from '../../../src/engine';
import { runConv2d, runReduction } from '../../../src/worker/conceptJobs';
import { RequestError } from '../../../src/worker/requestChecks';

describe('conv2d request', () => {
  const x = syntheticActivations(9, 7, 4, 2);
  const spec = { inChannels: 4, outChannels: 6, kernelHeight: 3, kernelWidth: 3, strideY: 2, strideX: 1, padY: 1, padX: 0, groups: 2 };
  const weights = heNormal(6 * 2 * 9, 18, 4);
  it('returns what the engine computes, with the output size', () => {
    const r = runConv2d({ height: 9, width: 7, input: x.data, spec, weights, relu: false });
    const ref = conv2d(x, spec, { weights });
    expect([r.height, r.width]).toEqual([ref.height, ref.width]);
    expect(Array.from(r.output)).toEqual(Array.from(ref.data));
    const relu = runConv2d({ height: 9, width: 7, input: x.data, spec, weights, relu: true });
    expect(Array.from(relu.output)).toEqual(Array.from(ref.data).map((v) => Math.max(0, v)));
  });
  it('refuses a bad spec, wrong sizes and absurd work as bad requests', () => {
    expect(() => runConv2d({ height: 9, width: 7, input: x.data, spec: { ...spec, groups: 3 }, weights })).toThrow(RequestError);
    expect(() => runConv2d({ height: 9, width: 7, input: x.data.subarray(1), spec, weights })).toThrow(/input must hold/);
    expect(() => runConv2d({ height: 9, width: 7, input: x.data, spec, weights: weights.subarray(1) })).toThrow(/weights must hold/);
    expect(() => runConv2d({ height: 0, width: 7, input: x.data, spec, weights })).toThrow(RequestError);
    const huge = { inChannels: 4096, outChannels: 4096, kernelHeight: 7, kernelWidth: 7 };
    expect(() => runConv2d({ height: 64, width: 64, input: new Float32Array(1), spec: huge, weights: new Float32Array(1) })).toThrow(/too many multiply-adds|too large/);
  });
});

describe('reduction request', () => {
  it('returns both curves, picks the most varied channels when none are named, and reuses the analysis for a new k', () => {
    const p = { height: 12, width: 12, channels: 20, features: 4, seed: 3, k: 3, showChannels: [] as number[] };
    const a = runReduction(p);
    expect(a.pcaKept).toHaveLength(20);
    expect(a.randomKept[19]).toBeCloseTo(1, 8);
    expect(a.shownChannels).toHaveLength(4);
    expect(a.originals).toHaveLength(4 * 144);
    const b = runReduction({ ...p, k: 20, showChannels: [5] });
    expect(Array.from(b.pcaKept)).toEqual(Array.from(a.pcaKept));
    // With every component the rebuilt channel is the original.
    b.pcaMaps.forEach((v, i) => expect(v).toBeCloseTo(b.originals[i]!, 4));
  });
  it('refuses k beyond the channels and unknown channels', () => {
    expect(() => runReduction({ height: 4, width: 4, channels: 5, features: 2, seed: 1, k: 6, showChannels: [] })).toThrow(/k must be at most 5/);
    expect(() => runReduction({ height: 4, width: 4, channels: 5, features: 2, seed: 1, k: 2, showChannels: [9] })).toThrow(RequestError);
  });
});
