/** Questions of scene 5 (whole maps added term by term) and of the explorer. */
import type { MapCombination } from '../../engine/concepts/combine';
import type { CoutCinWeights, HwcTensor } from '../../engine/core/tensor';
import { formatInt as f, formatValue as v } from '../../lib/format';
import { fixedOptions, lettered, rotate, shareOptions } from '../choices';
import { text, type Question } from '../types';
import type { MapState } from './walkthrough';

export interface Scene5State {
  readonly input: HwcTensor;
  readonly weights: CoutCinWeights;
  readonly combination: MapCombination;
}

/** Bands of a count 1…n at about 1 %, 5 % and 20 % of n, empty bands dropped. */
export function countBands(n: number): { lo: number; hi: number }[] {
  const cuts = [...new Set([Math.ceil(n * 0.01), Math.ceil(n * 0.05), Math.ceil(n * 0.2), n])].filter((c) => c >= 1 && c <= n).sort((a, b) => a - b);
  return cuts.map((hi, i) => ({ lo: i === 0 ? 1 : cuts[i - 1]! + 1, hi }));
}

/** Norms already computed, per input tensor: a scene re-asks at every step, the input stays. */
const NORMS = new WeakMap<HwcTensor, Float64Array>();

/** ‖xᵢ‖₂ over the map for every input channel. */
function channelNorms(input: HwcTensor): Float64Array {
  const known = NORMS.get(input);
  if (known) return known;
  const { channels: cin, data } = input;
  const norm = new Float64Array(cin);
  for (let o = 0; o < data.length; o += cin) for (let i = 0; i < cin; i++) norm[i]! += data[o + i]! * data[o + i]!;
  const out = norm.map(Math.sqrt);
  NORMS.set(input, out);
  return out;
}

/** Scene 5: after how many terms the error halves, which map comes first, what a map is. */
export function scene5({ input, weights, combination: c }: Scene5State): Question[] {
  const cin = input.channels, k = c.filterIndex;
  const sig = `${input.height}x${input.width}x${cin}|${k}|${c.bias}|${c.contribution[0] ?? 0}`;
  const qs: Question[] = [];
  const half = c.relativeError.findIndex((e) => e <= 0.5);
  if (half >= 1) {
    const bands = countBands(cin);
    qs.push({
      id: 'half', phase: 'predict', signature: sig, tolerance: 'range',
      prompt: text('s5.half.q', { cin: f(cin), k }),
      answer: { kind: 'choice', ...lettered(bands.map((b) => ({ value: b, label: text(b.lo === b.hi ? 'opt.exactly' : 'opt.countBand', { lo: b.lo, hi: b.hi }) })), (b) => half >= b.lo && half <= b.hi) },
      explanation: text('s5.half.why', { n: f(half), cin: f(cin), pct: ((half / cin) * 100).toFixed(1) }),
    });
  }
  if (cin >= 2) {
    const norms = channelNorms(input);
    const w = (i: number) => Math.abs(weights.data[k * cin + i]!);
    const first = c.order[0]!;
    const argmax = (score: (i: number) => number) => {
      let best = 0;
      for (let i = 1; i < cin; i++) if (score(i) > score(best)) best = i;
      return best;
    };
    // Tempting: the largest weight alone, the largest map alone, and the runner-up.
    const pool = [first, argmax(w), argmax((i) => norms[i]!), c.order[1]!];
    for (let i = 0; pool.length < 8 && i < cin; i++) pool.push(i);
    const picks = rotate([...new Set(pool)].slice(0, 4), sig);
    qs.push({
      id: 'first', phase: 'predict', signature: sig, tolerance: 'exact',
      prompt: text('s5.first.q', { k }),
      answer: { kind: 'choice', ...lettered(picks.map((i) => ({ value: i, label: text('opt.channelTerm', { i, w: v(w(i)), x: v(norms[i]!) }) })), (i) => i === first) },
      explanation: text('s5.first.why', { i: first, w: v(w(first)), x: v(norms[first]!), t: v(c.contribution[0]!) }),
    });
  }
  qs.push({
    id: 'sum', phase: 'check', signature: `${cin}`, tolerance: 'exact',
    prompt: text('s5.sum.q', { k }),
    answer: { kind: 'choice', ...fixedOptions(['opt.weightedSum', 'opt.largestWeight', 'opt.blur', 'opt.product'], 'opt.weightedSum', { cin: f(cin) }) },
    explanation: text('s5.sum.why', { cin: f(cin), k, b: v(c.bias) }),
  });
  return qs;
}

export interface ExplorerState extends MapState {
  readonly relu: boolean;
}

/** Negative outputs counted once per output map (the explorer re-asks at every pixel it shows). */
const NEGATIVES = new WeakMap<Float32Array, number>();
function countNegative(output: Float32Array): number {
  let n = NEGATIVES.get(output);
  if (n === undefined) {
    n = 0;
    for (let i = 0; i < output.length; i++) if (output[i]! < 0) n++;
    NEGATIVES.set(output, n);
  }
  return n;
}

/** The explorer: what share of the layer's outputs are negative (asked once per layer), and what one output reads. */
export function explorer(s: ExplorerState): Question[] {
  const { row, col, height, width, outChannels: cout, output } = s;
  const negative = countNegative(output);
  const share = negative / output.length;
  const sig = `${height}x${width}x${s.inChannels}x${cout}|${negative}|${s.relu}`;
  return [{
    id: 'negative', phase: 'predict', signature: sig, tolerance: 'range',
    prompt: text('ex.neg.q', { h: height, w: width, cout, n: f(output.length) }),
    answer: { kind: 'choice', ...shareOptions(share, [0.25, 0.5, 0.75]) },
    explanation: s.relu && negative === 0 ? text('ex.neg.relu', { n: f(output.length) }) : text('ex.neg.why', { neg: f(negative), n: f(output.length), pct: (share * 100).toFixed(1) }),
  }, {
    id: 'reads', phase: 'check', signature: `${s.inChannels}`, tolerance: 'exact',
    prompt: text('ex.reads.q', { r: row, c: col, k: s.filterIndex }),
    answer: { kind: 'choice', ...fixedOptions(['opt.readsPixel', 'opt.readsWindow', 'opt.readsAll', 'opt.readsChannel'], 'opt.readsPixel', { cin: f(s.inChannels), r: row, c: col, k: s.filterIndex }) },
    explanation: text('ex.reads.why', { cin: f(s.inChannels), r: row, c: col }),
  }];
}
