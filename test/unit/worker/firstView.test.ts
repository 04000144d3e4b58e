/**
 * Issue #26 (fast on a phone): scene 2's first view is made from part of the learned bank —
 * the first layer and the part of the prototypes that holds its filter — and every filter once
 * the rest has come; scene 5's combination and scene 2's channel statistics are made in the
 * worker. Every number must be the one the whole bank and the page's own code give.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bankFromNpy, combineMaps, FIRST_LAYER_FILES, hwcTensor, LEARNED_FILES, POINTWISE_FILES, POINTWISE_PART_ROWS, type LearnedFileName,
} from '../../../src/engine';
import { channelsByVariance, inputSummary, quantileOf } from '../../../src/engine/data/channelStats';
import { runCombine } from '../../../src/worker/combineJob';
import { runGenerate, runLearnedWeights } from '../../../src/worker/handler';
import type { BankBuffers } from '../../../src/worker/protocol';
import { quantilePositiveDomain } from '../../../src/lib/colormap';
import { lcg } from '../engine/reference';

const bytes = (n: LearnedFileName) => new Uint8Array(readFileSync(`public/learned/${n}.npy`));
const buffers = (names: readonly LearnedFileName[]): BankBuffers => Object.fromEntries(names.map((n) => [n, bytes(n).slice().buffer]));
const rand = lcg(5);
const rgba = Uint8ClampedArray.from({ length: 224 * 224 * 4 }, (_, i) => (i % 4 === 3 ? 255 : Math.floor(rand() * 128 + 128)));
const shape = { height: 56, width: 56, inChannels: 512, outChannels: 1024 };
const full = runGenerate({ shape, seed: 1, filters: 'learned', photo: { rgba: rgba.slice(), width: 224, height: 224 }, bank: buffers(LEARNED_FILES) });

describe('the learned bank in parts', () => {
  it('ships the prototypes as 8 parts of 128 filters; bankFromNpy reads any run of consecutive parts, the others 0', () => {
    const all = bankFromNpy(Object.fromEntries(LEARNED_FILES.map((n) => [n, bytes(n)])));
    expect(all.filters).toEqual([0, 1024]);
    const part = bankFromNpy(Object.fromEntries([...FIRST_LAYER_FILES, 'pointwise-2', 'pointwise-3'].map((n) => [n, bytes(n as LearnedFileName)])));
    expect(part.filters).toEqual([2 * POINTWISE_PART_ROWS, 4 * POINTWISE_PART_ROWS]);
    expect(part.pointwise.outChannels).toBe(1024);
    const rows = (b: typeof all, from: number, to: number) => Array.from(b.pointwise.data.subarray(from * 512, to * 512));
    expect(rows(part, 256, 512)).toEqual(rows(all, 256, 512));
    expect(rows(part, 0, 256).every((v) => v === 0)).toBe(true);
    expect(() => bankFromNpy(Object.fromEntries([...FIRST_LAYER_FILES, 'pointwise-1', 'pointwise-3'].map((n) => [n, bytes(n as LearnedFileName)])))).toThrow(/consecutive/);
    expect(() => bankFromNpy({ 'first-filters': bytes('first-filters') })).toThrow(/first-bias/);
    expect(POINTWISE_FILES).toHaveLength(8);
  });

  it('scene 2’s first layer from the first layer and one part: the same input, and filter k’s weights and bias bit for bit', () => {
    const k = 300;
    const part = runGenerate({ shape, seed: 1, filters: 'learned', photo: { rgba: rgba.slice(), width: 224, height: 224 }, bank: buffers([...FIRST_LAYER_FILES, 'pointwise-2']) });
    expect(part.filters).toEqual([256, 384]);
    expect(full.filters).toBeUndefined();
    expect(part.filterKind).toBe('learned');
    expect(Buffer.from(part.input.buffer).equals(Buffer.from(full.input.buffer))).toBe(true);
    expect(Array.from(part.weights.subarray(k * 512, (k + 1) * 512))).toEqual(Array.from(full.weights.subarray(k * 512, (k + 1) * 512)));
    expect(part.bias[k]).toBe(full.bias[k]);
    // Filters outside the part are not made: 0, and `filters` says so.
    expect(part.weights.subarray(0, 256 * 512).every((v) => v === 0)).toBe(true);
  });

  it('every filter once the rest has come: learnedWeights gives the whole bank’s weights and biases bit for bit', () => {
    const w = runLearnedWeights({ inChannels: 512, outChannels: 1024, bank: buffers(LEARNED_FILES) });
    expect(Buffer.from(w.weights.buffer).equals(Buffer.from(full.weights.buffer))).toBe(true);
    expect(Buffer.from(w.bias.buffer).equals(Buffer.from(full.bias.buffer))).toBe(true);
    expect(() => runLearnedWeights({ inChannels: 512, outChannels: 1024, bank: buffers([...FIRST_LAYER_FILES, 'pointwise-0']) })).toThrow(/no learned/);
  });

  it('a smaller learned shape (250 → 10) from part 0 is complete: no filters left to come', () => {
    const small = runGenerate({ shape: { height: 8, width: 8, inChannels: 250, outChannels: 10 }, seed: 1, filters: 'learned', photo: { rgba: rgba.slice(0, 32 * 32 * 4), width: 32, height: 32 }, bank: buffers([...FIRST_LAYER_FILES, 'pointwise-0']) });
    expect(small.filterKind).toBe('learned');
    expect(small.filters).toBeUndefined();
  });
});

describe('work moved off the page', () => {
  it('the worker’s channel statistics are the ones the stack computed itself (variance order, 99th percentile)', () => {
    const input = hwcTensor(56, 56, 512, full.input);
    const s = inputSummary(input);
    expect(full.inputSummary?.high).toBe(s.high);
    expect(Array.from(full.inputSummary!.byVariance)).toEqual(Array.from(s.byVariance));
    expect(s.high).toBe(quantilePositiveDomain(input.data, 0.99).hi);
    // The order by a direct float64 variance, ties by channel.
    const variance = (i: number) => {
      let a = 0, b = 0;
      for (let p = 0; p < 56 * 56; p++) { const v = input.data[p * 512 + i]!; a += v; b += v * v; }
      return b / 3136 - (a / 3136) ** 2;
    };
    const order = channelsByVariance(input);
    for (let j = 1; j < 512; j++) expect(variance(order[j - 1]!)).toBeGreaterThanOrEqual(variance(order[j]!));
    expect(quantileOf([0, 0, 1, 2, 3, 4], 0.5, (v) => v)).toBeCloseTo(2, 1);
  });

  it('scene 5’s combination from the worker equals combineMaps on the page, for both orders', () => {
    const input = hwcTensor(56, 56, 512, full.input);
    const weights = { outChannels: 1024, inChannels: 512, data: full.weights };
    for (const order of ['contribution', 'index'] as const) {
      const k = 3;
      const local = combineMaps(input, { weights, bias: full.bias, relu: false }, k, order);
      const r = runCombine({ height: 56, width: 56, channels: 512, input: full.input.slice(), weights: full.weights.slice(k * 512, (k + 1) * 512), bias: full.bias[k]!, order });
      expect(Array.from(r.order)).toEqual(Array.from(local.order));
      expect(Array.from(r.final)).toEqual(Array.from(local.final));
      expect(Array.from(r.relativeError)).toEqual(Array.from(local.relativeError));
      expect(r.bias).toBe(local.bias);
    }
    expect(() => runCombine({ height: 2, width: 2, channels: 3, input: new Float32Array(11), weights: new Float32Array(3), bias: 0, order: 'index' })).toThrow(/2×2×3/);
  });
});
