import { describe, expect, it } from 'vitest';
import { syntheticActivations } from '../../../../src/engine/data/activations';
import { conv2d, type Conv2dSpec } from '../../../../src/engine/kernels/conv2d';
import { heNormal, subSeed } from '../../../../src/engine/core/random';
import { hwcTensor } from '../../../../src/engine/core/tensor';
import { maxAbsDifference, permutePixels, pixelPermutation, shiftPixels } from '../../../../src/engine/concepts/transforms';
import { runCollapse } from '../../../../src/worker/conceptJobs';
import { judge } from '../../../../src/quiz/judge';
import { basics, family, params } from '../../../../src/quiz/pages/other';
import { bottleneck, dense, nonlinearity, reduction, whatWhere } from '../../../../src/quiz/pages/why';
import { readText } from '../../../../src/quiz/read';
import { quizEn } from '../../../../src/quiz/text/en';
import { quizKo } from '../../../../src/quiz/text/ko';
import { byId, rightLabel, wrongResponses } from '../helpers';

describe('bottleneck questions', () => {
  const cases = [
    { s: { inChannels: 10, outChannels: 20, squeeze: 5, kernel: 3, expand: false, height: 28, width: 28 }, direct: 1800, squeezed: 950 },
    { s: { inChannels: 256, outChannels: 256, squeeze: 64, kernel: 3, expand: true, height: 56, width: 56 }, direct: 589824, squeezed: 16384 + 36864 + 16384 },
    { s: { inChannels: 7, outChannels: 3, squeeze: 2, kernel: 5, expand: false, height: 4, width: 4 }, direct: 5 * 5 * 7 * 3, squeezed: 7 * 2 + 5 * 5 * 2 * 3 },
  ];
  it('asks the plain layer’s weights exactly and the squeezed path’s within ±10 %, on several layers', () => {
    for (const c of cases) {
      const qs = bottleneck(c.s);
      const direct = byId(qs, 'direct'), squeezed = byId(qs, 'squeezed');
      expect(direct.answer).toEqual({ kind: 'number', value: c.direct });
      expect(judge(direct, String(c.direct)).status).toBe('right');
      expect(judge(direct, String(c.direct + 1)).status).toBe('wrong');
      expect(squeezed.answer).toEqual({ kind: 'number', value: c.squeezed });
      expect(judge(squeezed, String(c.squeezed * 1.1)).status).toBe('right');
      expect(judge(squeezed, String(c.squeezed * 0.9)).status).toBe('right');
      expect(judge(squeezed, String(c.squeezed * 1.11)).status).toBe('wrong');
      expect(judge(squeezed, String(c.direct)).status).toBe('wrong');
    }
  });
});

describe('nonlinearity, what/where, reduction and dense questions', () => {
  it('two linear layers collapse into one (the engine’s merged layer matches), on two seeds', () => {
    for (const seed of [1, 2]) {
      const cin = 4, b = 2, cout = 3, size = 6;
      const r = runCollapse({
        height: size, width: size, inChannels: cin, squeezeChannels: b, outChannels: cout, input: syntheticActivations(size, size, cin, seed).data,
        squeeze: heNormal(b * cin, cin, subSeed(seed, 'squeeze')), spatial: heNormal(cout * b * 9, b * 9, subSeed(seed, 'spatial')),
      });
      const qs = nonlinearity({ inChannels: cin, squeeze: b, outChannels: cout, ...r, squeezedStages: 2 });
      expect(rightLabel(byId(qs, 'collapse')).key).toBe('opt.collapseYes');
      for (const w of wrongResponses(byId(qs, 'collapse'))) expect(judge(byId(qs, 'collapse'), w).status).toBe('wrong');
      expect(rightLabel(byId(qs, 'count')).params?.n).toBe('2');
    }
  });
  it('rearranging pixels commutes with a 1×1 layer and not with a 3×3 one, as the engine measures', () => {
    const size = 8, cin = 3, cout = 2, seed = 7;
    const input = syntheticActivations(size, size, cin, seed);
    const perm = pixelPermutation(size * size, seed);
    for (const move of ['shuffle', 'shift'] as const) {
      const re = (x: typeof input) => (move === 'shift' ? shiftPixels(x, 1, 2) : permutePixels(x, perm));
      const max = (k: number) => {
        const spec: Conv2dSpec = { inChannels: cin, outChannels: cout, kernelHeight: k, kernelWidth: k, padY: (k - 1) / 2, padX: (k - 1) / 2 };
        const weights = heNormal(cout * cin * k * k, cin * k * k, subSeed(seed, `k${k}`));
        const a = conv2d(re(input), spec, { weights }).data;
        const b = re(hwcTensor(size, size, cout, conv2d(input, spec, { weights }).data)).data;
        return maxAbsDifference(a, b);
      };
      const qs = whatWhere({ move, max1: max(1), max3: max(3) });
      expect(rightLabel(byId(qs, 'k1')).key).toBe('opt.yesSame');
      expect(rightLabel(byId(qs, 'k3')).key).toBe('opt.noDiffers');
    }
  });
  it('the variance band holds the kept share; the next layer’s saving is C/k', () => {
    for (const [kept, band] of [[0.62, '50'], [0.93, '90'], [0.2, '0']] as const) {
      const qs = reduction({ k: 10, channels: 250, pcaKept: kept, randomKept: 0.1, nextAfter: 10 * 9 * 64 * 3136, nextBefore: 250 * 9 * 64 * 3136, source: 'x' });
      expect(rightLabel(byId(qs, 'kept')).params?.lo).toBe(band);
      expect(rightLabel(byId(qs, 'cost')).params?.ratio).toBe('25');
    }
  });
  it('fc6 as a 6×6 convolution has the dense layer’s 37,748,736 weights', () => {
    const q = byId(dense({ pointwiseMaxDifference: 0 }), 'fc6');
    expect(rightLabel(q).params?.n).toBe('37,748,736');
    for (const w of wrongResponses(q)) expect(judge(q, w).status).toBe('wrong');
  });
});

describe('family, basics and parameter-table questions', () => {
  it('the separable share is (k²·Cin + Cin·Cout)/(k²·Cin·Cout) within ±10 %, on two layers', () => {
    for (const [cin, cout, k] of [[256, 128, 3], [8, 8, 3], [32, 64, 5]] as const) {
      const q = byId(family({ inChannels: cin, outChannels: cout, groups: 2, kernel: k }), 'separable');
      const share = ((k * k * cin + cin * cout) / (k * k * cin * cout)) * 100;
      expect(q.answer).toEqual({ kind: 'number', value: share, unit: '%' });
      expect(judge(q, (share * 1.1).toFixed(6)).status).toBe('right');
      expect(judge(q, (share * 1.12).toFixed(6)).status).toBe('wrong');
    }
    expect(byId(family({ inChannels: 256, outChannels: 128, groups: 2, kernel: 3 }), 'separable').explanation.params?.pct).toBe('11.9');
  });
  it('grouped convolution keeps 1/G of the weights; depthwise mixes no channels', () => {
    for (const g of [2, 4]) {
      const qs = family({ inChannels: 16, outChannels: 8, groups: g, kernel: 3 });
      expect(rightLabel(byId(qs, 'grouped'))).toEqual({ key: 'opt.groupShare', params: { g } });
      expect(rightLabel(byId(qs, 'depthwise')).key).toBe('opt.no');
    }
    expect(family({ inChannels: 16, outChannels: 8, groups: 1, kernel: 3 }).some((q) => q.id === 'grouped')).toBe(false);
  });
  it('the output size is ⌊(H + 2P − D(K−1) − 1)/S⌋ + 1', () => {
    for (const [size, stride, pad, dilation, out] of [[7, 1, 0, 1, 5], [96, 2, 1, 1, 48], [96, 3, 0, 2, 31], [7, 1, 3, 3, 7]] as const) {
      const q = byId(basics({ size, kernel: 3, stride, pad, dilation }), 'out');
      expect(q.answer).toEqual({ kind: 'number', value: out });
      expect(judge(q, String(out)).status).toBe('right');
      expect(judge(q, String(out - 1)).status).toBe('wrong');
    }
  });
  it('AlexNet: dense about 25× the convs, about 60 million in all, fc6 from the pooled map', () => {
    const qs = params();
    expect(rightLabel(byId(qs, 'ratio')).params?.n).toBe('25');
    expect(byId(qs, 'ratio').explanation.params?.ratio).toBe('25.1');
    // The options read in each language's own units: millions, and 만/억 in Korean.
    const totals = byId(qs, 'total');
    expect(readText(rightLabel(totals), quizEn, 'en')).toBe('about 60 million');
    expect(readText(rightLabel(totals), quizKo, 'ko')).toBe('약 6,000만');
    if (totals.answer.kind !== 'choice') throw new Error('total is a choice');
    expect(totals.answer.options.map((o) => readText(o.label, quizKo, 'ko'))).toEqual(['약 600만', '약 6,000만', '약 6억', '약 60억']);
    expect(totals.answer.options.map((o) => readText(o.label, quizEn, 'en'))).toEqual(['about 6 million', 'about 60 million', 'about 600 million', 'about 6 billion']);
    expect(byId(qs, 'total').explanation.params?.n).toBe('60,965,224');
    expect(rightLabel(byId(qs, 'fc6')).params?.n).toBe('37,748,736');
    for (const q of qs) for (const w of wrongResponses(q)) expect(judge(q, w).status).toBe('wrong');
  });
});
