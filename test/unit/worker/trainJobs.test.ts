import { beforeEach, describe, expect, it } from 'vitest';
import { resetTrainJobs, runTrain, runTrainApply, runTrainFeatures, runTrainFeaturesGet } from '../../../src/worker/trainJobs';
import { CacheMiss, RequestError } from '../../../src/worker/requestChecks';

/** A 4h×4w picture: left half red, right half blue, with a little seeded noise. */
function picture(h: number, w: number) {
  const rgba = new Uint8ClampedArray(16 * h * w * 4);
  for (let y = 0; y < 4 * h; y++) for (let x = 0; x < 4 * w; x++) {
    const o = (y * 4 * w + x) * 4, left = x < 2 * w;
    rgba[o] = left ? 200 + ((x * 7 + y) % 40) : 20; rgba[o + 1] = 60 + ((x + y) % 30); rgba[o + 2] = left ? 30 : 210; rgba[o + 3] = 255;
  }
  return { rgba, width: 4 * w, height: 4 * h };
}

const pause = () => Promise.resolve();
const strokes = [
  { cls: 0, radius: 1, points: [2, 2, 10, 3] },
  { cls: 1, radius: 1, points: [2, 13, 10, 14] },
  { cls: 0, radius: 0, points: [14, 4] },
  { cls: 1, radius: 0, points: [14, 12] },
];

describe('train jobs', () => {
  beforeEach(() => resetTrainJobs());

  for (const input of ['rgb', 'random'] as const) {
    it(`trains on ${input} features: painted and held-out pixels right, whole map predicted`, async () => {
      const f = runTrainFeatures({ key: 'a', input, seed: 1, height: 16, width: 16, photo: picture(16, 16) });
      expect(f.channels).toBe(input === 'rgb' ? 3 : 512);
      const r = await runTrain({ featuresKey: 'a', classes: 2, strokes, decay: 1e-3, maxIterations: 50, warmStart: true }, pause);
      expect(r.weights.length).toBe(2 * f.channels);
      expect(r.loss[r.loss.length - 1]).toBeLessThan(r.loss[0]!);
      expect(r.accuracy[r.accuracy.length - 1]).toBe(1);
      expect(r.heldOutPixels).toBe(2);
      expect(r.heldOutAccuracy).toBe(1);
      expect(r.probabilities.length).toBe(16 * 16 * 2);
      // An unpainted pixel on each side is classified by its side.
      expect(r.probabilities[(8 * 16 + 6) * 2]).toBeGreaterThan(0.5);
      expect(r.probabilities[(8 * 16 + 10) * 2 + 1]).toBeGreaterThan(0.5);
      // A re-train starts where the last one ended.
      const again = await runTrain({ featuresKey: 'a', classes: 2, strokes, decay: 1e-3, maxIterations: 50, warmStart: true }, pause);
      expect(again.loss[0]).toBeCloseTo(r.loss[r.loss.length - 1]!, 9);
      const applied = runTrainApply({ featuresKey: 'a', classes: 2, weights: r.weights, bias: r.bias });
      expect(Array.from(applied.scores)).toEqual(Array.from(r.scores));
      expect(runTrainFeaturesGet({ featuresKey: 'a' }).features.length).toBe(16 * 16 * f.channels);
    });
  }

  it('refuses strokes out of range and unknown features', async () => {
    runTrainFeatures({ key: 'a', input: 'rgb', seed: 1, height: 16, width: 16, photo: picture(16, 16) });
    const bad = [{ cls: 0, radius: 0, points: [16, 0] }];
    await expect(runTrain({ featuresKey: 'a', classes: 2, strokes: bad, decay: 0, maxIterations: 5, warmStart: false }, pause)).rejects.toBeInstanceOf(RequestError);
    await expect(runTrain({ featuresKey: 'a', classes: 2, strokes: [{ cls: 2, radius: 0, points: [0, 0] }], decay: 0, maxIterations: 5, warmStart: false }, pause)).rejects.toBeInstanceOf(RequestError);
    await expect(runTrain({ featuresKey: 'b', classes: 2, strokes: [], decay: 0, maxIterations: 5, warmStart: false }, pause)).rejects.toBeInstanceOf(CacheMiss);
  });
});
