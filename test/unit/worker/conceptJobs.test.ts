import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import { bankFromNpy, channelMoments, firstLayerFeatures, LEARNED_FILES, pca, pictureTensor, type LearnedFileName } from '../../../src/engine';
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
  it('on the app’s own layer: its activations, and how much variance its own filters keep (all channels: 100 %; the top PCA components: PCA’s figure)', () => {
    const n = 12, h = 6, w = 5;
    const data = Float32Array.from({ length: h * w * n }, (_, i) => Math.sin(i * 0.37) + ((i % n) < 4 ? Math.cos(i * 0.11) : 0));
    const p = { height: h, width: w, channels: n, features: 4, seed: 1, k: 3, showChannels: [] as number[] };
    const identity = Float32Array.from({ length: n * n }, (_, i) => (i % (n + 1) === 0 ? 1 : 0));
    const all = runReduction({ ...p, activations: { data, key: 'id', filters: identity, filterCount: n } });
    expect(all.layerKept).toBeCloseTo(1, 8);
    const direct = pca(channelMoments({ height: h, width: w, channels: n, data }));
    const top3 = Float32Array.from({ length: 3 * n }, (_, i) => direct.components[i]!);
    const r = runReduction({ ...p, activations: { data, key: 'top3', filters: top3, filterCount: 3 } });
    expect(r.layerKept).toBeCloseTo(direct.kept[2]!, 6);
    expect(r.pcaKept[2]).toBeCloseTo(direct.kept[2]!, 10);
    // Two filters that only see channel 0 keep at least channel 0's own variance and at most the first component's.
    const one = Float32Array.from({ length: 2 * n }, (_, i) => (i % n === 0 ? i / n + 1 : 0));
    const share = runReduction({ ...p, activations: { data, key: 'one', filters: one, filterCount: 2 } }).layerKept!;
    const cov = channelMoments({ height: h, width: w, channels: n, data });
    let total = 0;
    for (let i = 0; i < n; i++) total += cov.covariance[i * n + i]!;
    expect(share).toBeLessThan(direct.kept[0]! + 1e-9);
    expect(share).toBeGreaterThan(cov.covariance[0]! / total - 1e-9);
    expect(() => runReduction({ ...p, activations: { data: data.subarray(1), key: 'bad' } })).toThrow(/activations must hold 6×5×12/);
  });
  it('on a photo: the first 250 learned channels, the same PCA curve as the engine computes directly', () => {
    const img = jpeg.decode(readFileSync('public/photos/chelsea.jpg'), { useTArray: true, formatAsRGBA: true });
    const rgba = Uint8ClampedArray.from(img.data);
    const files = Object.fromEntries(LEARNED_FILES.map((n) => [n, new Uint8Array(readFileSync(`public/learned/${n}.npy`)).buffer])) as Record<LearnedFileName, ArrayBuffer>;
    const p = { height: 56, width: 56, channels: 250, features: 48, seed: 1, k: 10, showChannels: [] as number[] };
    const r = runReduction({ ...p, photo: { rgba, width: 224, height: 224, key: 'chelsea' }, bank: files });
    const bank = bankFromNpy(Object.fromEntries(LEARNED_FILES.map((n) => [n, new Uint8Array(files[n])])) as Record<LearnedFileName, Uint8Array>);
    const direct = pca(channelMoments(firstLayerFeatures(pictureTensor(rgba, 224, 224, 3), bank.first, 250))).kept;
    r.pcaKept.forEach((v, i) => expect(v).toBeCloseTo(direct[i]!, 10));
    const synthetic = runReduction(p);
    const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
    console.log(`k = 10 of 250: photo (chelsea) PCA ${pct(r.pcaKept[9]!)}, random ${pct(r.randomKept[9]!)}; synthetic PCA ${pct(synthetic.pcaKept[9]!)}, random ${pct(synthetic.randomKept[9]!)}`);
    // Real channels are correlated, but far less redundant than 250 channels mixed from 48 features.
    expect(r.pcaKept[9]!).toBeLessThan(synthetic.pcaKept[9]!);
    expect(r.pcaKept[9]!).toBeGreaterThan(r.randomKept[9]!);
    expect(() => runReduction({ ...p, photo: { rgba, width: 224, height: 224, key: 'x' } })).toThrow(/bank/);
    expect(() => runReduction({ ...p, photo: { rgba: rgba.subarray(4), width: 224, height: 224, key: 'y' }, bank: files })).toThrow(/224×224 RGBA/);
  });
  it('refuses k beyond the channels and unknown channels', () => {
    expect(() => runReduction({ height: 4, width: 4, channels: 5, features: 2, seed: 1, k: 6, showChannels: [] })).toThrow(/k must be at most 5/);
    expect(() => runReduction({ height: 4, width: 4, channels: 5, features: 2, seed: 1, k: 2, showChannels: [9] })).toThrow(RequestError);
  });
});
