import { describe, expect, it } from 'vitest';
import { syntheticActivations } from '../../../../src/engine/data/activations';
import { combineMaps } from '../../../../src/engine/concepts/combine';
import { heNormal, smallBias } from '../../../../src/engine/core/random';
import { coutCinWeights, type PointwiseLayer } from '../../../../src/engine/core/tensor';
import { dotProductTrace } from '../../../../src/engine/concepts/trace';
import { pointwiseConv } from '../../../../src/engine/kernels/pointwise';
import { formatInt } from '../../../../src/lib/format';
import { judge } from '../../../../src/quiz/judge';
import { countBands, explorer, scene5 } from '../../../../src/quiz/pages/combine';
import { scene1, scene2, scene3, scene4 } from '../../../../src/quiz/pages/walkthrough';
import { powerOfTen } from '../../../../src/quiz/choices';
import { referencePointwise } from '../../engine/reference';
import { byId, rightLabel, wrongResponses } from '../helpers';
import type { Question } from '../../../../src/quiz/types';

/** Random small layers: the property tests run each question over all of them. */
const LAYERS = Array.from({ length: 12 }, (_, n) => {
  const seed = 101 + n;
  const h = 2 + (n % 4), w = 3 + (n % 3), cin = 1 + ((n * 5) % 11), cout = 1 + ((n * 3) % 8);
  const input = syntheticActivations(h, w, cin, seed);
  const layer: PointwiseLayer = { weights: coutCinWeights(cout, cin, heNormal(cout * cin, cin, seed)), bias: smallBias(cout, seed), relu: n % 5 === 4 };
  const output = pointwiseConv(input, layer).data;
  const reference = referencePointwise(input.data, h * w, cin, layer.weights.data, cout, layer.bias, layer.relu);
  return { seed, h, w, cin, cout, input, layer, output, reference, row: n % h, col: (n * 2) % w, k: n % cout };
});

/** Every wrong option is judged wrong, the right one right. */
function judgedBothWays(q: Question) {
  if (q.answer.kind === 'choice') expect(judge(q, q.answer.correct).status).toBe('right');
  for (const r of wrongResponses(q)) expect(judge(q, r).status).toBe('wrong');
}

describe('scene 1 questions (weights)', () => {
  it('the weight count is Cout·Cin on every layer, and the other counts are wrong', () => {
    for (const L of LAYERS) {
      const qs = scene1({ weights: L.layer.weights, height: L.h, width: L.w, filterIndex: L.k });
      const q = byId(qs, 'weights');
      expect(rightLabel(q).params?.n).toBe(formatInt(L.cin * L.cout));
      judgedBothWays(q);
    }
  });
  it('two filters share weights only when every weight is equal', () => {
    for (const L of LAYERS.filter((x) => x.cout >= 2)) {
      const q = byId(scene1({ weights: L.layer.weights, height: L.h, width: L.w, filterIndex: L.k }), 'share');
      let differ = false;
      for (let i = 0; i < L.cin; i++) differ ||= L.layer.weights.data[i] !== L.layer.weights.data[L.cin + i];
      expect(rightLabel(q).key).toBe(differ ? 'opt.ownWeights' : 'opt.sameWeights');
      judgedBothWays(q);
    }
    const same = coutCinWeights(2, 3, Float32Array.from([1, 2, 3, 1, 2, 3]));
    expect(rightLabel(byId(scene1({ weights: same, height: 2, width: 2, filterIndex: 0 }), 'share')).key).toBe('opt.sameWeights');
  });
});

describe('scene 2 questions (one pixel)', () => {
  it('the sum’s side of the bias and the largest term follow the float64 reference', () => {
    for (const L of LAYERS) {
      const trace = dotProductTrace(L.input, L.layer, L.row, L.col, L.k);
      const qs = scene2({ trace, outChannels: L.cout });
      let sum = 0, top = 0, topAbs = -1;
      for (let i = 0; i < L.cin; i++) {
        const p = L.input.data[(L.row * L.w + L.col) * L.cin + i]! * L.layer.weights.data[L.k * L.cin + i]!;
        sum += p;
        if (Math.abs(p) > topAbs) { topAbs = Math.abs(p); top = i; }
      }
      const sign = byId(qs, 'sign');
      expect(rightLabel(sign).key).toBe(sum > 0 ? 'opt.above' : sum < 0 ? 'opt.below' : 'opt.equal');
      judgedBothWays(sign);
      if (L.cin >= 2) {
        const term = byId(qs, 'term');
        expect(rightLabel(term).params?.i).toBe(top);
        judgedBothWays(term);
      }
      expect(rightLabel(byId(qs, 'outputs')).params?.n).toBe(formatInt(L.cout));
    }
  });
  it('a new pixel is a new question (its signature changes)', () => {
    const L = LAYERS[3]!;
    const a = scene2({ trace: dotProductTrace(L.input, L.layer, 0, 0, 0), outChannels: L.cout });
    const b = scene2({ trace: dotProductTrace(L.input, L.layer, 0, 1, 0), outChannels: L.cout });
    expect(byId(a, 'sign').signature).not.toBe(byId(b, 'sign').signature);
  });
});

describe('scene 3 and 4 questions (the output maps)', () => {
  const state = (L: (typeof LAYERS)[number]) => ({ output: L.output, height: L.h, width: L.w, inChannels: L.cin, outChannels: L.cout, row: L.row, col: L.col, filterIndex: L.k });
  it('the next pixel is larger or smaller as the reference says', () => {
    for (const L of LAYERS) {
      const qs = scene3(state(L));
      const next = L.row * L.w + L.col + 1;
      if (next >= L.h * L.w) { expect(qs).toEqual([]); continue; }
      const here = L.reference[(L.row * L.w + L.col) * L.cout + L.k]!, there = L.reference[next * L.cout + L.k]!;
      const q = byId(qs, 'next');
      // Float32 outputs against float64: skip the (absent in these layers) near-ties.
      if (Math.abs(there - here) > 1e-5) expect(rightLabel(q).key).toBe(there > here ? 'opt.larger' : 'opt.smaller');
      judgedBothWays(q);
      expect(rightLabel(byId(qs, 'depend')).key).toBe('opt.no');
    }
  });
  it('multiply-adds fall in the power-of-ten band of H·W·Cin·Cout; the brightest map is the reference’s largest', () => {
    for (const L of LAYERS) {
      const qs = scene4(state(L));
      const macs = L.h * L.w * L.cin * L.cout;
      const e = Math.floor(Math.log10(macs));
      expect(rightLabel(byId(qs, 'macs')).params).toEqual({ lo: powerOfTen(e), hi: powerOfTen(e + 1) });
      judgedBothWays(byId(qs, 'macs'));
      if (L.cout >= 2) {
        const maps = [...new Set([0, 1, 2, 3].map((d) => (L.k + d) % L.cout))];
        const at = (m: number) => L.reference[(L.row * L.w + L.col) * L.cout + m]!;
        const best = maps.reduce((b, m) => (at(m) > at(b) ? m : b));
        expect(rightLabel(byId(qs, 'bright')).params?.k).toBe(best);
        judgedBothWays(byId(qs, 'bright'));
      }
      expect(rightLabel(byId(qs, 'as3x3')).params?.n).toBe('9');
    }
  });
  it('the classic layer: 1,644,167,168 multiply-adds are "between 10⁹ and 10¹⁰"', () => {
    const qs = scene4({ output: new Float32Array(56 * 56 * 1024), height: 56, width: 56, inChannels: 512, outChannels: 1024, row: 0, col: 0, filterIndex: 0 });
    expect(rightLabel(byId(qs, 'macs')).params).toEqual({ lo: '10⁹', hi: '10¹⁰' });
    expect(byId(qs, 'macs').explanation.params?.n).toBe('1,644,167,168');
  });
});

describe('scene 5 and explorer questions', () => {
  it('the half-error band holds the engine’s count; the first term is the largest |w|·‖x‖', () => {
    for (const L of LAYERS.filter((x) => x.cin >= 2)) {
      const combination = combineMaps(L.input, L.layer, L.k, 'contribution');
      const qs = scene5({ input: L.input, weights: L.layer.weights, combination });
      const half = combination.relativeError.findIndex((e) => e <= 0.5);
      const band = rightLabel(byId(qs, 'half')).params!;
      expect(half).toBeGreaterThanOrEqual(Number(band.lo));
      expect(half).toBeLessThanOrEqual(Number(band.hi));
      let best = 0, bestScore = -1;
      for (let i = 0; i < L.cin; i++) {
        let n = 0;
        for (let p = 0; p < L.h * L.w; p++) n += L.input.data[p * L.cin + i]! ** 2;
        const score = Math.abs(L.layer.weights.data[L.k * L.cin + i]!) * Math.sqrt(n);
        if (score > bestScore) { bestScore = score; best = i; }
      }
      expect(rightLabel(byId(qs, 'first')).params?.i).toBe(best);
      judgedBothWays(byId(qs, 'first'));
    }
  });
  it('count bands cover 1…n without gaps', () => {
    for (const n of [1, 2, 5, 10, 64, 512]) {
      const bands = countBands(n);
      expect(bands[0]!.lo).toBe(1);
      expect(bands.at(-1)!.hi).toBe(n);
      for (let i = 1; i < bands.length; i++) expect(bands[i]!.lo).toBe(bands[i - 1]!.hi + 1);
    }
  });
  it('the share of negative outputs in the layer is the reference’s (none with a ReLU)', () => {
    for (const L of LAYERS) {
      const qs = explorer({ output: L.output, height: L.h, width: L.w, inChannels: L.cin, outChannels: L.cout, row: L.row, col: L.col, filterIndex: L.k, relu: L.layer.relu });
      let negative = 0;
      for (const v of L.reference) if (v < 0) negative++;
      const band = rightLabel(byId(qs, 'negative')).params!;
      const pct = (negative / L.reference.length) * 100;
      expect(pct).toBeGreaterThanOrEqual(Number(band.lo));
      expect(pct < Number(band.hi) || (pct === 100 && band.hi === '100')).toBe(true);
      if (L.layer.relu) expect(negative).toBe(0);
      judgedBothWays(byId(qs, 'negative'));
    }
  });
});
