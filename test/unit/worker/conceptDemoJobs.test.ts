import { describe, expect, it } from 'vitest';
import { conv2d, type Conv2dSpec } from '../../../src/engine/kernels/conv2d';
import { syntheticActivations } from '../../../src/engine/data/activations';
import { heNormal, subSeed } from '../../../src/engine/core/random';
import { hwcTensor } from '../../../src/engine/core/tensor';
import { permutePixels, pixelPermutation, shiftPixels } from '../../../src/engine/concepts/transforms';
import { checkSeed, runFamily, runNonlinearity, runWhatWhere } from '../../../src/worker/conceptDemoJobs';
import { RequestError } from '../../../src/worker/requestChecks';

/** What the concept pages computed before the data moved to the worker: the same seeded arrays, one conv2d each. */
function pageConv(x: Float32Array, size: number, spec: Conv2dSpec, seed: number, stream: string): Float32Array {
  const g = spec.groups ?? 1, fanIn = (spec.inChannels / g) * spec.kernelHeight * spec.kernelWidth;
  return conv2d(hwcTensor(size, size, spec.inChannels, x), spec, { weights: heNormal(spec.outChannels * fanIn, fanIn, subSeed(seed, stream)) }).data;
}
const spec = (k: number, cin: number, cout: number, groups?: number): Conv2dSpec =>
  ({ inChannels: cin, outChannels: cout, kernelHeight: k, kernelWidth: k, padY: (k - 1) / 2, padX: (k - 1) / 2, ...(groups ? { groups } : {}) });

describe('seeded concept demonstrations (made in the worker)', () => {
  it('nonlinearity: both paths bit for bit as the page made them, with each ReLU’s zeroed count and the collapse figures', () => {
    const r = runNonlinearity({ seed: 9, size: 12, inChannels: 6, squeezeChannels: 3, outChannels: 5 });
    const x = syntheticActivations(12, 12, 6, 9).data;
    const direct = pageConv(x, 12, spec(3, 6, 5), 9, 'direct');
    const b1 = pageConv(x, 12, spec(1, 6, 3), 9, 'squeeze');
    const b2 = pageConv(b1.map((v) => (v > 0 ? v : 0)), 12, spec(3, 3, 5), 9, 'spatial');
    expect(r.direct[0].pre).toEqual(direct);
    expect(r.squeezed[0].pre).toEqual(b1);
    expect(r.squeezed[1].pre).toEqual(b2);
    expect(r.direct[0].post).toEqual(direct.map((v) => (v > 0 ? v : 0)));
    expect(r.direct[0].zeroed).toBe(direct.filter((v) => v < 0).length);
    expect(r.direct[0].zeroed).toBeGreaterThan(0);
    expect([r.direct[0].channels, r.squeezed[0].channels, r.squeezed[1].channels]).toEqual([5, 3, 5]);
    // Without the ReLU the two layers are one 3×3 layer (to float error); the merged one reads ≤ b directions.
    expect(r.collapse.linearMaxDifference).toBeLessThan(1e-5 * r.collapse.outputScale);
    expect(r.collapse.mergedRank).toBe(3);
    expect(r.collapse.windows).toBe(144);
  });

  it('whatWhere: a shuffle commutes with the 1×1 layer exactly and not with the 3×3 one; the shift’s outputs are the page’s', () => {
    const shuffled = runWhatWhere({ seed: 7, size: 8, inChannels: 4, outChannels: 3, move: 'shuffle', dy: 0, dx: 0 });
    expect(shuffled.rows.map((r) => r.kernel)).toEqual([1, 3]);
    expect(shuffled.rows[0].max).toBe(0);
    expect(shuffled.rows[1].max).toBeGreaterThan(0.01);
    const x = syntheticActivations(8, 8, 4, 7);
    expect(shuffled.input).toEqual(x.data);
    expect(shuffled.moved).toEqual(permutePixels(x, pixelPermutation(64, 7)).data);
    const shifted = runWhatWhere({ seed: 7, size: 8, inChannels: 4, outChannels: 3, move: 'shift', dy: 2, dx: -3 });
    const weights = heNormal(3 * 4 * 9, 36, subSeed(7, 'k3'));
    const moved = shiftPixels(x, 2, -3);
    expect(shifted.rows[1].first).toEqual(conv2d(moved, spec(3, 4, 3), { weights }).data);
    expect(shifted.rows[1].second).toEqual(shiftPixels(conv2d(x, spec(3, 4, 3), { weights }), 2, -3).data);
    expect(shifted.rows[1].max).toBe(shifted.rows[1].diff.reduce((m, v) => Math.max(m, v), 0));
  });

  it('family: each kind as the page computed it, the separable one being the pointwise layer after the depthwise one', () => {
    const r = runFamily({ seed: 5, size: 6, inChannels: 8, outChannels: 4, groups: 2, kernel: 3 });
    const x = syntheticActivations(6, 6, 8, 5).data;
    expect(r.standard).toEqual(pageConv(x, 6, spec(3, 8, 4, 1), 5, 'standard'));
    expect(r.grouped).toEqual(pageConv(x, 6, spec(3, 8, 4, 2), 5, 'grouped'));
    const dw = pageConv(x, 6, spec(3, 8, 8, 8), 5, 'depthwise');
    expect(r.depthwise).toEqual(dw);
    expect(r.pointwise).toEqual(pageConv(x, 6, spec(1, 8, 4), 5, 'pointwise'));
    expect(r.separable).toEqual(pageConv(dw, 6, spec(1, 8, 4), 5, 'pointwise-after-depthwise'));
    expect(r.standard.length).toBe(6 * 6 * 4);
    expect(r.depthwise.length).toBe(6 * 6 * 8);
  });

  it('refuses bad seeds, sizes, groups that do not divide, and absurd work, as bad requests with the reason', () => {
    expect(checkSeed(0)).toBe(0);
    expect(checkSeed(2 ** 32 - 1)).toBe(2 ** 32 - 1);
    for (const bad of [-1, 2 ** 32, 0.5, '3', NaN]) expect(() => checkSeed(bad)).toThrow(RequestError);
    const fam = { seed: 1, size: 4, inChannels: 8, outChannels: 4, groups: 2, kernel: 3 };
    expect(() => runFamily({ ...fam, groups: 3 })).toThrow(/groups \(3\) must divide Cin \(8\) and Cout \(4\)/);
    expect(() => runFamily({ ...fam, size: 65 })).toThrow(/size must be at most 64/);
    expect(() => runFamily({ ...fam, kernel: 8 })).toThrow(/kernel must be at most 7/);
    expect(() => runFamily({ ...fam, size: 64, inChannels: 1024, outChannels: 1024, groups: 1 })).toThrow(/too many multiply-adds/);
    expect(() => runNonlinearity({ seed: 1, size: 8, inChannels: 65, squeezeChannels: 2, outChannels: 4 })).toThrow(/inChannels must be at most 64/);
    expect(() => runWhatWhere({ seed: 1, size: 8, inChannels: 2, outChannels: 2, move: 'spin' as never, dy: 0, dx: 0 })).toThrow(/move must be/);
    expect(() => runWhatWhere({ seed: 1, size: 8, inChannels: 2, outChannels: 2, move: 'shift', dy: 9, dx: 0 })).toThrow(/dy and dx/);
  });
});
