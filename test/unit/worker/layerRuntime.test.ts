import { describe, expect, it } from 'vitest';
import { generateLayerData, pointwiseConv } from '../../../src/engine';
import { LayerRuntime, runForward, withCachedLayer } from '../../../src/worker/layerJobs';
import { CacheMiss } from '../../../src/worker/requestChecks';

const shape = { height: 8, width: 8, inChannels: 16, outChannels: 24, relu: false };
const layer = (seed: number) => generateLayerData(shape, seed);

describe('the worker’s kept layer (LayerRuntime)', () => {
  it('packs a layer’s filters once, gives the engine’s numbers, and lets everything go on dispose()', async () => {
    const rt = new LayerRuntime();
    const d = layer(1);
    const a = rt.packedFor(d.weights.data, 24, 16);
    expect(rt.packedFor(d.weights.data, 24, 16)).toBe(a);
    // Other filters (or the same filters read as another shape) are packed anew.
    expect(rt.packedFor(layer(2).weights.data, 24, 16)).not.toBe(a);
    const p = { ...shape, input: d.input.data, weights: d.weights.data, cacheKey: 'L1' };
    const got = await runForward(withCachedLayer(p, rt), () => {}, () => false, 1000, rt);
    expect(got.output).toEqual(pointwiseConv(d.input, { weights: d.weights, relu: false }).data);
    // A recompute names the kept layer and sends no data.
    const again = await runForward(withCachedLayer({ ...shape, cacheKey: 'L1' }, rt), () => {}, () => false, 1000, rt);
    expect(again.output).toEqual(got.output);
    rt.dispose();
    expect(rt.current).toBeNull();
    expect(() => withCachedLayer({ ...shape, cacheKey: 'L1' }, rt)).toThrow(CacheMiss);
  });

  it('a new layer replaces the last one: the old key is a cache miss, the new one is served', () => {
    const rt = new LayerRuntime();
    const one = layer(1), two = layer(2);
    withCachedLayer({ ...shape, input: one.input.data, weights: one.weights.data, cacheKey: 'A' }, rt);
    withCachedLayer({ ...shape, input: two.input.data, weights: two.weights.data, cacheKey: 'B' }, rt);
    expect(() => withCachedLayer({ ...shape, cacheKey: 'A' }, rt)).toThrow(/no layer cached as A/);
    expect(withCachedLayer({ ...shape, cacheKey: 'B' }, rt).weights).toBe(two.weights.data);
  });
});
