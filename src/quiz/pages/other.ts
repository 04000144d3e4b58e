/** Questions of the convolution family, convolution basics and parameter tables pages. */
import { channelConnectivity, layerCost } from '../../engine/concepts/counts';
import { convOutputSize } from '../../engine/kernels/conv2d';
import { ALEXNET, ALEXNET_FC6_UNPOOLED, countLayer, networkTotals } from '../../engine/concepts/networks';
import { formatInt as f } from '../../lib/format';
import { countOptions, fixedOptions, lettered } from '../choices';
import { text, type Question } from '../types';

export interface FamilyState {
  readonly inChannels: number;
  readonly outChannels: number;
  readonly groups: number;
  readonly kernel: number;
}

/** Family: the separable/standard share (±10 %), grouped's share, and whether depthwise mixes channels. */
export function family(s: FamilyState): Question[] {
  const { inChannels: cin, outChannels: cout, groups: g, kernel: k } = s;
  const cost = (kind: 'standard' | 'grouped' | 'separable') => layerCost({ kind, inChannels: cin, outChannels: cout, kernel: k, groups: g }).weights;
  const standard = cost('standard');
  const share = (cost('separable') / standard) * 100;
  const sig = `${cin}|${cout}|${g}|${k}`;
  const qs: Question[] = [{
    id: 'separable', phase: 'predict', signature: sig, tolerance: 'relative10',
    prompt: text('fam.sep.q', { k, cin: f(cin), cout: f(cout) }),
    answer: { kind: 'number', value: share, unit: '%' },
    explanation: text('fam.sep.why', { pct: share.toFixed(1), k2: k * k, cout: f(cout), a: (100 / cout).toFixed(1), b: (100 / (k * k)).toFixed(1) }),
  }];
  if (g > 1) {
    const ratio = cost('grouped') / standard;
    const choices = [
      { value: 1 / g, label: text('opt.groupShare', { g }) },
      { value: 1, label: text('opt.groupSame') },
      { value: 1 / (g * g), label: text('opt.groupShare', { g: g * g }) },
      { value: g, label: text('opt.groupTimes', { g }) },
    ];
    qs.push({
      id: 'grouped', phase: 'predict', signature: sig, tolerance: 'exact',
      prompt: text('fam.grouped.q', { g, k, cin: f(cin), cout: f(cout) }),
      answer: { kind: 'choice', ...lettered(choices, (x) => Math.abs(x - ratio) <= 1e-12) },
      explanation: text('fam.grouped.why', { g, a: f(cin / g), b: f(cout / g), n: f(cost('grouped')), m: f(standard) }),
    });
  }
  // Depthwise connects channel c to channel c only: no 1 off the diagonal.
  const links = channelConnectivity('depthwise', cin, cin);
  let across = 0;
  for (let o = 0; o < cin; o++) for (let i = 0; i < cin; i++) if (o !== i) across += links[o * cin + i]!;
  qs.push({
    id: 'depthwise', phase: 'check', signature: `${cin}`, tolerance: 'exact',
    prompt: text('fam.dw.q'),
    answer: { kind: 'choice', ...fixedOptions(['opt.yes', 'opt.no'], across > 0 ? 'opt.yes' : 'opt.no') },
    explanation: text('fam.dw.why', { cin: f(cin), across }),
  });
  return qs;
}

export interface BasicsState {
  readonly size: number;
  readonly kernel: number;
  readonly stride: number;
  readonly pad: number;
  readonly dilation: number;
}

/** Basics: the output size (exact), and that padding and stride leave the weights alone. */
export function basics(s: BasicsState): Question[] {
  const out = convOutputSize(s.size, s.kernel, s.stride, s.pad, s.dilation);
  const span = s.dilation * (s.kernel - 1) + 1;
  const sig = `${s.size}|${s.kernel}|${s.stride}|${s.pad}|${s.dilation}`;
  const weights = layerCost({ kind: 'standard', inChannels: 1, outChannels: 1, kernel: s.kernel }).weights;
  return [{
    id: 'out', phase: 'predict', signature: sig, tolerance: 'exact',
    prompt: text('bas.out.q', { h: s.size, k: s.kernel, s: s.stride, p: s.pad, d: s.dilation }),
    answer: { kind: 'number', value: out },
    explanation: text('bas.out.why', { h: s.size, p: s.pad, span, s: s.stride, out }),
  }, {
    id: 'padding', phase: 'check', signature: `${s.kernel}`, tolerance: 'exact',
    prompt: text('bas.pad.q', { k: s.kernel }),
    answer: { kind: 'choice', ...fixedOptions(['opt.yes', 'opt.no'], 'opt.no') },
    explanation: text('bas.pad.why', { k: s.kernel, n: weights }),
  }];
}

/** Parameter tables: AlexNet's dense/conv ratio and total (nearest on a log scale), fc6 pooled or not. */
export function params(): Question[] {
  const rows = ALEXNET.map(countLayer);
  const totals = networkTotals(rows);
  const ratio = totals.denseWeights / totals.convWeights;
  const nearest = (x: number, candidates: readonly number[]) => candidates.reduce((b, c) => (Math.abs(Math.log(c / x)) < Math.abs(Math.log(b / x)) ? c : b));
  const ratios = [2.5, 25, 250, 1000];
  const totalsAt = [6e6, 6e7, 6e8, 6e9];
  const fc6 = rows.find((r) => r.name === 'fc6')!;
  const slip = countLayer(ALEXNET_FC6_UNPOOLED);
  // A third count: fc6 with no 6×6 window at all (channels × outputs).
  const channelsOnly = ALEXNET_FC6_UNPOOLED.type === 'dense' ? ALEXNET_FC6_UNPOOLED.inputShape.at(-1)! * ALEXNET_FC6_UNPOOLED.outputs : 0;
  const sig = `${totals.parameters}`;
  const fc6Layer = ALEXNET.find((l) => l.name === 'fc6');
  const fc6Shape = fc6Layer?.type === 'dense' ? { h: fc6Layer.inputShape[0] ?? 1, w: fc6Layer.inputShape[1] ?? 1, c: fc6Layer.inputShape[2] ?? 1, out: f(fc6Layer.outputs) } : {};
  return [{
    id: 'ratio', phase: 'predict', signature: sig, tolerance: 'magnitude',
    prompt: text('par.ratio.q'),
    answer: { kind: 'choice', ...lettered(ratios.map((r) => ({ value: r, label: text('opt.aboutTimes', { n: r < 10 ? r.toFixed(1) : f(r) }) })), (r) => r === nearest(ratio, ratios)) },
    explanation: text('par.ratio.why', { dense: f(totals.denseWeights), conv: f(totals.convWeights), ratio: ratio.toFixed(1) }),
  }, {
    id: 'total', phase: 'predict', signature: sig, tolerance: 'magnitude',
    prompt: text('par.total.q'),
    answer: { kind: 'choice', ...lettered(totalsAt.map((t) => ({ value: t, label: text('opt.about', { n: { approx: t } }) })), (t) => t === nearest(totals.parameters, totalsAt)) },
    explanation: text('par.total.why', { n: f(totals.parameters), w: f(totals.weights), b: f(totals.biases) }),
  }, {
    id: 'fc6', phase: 'check', signature: sig, tolerance: 'exact',
    prompt: text('par.fc6.q', fc6Shape),
    answer: { kind: 'choice', ...countOptions(fc6.weights, [slip.weights, channelsOnly], sig) },
    explanation: text('par.fc6.why', { formula: fc6.formula, n: f(fc6.weights), slip: f(slip.weights) }),
  }];
}
