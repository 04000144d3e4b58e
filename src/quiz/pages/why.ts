/** Questions of the "Why 1×1?" pages: bottleneck, nonlinearity, what/where, reduction, dense. */
import { comparePaths, convWeights, pathCost } from '../../engine/concepts/counts';
import { ALEXNET, countLayer } from '../../engine/concepts/networks';
import { formatInt as f, formatValue as v } from '../../lib/format';
import { countOptions, fixedOptions, lettered, shareOptions } from '../choices';
import { text, type Question } from '../types';

export interface BottleneckState {
  readonly inChannels: number;
  readonly outChannels: number;
  readonly squeeze: number;
  readonly kernel: number;
  readonly expand: boolean;
  readonly height: number;
  readonly width: number;
}

/** Bottleneck: the plain k×k layer's weights (exact), the squeezed path's (±10 %), and why it saves. */
export function bottleneck(s: BottleneckState): Question[] {
  const paths = comparePaths(s);
  const direct = pathCost(paths.direct).weights, squeezed = pathCost(paths.bottleneck).weights;
  const { inChannels: cin, outChannels: cout, squeeze: b, kernel: k } = s;
  const sig = `${cin}|${cout}|${b}|${k}|${s.expand}`;
  const spatial = paths.bottleneck[1]!.cost.weights;
  return [{
    id: 'direct', phase: 'predict', signature: sig, tolerance: 'exact',
    prompt: text('bn.direct.q', { k, cin: f(cin), cout: f(cout) }),
    answer: { kind: 'number', value: direct },
    explanation: text('bn.direct.why', { k, cin: f(cin), cout: f(cout), n: f(direct) }),
  }, {
    id: 'squeezed', phase: 'predict', signature: sig, tolerance: 'relative10',
    prompt: text(s.expand ? 'bn.squeezed.qExpand' : 'bn.squeezed.q', { b: f(b), k, cout: f(cout) }),
    answer: { kind: 'number', value: squeezed },
    explanation: text('bn.squeezed.why', {
      parts: paths.bottleneck.map((l) => f(l.cost.weights)).join(' + '), n: f(squeezed), pct: ((squeezed / direct) * 100).toFixed(1),
    }),
  }, {
    id: 'why', phase: 'check', signature: sig, tolerance: 'exact',
    prompt: text('bn.why.q'),
    answer: { kind: 'choice', ...fixedOptions(['opt.bnFewer', 'opt.bnFree', 'opt.bnSmaller', 'opt.bnRelu'], 'opt.bnFewer', { k, b: f(b), cin: f(cin) }) },
    explanation: text('bn.why.why', { k, b: f(b), cin: f(cin), cout: f(cout), spatial: f(spatial), direct: f(direct) }),
  }];
}

export interface NonlinearityState {
  readonly inChannels: number;
  readonly squeeze: number;
  readonly outChannels: number;
  /** Largest |two linear layers − the merged one| and the outputs' scale (the engine's collapse job). */
  readonly linearMaxDifference: number;
  readonly outputScale: number;
  readonly reluBestError: number;
  /** Nonlinearities on the bottleneck path (its stages). */
  readonly squeezedStages: number;
}

/** Nonlinearity: do two linear layers collapse into one (yes), and how many ReLUs each path has. */
export function nonlinearity(s: NonlinearityState): Question[] {
  const merges = s.linearMaxDifference <= 1e-4 * Math.max(1, s.outputScale);
  const sig = `${s.inChannels}|${s.squeeze}|${s.outputScale}`;
  return [{
    id: 'collapse', phase: 'predict', signature: sig, tolerance: 'exact',
    prompt: text('nl.collapse.q', { cin: s.inChannels, b: s.squeeze, cout: s.outChannels }),
    answer: { kind: 'choice', ...fixedOptions(['opt.collapseYes', 'opt.collapseNo'], merges ? 'opt.collapseYes' : 'opt.collapseNo') },
    explanation: text(merges ? 'nl.collapse.why' : 'nl.collapse.whyNot', { diff: v(s.linearMaxDifference), best: (s.reluBestError * 100).toFixed(1) }),
  }, {
    id: 'count', phase: 'check', signature: `${s.squeezedStages}`, tolerance: 'exact',
    prompt: text('nl.count.q'),
    answer: { kind: 'choice', ...countOptions(s.squeezedStages, [1, 3], 'nl') },
    explanation: text('nl.count.why', { n: s.squeezedStages }),
  }];
}

export interface WhatWhereState {
  readonly move: 'shift' | 'shuffle';
  /** Largest difference of "rearrange, then convolve" and "convolve, then rearrange", for k = 1 and 3. */
  readonly max1: number;
  readonly max3: number;
}

/** What/where: does rearranging pixels commute with a 1×1 layer (yes) and a 3×3 (no)? */
export function whatWhere(s: WhatWhereState): Question[] {
  const q = (k: 1 | 3, max: number): Question => ({
    id: `k${k}`, phase: 'predict', signature: `${s.move}|${max}`, tolerance: 'exact',
    prompt: text(s.move === 'shift' ? 'ww.shift.q' : 'ww.shuffle.q', { k }),
    answer: { kind: 'choice', ...fixedOptions(['opt.yesSame', 'opt.noDiffers'], max === 0 ? 'opt.yesSame' : 'opt.noDiffers') },
    explanation: text(max === 0 ? 'ww.same.why' : 'ww.differs.why', { k, max: v(max) }),
  });
  return [q(1, s.max1), q(3, s.max3), {
    id: 'mixes', phase: 'check', signature: 'ww', tolerance: 'exact',
    prompt: text('ww.mixes.q'),
    answer: { kind: 'choice', ...fixedOptions(['opt.mixChannels', 'opt.mixPixels', 'opt.mixBoth', 'opt.mixNone'], 'opt.mixChannels') },
    explanation: text('ww.mixes.why', { max: v(s.max1) }),
  }];
}

export interface ReductionState {
  /** The k asked about: the page's first 10, not the slider's (moving the slider must not re-ask). */
  readonly k: number;
  readonly channels: number;
  /** Share of the variance the best k channels (PCA) keep, and k random filters. */
  readonly pcaKept: number;
  readonly randomKept: number;
  /** Multiply-adds of a following 3×3 layer on k and on all channels. */
  readonly nextAfter: number;
  readonly nextBefore: number;
  /** The data it was measured on (photo, seed), for the signature. */
  readonly source: string;
}

/** Reduction: how much variance k of C channels keep, and how the next layer's cost falls (linearly). */
export function reduction(s: ReductionState): Question[] {
  const sig = `${s.source}|${s.k}|${s.channels}|${s.pcaKept}`;
  const ratio = s.nextBefore / s.nextAfter;
  const r = (x: number) => (x >= 10 ? x.toFixed(0) : x.toFixed(1));
  const kinds = [
    { value: 'linear', label: text('opt.costLinear', { ratio: r(ratio) }) },
    { value: 'exp', label: text('opt.costExp') },
    { value: 'square', label: text('opt.costSquare', { ratio: r(ratio * ratio) }) },
    { value: 'same', label: text('opt.costSame') },
  ];
  return [{
    id: 'kept', phase: 'predict', signature: sig, tolerance: 'range',
    prompt: text('red.kept.q', { k: s.k, c: s.channels }),
    answer: { kind: 'choice', ...shareOptions(s.pcaKept, [0.5, 0.75, 0.9]) },
    explanation: text('red.kept.why', { k: s.k, c: s.channels, pct: (s.pcaKept * 100).toFixed(1), random: (s.randomKept * 100).toFixed(1) }),
  }, {
    id: 'cost', phase: 'check', signature: `${s.k}|${s.channels}|${ratio}`, tolerance: 'exact',
    prompt: text('red.cost.q', { k: s.k, c: s.channels }),
    answer: { kind: 'choice', ...lettered(kinds, (o) => o === 'linear') },
    explanation: text('red.cost.why', { before: f(s.nextBefore), after: f(s.nextAfter), ratio: r(ratio), c: s.channels, k: s.k }),
  }];
}

export interface DenseState {
  /** The 1×1 layer against a dense loop at every pixel: largest difference (null while computing). */
  readonly pointwiseMaxDifference: number | null;
}

/** Dense: fc6 as a 6×6 convolution has exactly the dense layer's weights; a 1×1 is a dense layer per pixel. */
export function dense(s: DenseState): Question[] {
  const fc6 = ALEXNET.find((l) => l.name === 'fc6');
  const qs: Question[] = [];
  if (fc6?.type === 'dense' && fc6.inputShape.length === 3) {
    const [h, w, c] = fc6.inputShape as readonly [number, number, number];
    const asConv = convWeights(h, c, fc6.outputs);
    const asDense = countLayer(fc6).weights;
    const sig = `${h}x${w}x${c}|${fc6.outputs}`;
    qs.push({
      id: 'fc6', phase: 'predict', signature: sig, tolerance: 'exact',
      prompt: text('dense.fc6.q', { h, w, c, out: f(fc6.outputs) }),
      // Distractors: the unpooled 13×13 count (a lecture-note slip), no kernel, no channels.
      answer: { kind: 'choice', ...countOptions(asConv, [13 * 13 * c * fc6.outputs, c * fc6.outputs, h * w * fc6.outputs], sig) },
      explanation: text(asConv === asDense ? 'dense.fc6.why' : 'dense.fc6.whyNot', { h, c, out: f(fc6.outputs), n: f(asConv) }),
    });
  }
  qs.push({
    id: 'pixel', phase: 'check', signature: 'dense', tolerance: 'exact',
    prompt: text('dense.pixel.q'),
    answer: { kind: 'choice', ...fixedOptions(['opt.densePerPixel', 'opt.denseWindow', 'opt.denseScale', 'opt.densePool'], 'opt.densePerPixel') },
    explanation: s.pointwiseMaxDifference === null ? text('dense.pixel.whyPlain') : text('dense.pixel.why', { diff: v(s.pointwiseMaxDifference) }),
  });
  return qs;
}
