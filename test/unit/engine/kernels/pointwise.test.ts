import { describe, expect, it } from 'vitest';
import {
  coutCinWeights, dotProductTrace, generateLayerData, hwcTensor, outputChannel, packB, pixelOutputs,
  pointwiseConv, pointwiseConvRows,
} from '../../../../src/engine';
import { lcg, maxError, randomArray, referencePointwise } from '../reference';

/** float32 output rounding plus float64 accumulation: errors stay far below this. */
const REL_TOL = 1e-6;

function randomLayer(h: number, w: number, cin: number, cout: number, seed: number, withBias: boolean) {
  const rand = lcg(seed);
  const input = hwcTensor(h, w, cin, randomArray(h * w * cin, rand));
  const weights = coutCinWeights(cout, cin, randomArray(cout * cin, rand));
  const bias = withBias ? randomArray(cout, rand) : undefined;
  return { input, weights, bias };
}

describe('pointwiseConv(input, layer)', () => {
  it('matches the float64 reference on 60 random shapes, including 1×1×1→1 and ragged tiles', () => {
    const rand = lcg(42);
    const shapes: [number, number, number, number][] = [[1, 1, 1, 1], [1, 1, 1, 5], [3, 1, 2, 1], [1, 7, 3, 2], [5, 5, 13, 17]];
    while (shapes.length < 60) {
      const pick = (max: number) => 1 + Math.floor((rand() + 0.5) * max);
      shapes.push([pick(9), pick(9), pick(40), pick(40)]);
    }
    shapes.forEach(([h, w, cin, cout], i) => {
      const withBias = i % 2 === 0;
      const relu = i % 3 === 0;
      const { input, weights, bias } = randomLayer(h, w, cin, cout, 100 + i, withBias);
      const got = pointwiseConv(input, { weights, bias, relu });
      const want = referencePointwise(input.data, h * w, cin, weights.data, cout, bias, relu);
      expect(got.height).toBe(h);
      expect(got.width).toBe(w);
      expect(got.channels).toBe(cout);
      const { err, scale } = maxError(got.data, want);
      expect(err, `${h}×${w}×${cin}→${cout}`).toBeLessThanOrEqual(REL_TOL * Math.max(scale, 1e-30));
    });
  });

  it('matches the reference when every block edge of the GEMM is ragged (M, N and K past one block)', () => {
    // 13×31 = 403 pixels (2 row blocks + 19), 517 channels (4 depth blocks + 5), 347 filters (1 column block + 5).
    const { input, weights, bias } = randomLayer(13, 31, 517, 347, 5, true);
    const got = pointwiseConv(input, { weights, bias, relu: true });
    const want = referencePointwise(input.data, 13 * 31, 517, weights.data, 347, bias, true);
    const { err, scale } = maxError(got.data, want);
    expect(scale).toBeGreaterThan(1);
    expect(err).toBeLessThanOrEqual(REL_TOL * scale);
  });

  it('reuses one packed copy of the filters for every row range of a layer', () => {
    const { input, weights, bias } = randomLayer(9, 40, 300, 70, 8, false);
    const whole = pointwiseConv(input, { weights, bias, relu: false }).data;
    const packed = packB(weights.data, 70, 300);
    const parts = new Float32Array(whole.length);
    for (const [r0, r1] of [[0, 2], [2, 7], [7, 9]] as const) pointwiseConvRows(input, { weights, bias, relu: false }, parts, r0, r1, packed);
    expect(Array.from(parts)).toEqual(Array.from(whole));
    expect(() => pointwiseConvRows(input, { weights, relu: false }, parts, 0, 9, packB(weights.data, 69, 300))).toThrow(/packed B is 69×300/);
  });

  it('matches the reference at sampled pixels of the headline 56×56×512→1024 layer', () => {
    const { input, weights, bias } = generateLayerData({ height: 56, width: 56, inChannels: 512, outChannels: 1024 }, 7);
    const out = pointwiseConv(input, { weights, bias, relu: false });
    const rand = lcg(9);
    for (let s = 0; s < 12; s++) {
      const r = s === 0 ? 0 : Math.floor((rand() + 0.5) * 56);
      const c = s === 0 ? 0 : Math.floor((rand() + 0.5) * 56);
      const x = input.data.subarray((r * 56 + c) * 512, (r * 56 + c + 1) * 512);
      const want = referencePointwise(x, 1, 512, weights.data, 1024, bias);
      const got = out.data.subarray((r * 56 + c) * 1024, (r * 56 + c + 1) * 1024);
      const { err, scale } = maxError(got, want);
      expect(scale).toBeGreaterThan(0.1);
      expect(err).toBeLessThanOrEqual(REL_TOL * scale);
    }
  });

  it('computes only the asked rows with pointwiseConvRows, and the rows join up to the whole map', () => {
    const { input, weights, bias } = randomLayer(11, 6, 9, 10, 3, true);
    const whole = pointwiseConv(input, { weights, bias, relu: true }).data;
    const parts = new Float32Array(whole.length).fill(NaN);
    pointwiseConvRows(input, { weights, bias, relu: true }, parts, 0, 4);
    expect(Number.isNaN(parts[4 * 6 * 10])).toBe(true);
    pointwiseConvRows(input, { weights, bias, relu: true }, parts, 4, 11);
    expect(Array.from(parts)).toEqual(Array.from(whole));
  });

  it('rejects weights whose Cin differs from the input channels, and a bias of the wrong length', () => {
    const { input, weights } = randomLayer(2, 2, 3, 4, 1, false);
    expect(() => pointwiseConv(input, { weights: coutCinWeights(4, 5), relu: false })).toThrow(/5 weights.*3 channels/);
    expect(() => pointwiseConv(input, { weights, bias: new Float32Array(3), relu: false })).toThrow(/bias has 3/);
  });

  it('with one input channel only scales the map by each filter’s single weight', () => {
    const { input } = randomLayer(4, 4, 1, 1, 5, false);
    const out = pointwiseConv(input, { weights: coutCinWeights(2, 1, new Float32Array([2, -0.5])), relu: false });
    for (let p = 0; p < 16; p++) {
      expect(out.data[p * 2]).toBeCloseTo(2 * input.data[p]!, 6);
      expect(out.data[p * 2 + 1]).toBeCloseTo(-0.5 * input.data[p]!, 6);
    }
  });
});

describe('pixelOutputs and outputChannel', () => {
  const { input, weights, bias } = randomLayer(7, 5, 33, 21, 11, true);
  const layer = { weights, bias, relu: false };
  const full = pointwiseConv(input, layer).data;

  it('pixelOutputs(input, layer, 3, 2) equals the full map’s 21 values at (3, 2)', () => {
    expect(Array.from(pixelOutputs(input, layer, 3, 2))).toEqual(Array.from(full.subarray((3 * 5 + 2) * 21, (3 * 5 + 3) * 21)));
  });

  it('outputChannel(input, layer, 13) equals channel 13 of the full map at every pixel', () => {
    const ch = outputChannel(input, layer, 13);
    for (let p = 0; p < 35; p++) expect(ch[p]).toBe(full[p * 21 + 13]);
  });
});

describe('dotProductTrace(input, layer, row, col, k)', () => {
  it('lists inputs, weights, products and running sums whose end is the full map’s value', () => {
    const { input, weights, bias } = randomLayer(6, 6, 50, 12, 21, true);
    for (const relu of [false, true]) {
      const layer = { weights, bias, relu };
      const full = pointwiseConv(input, layer).data;
      for (const [r, c, k] of [[0, 0, 0], [5, 5, 11], [2, 3, 7]] as const) {
        const t = dotProductTrace(input, layer, r, c, k);
        expect(t.inputs.length).toBe(50);
        expect(t.products[4]).toBe(t.inputs[4]! * t.weights[4]!);
        expect(t.partialSums[1]).toBe(t.products[0]! + t.products[1]!);
        expect(t.preActivation).toBeCloseTo(t.partialSums[49]! + bias![k]!, 12);
        expect(t.value).toBe(full[(r * 6 + c) * 12 + k]);
      }
    }
  });
});
