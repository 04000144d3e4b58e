import { describe, expect, it } from 'vitest';
import { paramCount, softmaxLoss, train, type TrainSet } from '../../../../src/engine/train';

import { mulberry32, normal } from '../../../../src/engine/core/random';

/** Three Gaussian clusters in d dimensions, `spread` apart per unit of noise. */
function clusters(n: number, d: number, spread: number, seed: number): TrainSet {
  const rand = mulberry32(seed);
  const k = 3;
  const centres = Array.from({ length: k }, () => Array.from({ length: d }, () => spread * normal(rand)));
  const labels = Uint8Array.from({ length: n }, (_, i) => i % k);
  const features = new Float32Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) features[i * d + j] = centres[labels[i]!]![j]! + normal(rand);
  return { features, channels: d, pixels: Int32Array.from({ length: n }, (_, i) => i), labels };
}

describe('training with L-BFGS', () => {
  it('separates a linearly separable set (≥ 99 % of its pixels)', () => {
    const set = clusters(600, 8, 6, 1);
    const out = train(set, { classes: 3, decay: 1e-4, maxIterations: 100 });
    const last = out.history[out.history.length - 1]!;
    expect(last.accuracy).toBeGreaterThanOrEqual(0.99);
    expect(last.loss).toBeLessThan(out.history[0]!.loss);
  });

  it('finds the same minimum as a long plain gradient descent on a non-separable set', () => {
    const set = clusters(120, 4, 0.8, 2);
    const decay = 0.05, k = 3;
    const out = train(set, { classes: k, decay, maxIterations: 500 });
    const lbfgsLoss = out.history[out.history.length - 1]!.loss;
    // Gradient descent with a fixed step below 1/L converges to the unique minimum.
    const x = new Float64Array(paramCount(k, 4)), g = new Float64Array(x.length);
    let loss = 0;
    for (let it = 0; it < 8000; it++) {
      loss = softmaxLoss(set, k, decay, x, g);
      for (let i = 0; i < x.length; i++) x[i] = x[i]! - 0.2 * g[i]!;
    }
    expect(out.history[out.history.length - 1]!.accuracy).toBeLessThan(1); // truly not separable
    expect(Math.abs(lbfgsLoss - loss)).toBeLessThan(1e-4);
    expect(lbfgsLoss).toBeLessThanOrEqual(loss + 1e-9);
  });

  it('starts from the weights it is given (a re-train after a stroke)', () => {
    const set = clusters(300, 5, 4, 3);
    const first = train(set, { classes: 3, decay: 1e-3, maxIterations: 200 });
    const again = train(set, { classes: 3, decay: 1e-3, maxIterations: 50, init: first.params });
    expect(Math.abs(again.history[0]!.loss - first.history[first.history.length - 1]!.loss)).toBeLessThan(1e-12);
    expect(again.history.length).toBeLessThan(5);
  });
});
