import { describe, expect, it } from 'vitest';
import { doubles, lbfgsSteps, lineLoss, packFeatures, packedGradient, packedScores, paramCount, scoreGradient, softmaxLossPlain, trainAsk, type TrainSet } from '../../../../src/engine/train';
import { mulberry32, normal } from '../../../../src/engine/core/random';

function randomSet(pixels: number, channels: number, k: number, seed: number): TrainSet {
  const rand = mulberry32(seed);
  const features = Float32Array.from({ length: (2 * pixels + 1) * channels }, () => Math.max(0, normal(rand)));
  const idx = Int32Array.from({ length: pixels }, (_, i) => 2 * i + 1);
  return { features, channels, pixels: idx, labels: Uint8Array.from({ length: pixels }, () => Math.floor(rand() * k)) };
}

/** Answers trainAsk's passes with plain loops (no kernels), as a reference. */
function plainPasses(set: TrainSet, ask: ReturnType<ReturnType<typeof trainAsk>['next']>['value']): void {
  const { features: x, channels: d, pixels } = set;
  if (typeof ask !== 'object' || !('kind' in ask)) return;
  if (ask.kind === 'scores') {
    for (let i = 0; i < pixels.length; i++) for (let c = 0; c < 6; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += x[pixels[i]! * d + j]! * ask.w[6 * j + c]!;
      ask.out[6 * i + c] = s;
    }
  } else if (ask.kind === 'gradient') {
    for (let i = 0; i < pixels.length; i++) for (let c = 0; c < 6; c++) for (let j = 0; j < d; j++) ask.gw[6 * j + c] = ask.gw[6 * j + c]! + ask.g[6 * i + c]! * x[pixels[i]! * d + j]!;
  }
}

describe('the passes over the features', () => {
  it('scores and gradient sums of any range of pixels equal plain loops', () => {
    const d = 13, set = randomSet(9, d, 3, 4), x = packFeatures(set.features);
    const rand = mulberry32(9);
    const w = Array.from({ length: 6 * d }, () => normal(rand));
    for (const [from, to] of [[0, 9], [3, 8], [4, 5]] as const) {
      const out = new Float64Array(6 * (to - from));
      packedScores(x, d, set.pixels, from, to, w, out);
      const g = Float64Array.from({ length: 6 * (to - from) }, () => normal(rand));
      const gw = doubles(6 * d);
      packedGradient(x, d, set.pixels, from, to, g, gw);
      for (let i = from; i < to; i++) for (let c = 0; c < 6; c++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += set.features[set.pixels[i]! * d + j]! * w[6 * j + c]!;
        expect(out[6 * (i - from) + c]).toBeCloseTo(s, 12);
      }
      for (let j = 0; j < d; j++) for (let c = 0; c < 6; c++) {
        let s = 0;
        for (let i = from; i < to; i++) s += g[6 * (i - from) + c]! * set.features[set.pixels[i]! * d + j]!;
        expect(gw[6 * j + c]).toBeCloseTo(s, 12);
      }
    }
  });

  it('the loss along a line from the scores equals the loss at the point (the line search needs no pass)', () => {
    const k = 4, d = 7, set = randomSet(25, d, k, 5), rand = mulberry32(1);
    const size = paramCount(k, d);
    const x = Float64Array.from({ length: size }, () => 0.3 * normal(rand)), dir = Float64Array.from({ length: size }, () => 0.3 * normal(rand));
    const scores = (v: Float64Array) => {
      const z = new Float64Array(6 * 25);
      for (let i = 0; i < 25; i++) for (let c = 0; c < k; c++) {
        let s = v[k * d + c]!;
        for (let j = 0; j < d; j++) s += set.features[set.pixels[i]! * d + j]! * v[c * d + j]!;
        z[6 * i + c] = s;
      }
      return z;
    };
    const z = scores(x), dz = scores(dir);
    for (const t of [0, 0.3, 1, 2.5]) {
      const at = x.map((v, i) => v + t * dir[i]!);
      expect(lineLoss(z, dz, t, set.labels, k)).toBeCloseTo(softmaxLossPlain(set, k, 0, at, new Float64Array(size)), 12);
    }
    // The score gradient's bias part is the loss's bias gradient.
    const g = new Float64Array(6 * 25), gb = new Float64Array(k), want = new Float64Array(size);
    scoreGradient(z, set.labels, k, g, gb);
    softmaxLossPlain(set, k, 0, x, want);
    for (let c = 0; c < k; c++) expect(gb[c]).toBeCloseTo(want[k * d + c]!, 14);
  });

  it('trainAsk (one pass of each kind a step) takes the steps L-BFGS takes on the reference loss, with weight decay', () => {
    const k = 3, d = 11, set = randomSet(17, d, k, 6), rand = mulberry32(2);
    const init = Float64Array.from({ length: paramCount(k, d) }, () => 0.2 * normal(rand));
    const asks = trainAsk({ channels: d, labels: set.labels }, { classes: k, decay: 0.05, maxIterations: 8, init });
    let r = asks.next();
    while (!r.done) {
      plainPasses(set, r.value);
      r = asks.next();
    }
    // The same optimizer asking the reference loss (value and gradient at every trial).
    const x = init.slice(), losses = [softmaxLossPlain(set, k, 0.05, init, new Float64Array(init.length))];
    const steps = lbfgsSteps((p, g) => softmaxLossPlain(set, k, 0.05, p, g), x, { maxIterations: 8, gradientTolerance: 1e-6 });
    for (let s = steps.next(); !s.done; s = steps.next()) losses.push(s.value.loss);
    expect(r.value.history.map((h) => h.loss)).toHaveLength(losses.length);
    r.value.history.forEach((h, i) => expect(h.loss).toBeCloseTo(losses[i]!, 10));
    r.value.params.forEach((v, i) => expect(v).toBeCloseTo(x[i]!, 8));
  });
});
