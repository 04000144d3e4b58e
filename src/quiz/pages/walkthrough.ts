/**
 * Questions of the walkthrough's scenes 0–4, each a pure function of what the scene shows:
 * the layer's shape, the layer's weights, the traced dot product, the output map at the cursor.
 */
import { layerCost } from '../../engine/concepts/counts';
import type { DotProductTrace } from '../../engine/concepts/trace';
import type { CoutCinWeights } from '../../engine/core/tensor';
import { formatInt as f, formatValue as v } from '../../lib/format';
import { countOptions, fixedOptions, lettered, magnitudeOptions, rotate } from '../choices';
import { text, type Question } from '../types';

export interface Scene0State {
  readonly height: number;
  readonly width: number;
  readonly inChannels: number;
  readonly outChannels: number;
  /** Whether the bias is added (the layer's setting). */
  readonly useBias: boolean;
}

/**
 * Scene 0, the whole layer while it loops: how many numbers one output is made of (the
 * misconception: "1×1" reads one number, or a neighbourhood), then that one pixel's column
 * meets every filter. Nothing here follows the moving cursor, so the loop never changes the
 * question under the student's pointer.
 */
export function scene0(s: Scene0State): Question[] {
  const { height: h, width: w, inChannels: cin, outChannels: cout } = s;
  const b = s.useBias ? 1 : 0;
  const sig = `${h}x${w}x${cin}x${cout}|${b}`;
  // Inputs at the pixel, one filter's weights, the bias.
  const n = cin + cin + b;
  return [{
    id: 'depends', phase: 'predict', signature: sig, tolerance: 'exact',
    prompt: text(b ? 's0.depends.q' : 's0.depends.qNoBias'),
    // Distractors: one input and one weight ("1×1"), a 3×3 window, every pixel of the input.
    answer: { kind: 'choice', ...countOptions(n, [2 + b, 9 * 2 * cin + b, h * w * cin + cin + b], sig) },
    explanation: text(b ? 's0.depends.why' : 's0.depends.whyNoBias', { cin: f(cin), n: f(n) }),
  }, {
    id: 'meets', phase: 'check', signature: sig, tolerance: 'exact',
    prompt: text('s0.meets.q', { cin: f(cin), cout: f(cout) }),
    // Distractors: one filter per pixel, one per channel, one per weight.
    answer: { kind: 'choice', ...countOptions(cout, [1, cin, cin * cout], `${sig}|meets`) },
    explanation: text('s0.meets.why', { cout: f(cout), last: cout - 1, hw: f(h * w) }),
  }];
}

export interface Scene1State {
  readonly weights: CoutCinWeights;
  readonly height: number;
  readonly width: number;
  readonly filterIndex: number;
}

/** Scene 1: the weight count (one weight per channel pair, none per pixel) and that filters differ. */
export function scene1(s: Scene1State): Question[] {
  const { outChannels: cout, inChannels: cin, data } = s.weights;
  const hw = s.height * s.width;
  const sig = `${cin}x${cout}x${hw}`;
  const n = cout * cin;
  const qs: Question[] = [{
    id: 'weights', phase: 'predict', signature: sig, tolerance: 'exact',
    // Shapes are written without separators (56×56×1024); counts with them.
    prompt: text('s1.weights.q', { cin, cout, h: s.height, w: s.width }),
    // Distractors: a weight per pixel too (no sharing), a sum of channels, one weight per filter.
    answer: { kind: 'choice', ...countOptions(n, [hw * n, cin + cout, cout], sig) },
    explanation: text('s1.weights.why', { cout: f(cout), cin: f(cin), n: f(n), hw: f(hw) }),
  }];
  if (cout >= 2) {
    // Filters 0 and 1, not the picked one: stepping through the filters (or Play) keeps the question.
    const a = 0, b = 1;
    let differ = 0;
    for (let i = 0; i < cin; i++) if (data[a * cin + i] !== data[b * cin + i]) differ++;
    qs.push({
      id: 'share', phase: 'predict', signature: `${sig}|${a}|${differ}`, tolerance: 'exact',
      prompt: text('s1.share.q', { a, b }),
      answer: { kind: 'choice', ...fixedOptions(['opt.sameWeights', 'opt.ownWeights'], differ === 0 ? 'opt.sameWeights' : 'opt.ownWeights') },
      explanation: differ === 0 ? text('s1.share.same', { a, b }) : text('s1.share.why', { a, b, n: f(differ), cin: f(cin), hw: f(hw) }),
    });
  }
  qs.push({
    id: 'space', phase: 'check', signature: sig, tolerance: 'exact',
    prompt: text('s1.space.q', { k: s.filterIndex, r: s.height - 1, c: s.width - 1 }),
    answer: { kind: 'choice', ...fixedOptions(['opt.yes', 'opt.no'], 'opt.yes') },
    explanation: text('s1.space.why', { hw: f(hw), n: f(n) }),
  });
  return qs;
}

export interface Scene2State {
  readonly trace: DotProductTrace;
  readonly outChannels: number;
}

/** Scene 2: where the sum ends against the bias, which term is largest, how many outputs a pixel gets. */
export function scene2({ trace, outChannels: cout }: Scene2State): Question[] {
  const { row, col, filterIndex: k, products, inputs, weights, bias, preActivation } = trace;
  const cin = products.length;
  const sum = trace.partialSums[cin - 1] ?? 0;
  const sig = `${row},${col},${k}|${cin}|${preActivation.toPrecision(7)}`;
  const where = { r: row, c: col, k };
  const qs: Question[] = [{
    id: 'sign', phase: 'predict', signature: sig, tolerance: 'sign',
    prompt: text('s2.sign.q', { ...where, cin: f(cin), bias: v(bias) }),
    answer: { kind: 'choice', ...fixedOptions(['opt.above', 'opt.below', 'opt.equal'], sum > 0 ? 'opt.above' : sum < 0 ? 'opt.below' : 'opt.equal') },
    explanation: text('s2.sign.why', { cin: f(cin), sum: v(sum), bias: v(bias), y: v(preActivation) }),
  }];
  if (cin >= 2) {
    const argmax = (a: ArrayLike<number>, skip = -1) => {
      let best = -1;
      for (let i = 0; i < a.length; i++) if (i !== skip && (best < 0 || Math.abs(a[i]!) > Math.abs(a[best]!))) best = i;
      return best;
    };
    const top = argmax(products);
    // The tempting wrong answers: the largest input, the largest weight, the runner-up term.
    const pool = [top, argmax(inputs), argmax(weights), argmax(products, top)];
    for (let i = 0; pool.length < 8 && i < cin; i++) pool.push(i);
    const picks = [...new Set(pool)].slice(0, 4);
    const items = rotate(picks, sig).map((i) => ({ value: i, label: text('opt.term', { i, x: v(inputs[i]!), w: v(weights[i]!) }) }));
    const big = argmax(inputs);
    qs.push({
      id: 'term', phase: 'predict', signature: sig, tolerance: 'exact',
      prompt: text('s2.term.q', where),
      answer: { kind: 'choice', ...lettered(items, (i) => i === top) },
      explanation: big === top
        ? text('s2.term.whySame', { i: top, p: v(products[top]!) })
        : text('s2.term.why', { i: top, p: v(products[top]!), j: big, x: v(inputs[big]!), pj: v(products[big]!) }),
    });
  }
  qs.push({
    id: 'outputs', phase: 'check', signature: `${cin}x${cout}`, tolerance: 'exact',
    prompt: text('s2.outputs.q', { r: row, c: col }),
    answer: { kind: 'choice', ...countOptions(cout, [cin, 1, cin * cout], `${cin}x${cout}`) },
    explanation: text('s2.outputs.why', { cout: f(cout), cin: f(cin) }),
  });
  return qs;
}

export interface MapState {
  /** H×W×Cout output of the whole layer. */
  readonly output: Float32Array;
  readonly height: number;
  readonly width: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly row: number;
  readonly col: number;
  readonly filterIndex: number;
}

const at = (s: MapState, row: number, col: number, k: number) => s.output[(row * s.width + col) * s.outChannels + k]!;

/** Scene 3: the next pixel's value against this one's, and that it reads no neighbour. */
export function scene3(s: MapState): Question[] {
  const { row, col, filterIndex: k, width, height } = s;
  const next = row * width + col + 1;
  if (next >= height * width) return [];
  const r2 = Math.floor(next / width), c2 = next % width;
  const here = at(s, row, col, k), there = at(s, r2, c2, k);
  const sig = `${row},${col},${k}|${here}|${there}`;
  return [{
    id: 'next', phase: 'predict', signature: sig, tolerance: 'sign',
    prompt: text('s3.next.q', { k, r: row, c: col, y: v(here), r2, c2 }),
    answer: { kind: 'choice', ...fixedOptions(['opt.larger', 'opt.smaller', 'opt.same'], there > here ? 'opt.larger' : there < here ? 'opt.smaller' : 'opt.same') },
    explanation: text('s3.next.why', { k, r2, c2, y2: v(there), y: v(here), cin: f(s.inChannels) }),
  }, {
    id: 'depend', phase: 'check', signature: `${row},${col}|${s.inChannels}`, tolerance: 'exact',
    prompt: text('s3.depend.q', { k, r: row, c: col, r2, c2 }),
    answer: { kind: 'choice', ...fixedOptions(['opt.yes', 'opt.no'], 'opt.no') },
    explanation: text('s3.depend.why', { r2, c2, cin: f(s.inChannels) }),
  }];
}

/** Scene 4: the whole layer's multiply-adds (a power of ten), the brightest of four maps, 3×3's cost. */
export function scene4(s: MapState): Question[] {
  const { height: h, width: w, inChannels: cin, outChannels: cout, row, col, filterIndex: k } = s;
  const shape = { inChannels: cin, outChannels: cout, outHeight: h, outWidth: w };
  const one = layerCost({ kind: 'pointwise', kernel: 1, ...shape }).multiplyAdds;
  const three = layerCost({ kind: 'standard', kernel: 3, ...shape }).multiplyAdds;
  const sig = `${h}x${w}x${cin}x${cout}`;
  const qs: Question[] = [{
    id: 'macs', phase: 'predict', signature: sig, tolerance: 'magnitude',
    prompt: text('s4.macs.q', { h, w, cin, cout }),
    answer: { kind: 'choice', ...magnitudeOptions(one, sig) },
    explanation: text('s4.macs.why', { hw: f(h * w), cin: f(cin), cout: f(cout), n: f(one) }),
  }];
  if (cout >= 2) {
    const maps = [...new Set([k, (k + 1) % cout, (k + 2) % cout, (k + 3) % cout])];
    const best = maps.reduce((b, m) => (at(s, row, col, m) > at(s, row, col, b) ? m : b), maps[0]!);
    const items = maps.map((m) => ({ value: m, label: text('opt.map', { k: m }) }));
    // Asked after the table: the cursor moves with every step, and a moving question would hold the table back.
    qs.push({
      id: 'bright', phase: 'check', signature: `${sig}|${row},${col},${k}|${at(s, row, col, best)}`, tolerance: 'exact',
      prompt: text('s4.bright.q', { r: row, c: col }),
      answer: { kind: 'choice', ...lettered(items, (m) => m === best) },
      explanation: text('s4.bright.why', { k: best, y: v(at(s, row, col, best)), r: row, c: col }),
    });
  }
  const ratio = three / one;
  qs.push({
    id: 'as3x3', phase: 'check', signature: sig, tolerance: 'exact',
    prompt: text('s4.as3x3.q'),
    answer: { kind: 'choice', ...countOptions(ratio, [1, 3, 27], sig, 'opt.times') },
    explanation: text('s4.as3x3.why', { n: f(three), ratio: f(ratio) }),
  });
  return qs;
}
