import { describe, expect, it } from 'vitest';
import { heNormal, smallBias } from '../../../../src/engine/core/random';
import { coutCinWeights, hwcTensor, type HwcTensor, type PointwiseLayer } from '../../../../src/engine/core/tensor';
import { pointwiseConv } from '../../../../src/engine/kernels/pointwise';
import { formatInt } from '../../../../src/lib/format';
import { judge } from '../../../../src/quiz/judge';
import { scene0 } from '../../../../src/quiz/pages/walkthrough';
import { readText } from '../../../../src/quiz/read';
import { quizEn } from '../../../../src/quiz/text/en';
import { quizKo } from '../../../../src/quiz/text/ko';
import { byId, rightLabel, wrongResponses } from '../helpers';

/**
 * Scene 0's answers against the engine itself: nudge each number of a small layer one at a
 * time and count which nudges move one output y(r, c, k) (inputs, weights, bias), and which
 * outputs a nudge of one pixel's column moves. Inputs and weights are drawn from a normal
 * distribution, so none is zero and every product really depends on both of its factors.
 */
const LAYERS = [
  { h: 3, w: 4, cin: 5, cout: 3, bias: true, r: 1, c: 2, k: 1 },
  { h: 2, w: 2, cin: 7, cout: 6, bias: false, r: 1, c: 0, k: 5 },
  { h: 4, w: 3, cin: 1, cout: 2, bias: true, r: 3, c: 2, k: 0 },
  { h: 5, w: 5, cin: 8, cout: 8, bias: true, r: 0, c: 4, k: 7 },
];

const at = (t: HwcTensor, r: number, c: number, k: number) => t.data[(r * t.width + c) * t.channels + k]!;

function engineCounts(L: (typeof LAYERS)[number], seed: number) {
  const input = hwcTensor(L.h, L.w, L.cin, heNormal(L.h * L.w * L.cin, 1, seed));
  const layer: PointwiseLayer = { weights: coutCinWeights(L.cout, L.cin, heNormal(L.cout * L.cin, L.cin, seed + 1)), bias: L.bias ? smallBias(L.cout, seed + 2) : undefined, relu: false };
  const y0 = at(pointwiseConv(input, layer), L.r, L.c, L.k);
  const moves = (i: HwcTensor, l: PointwiseLayer) => at(pointwiseConv(i, l), L.r, L.c, L.k) !== y0;
  let numbers = 0;
  for (let j = 0; j < input.data.length; j++) {
    const d = input.data.slice(); d[j]! += 1;
    if (moves({ ...input, data: d }, layer)) numbers++;
  }
  for (let j = 0; j < layer.weights.data.length; j++) {
    const d = layer.weights.data.slice(); d[j]! += 1;
    if (moves(input, { ...layer, weights: { ...layer.weights, data: d } })) numbers++;
  }
  if (layer.bias) {
    const d = layer.bias.slice(); d[L.k]! += 1;
    if (moves(input, { ...layer, bias: d })) numbers++;
  }
  // Nudge the column at (r, c): which outputs move.
  const d = input.data.slice();
  for (let i = 0; i < L.cin; i++) d[(L.r * L.w + L.c) * L.cin + i]! += 1;
  const before = pointwiseConv(input, layer).data, after = pointwiseConv({ ...input, data: d }, layer).data;
  let moved = 0;
  for (let j = 0; j < before.length; j++) if (before[j] !== after[j]) moved++;
  return { numbers, filtersMet: moved };
}

describe('scene 0 questions (the whole layer)', () => {
  it('one output is made of as many numbers as the engine uses, on several layers, with and without bias', () => {
    LAYERS.forEach((L, n) => {
      const { numbers } = engineCounts(L, 31 + n);
      const q = byId(scene0({ height: L.h, width: L.w, inChannels: L.cin, outChannels: L.cout, useBias: L.bias }), 'depends');
      expect(q.phase).toBe('predict');
      expect(rightLabel(q).params?.n).toBe(formatInt(numbers));
      expect(q.explanation.key).toBe(L.bias ? 's0.depends.why' : 's0.depends.whyNoBias');
      if (q.answer.kind === 'choice') expect(judge(q, q.answer.correct).status).toBe('right');
      for (const r of wrongResponses(q)) expect(judge(q, r).status).toBe('wrong');
    });
  });
  it('one pixel’s column meets every filter: nudging it moves exactly Cout outputs', () => {
    LAYERS.forEach((L, n) => {
      const { filtersMet } = engineCounts(L, 71 + n);
      const q = byId(scene0({ height: L.h, width: L.w, inChannels: L.cin, outChannels: L.cout, useBias: L.bias }), 'meets');
      expect(q.phase).toBe('check');
      expect(rightLabel(q).params?.n).toBe(formatInt(filtersMet));
      for (const r of wrongResponses(q)) expect(judge(q, r).status).toBe('wrong');
    });
  });
  it('the headline layer, read in both languages: 1,025 numbers, 1,024 filters; options are distinct', () => {
    const qs = scene0({ height: 56, width: 56, inChannels: 512, outChannels: 1024, useBias: true });
    const depends = byId(qs, 'depends');
    expect(readText(rightLabel(depends), quizEn, 'en')).toBe('1,025');
    if (depends.answer.kind !== 'choice') throw new Error('a choice');
    expect(depends.answer.options.map((o) => o.label.params?.n).sort()).toEqual(['1,025', '1,606,145', '3', '9,217'].sort());
    expect(readText(depends.explanation, quizKo, 'ko')).toContain('= 1,025개');
    expect(readText(byId(qs, 'meets').explanation, quizEn, 'en')).toContain('y(r, c, 0) to y(r, c, 1023)');
    // The loop moves the cursor; the questions do not follow it, so their signatures stay put.
    expect(new Set(qs.map((q) => q.signature)).size).toBe(1);
  });
});
