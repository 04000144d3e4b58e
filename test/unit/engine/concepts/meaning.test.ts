import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  activeFraction, bankFromNpy, LEARNED_FILES, neighbourCorrelation, photoLayerData, pointwiseConv, randomFirstLayer, topActivations, windowSimilarity,
  type LearnedFileName,
} from '../../../../src/engine';
import { PHOTOS } from '../../../../src/lib/photos';
import { readShippedPhoto } from '../../../../scripts/readPhoto';

// Read on first use inside a test, not at import: code run at import counts for every test
// under Stryker's per-test coverage, so each mutant of the .npy reader would run them all.
let bankCache: ReturnType<typeof bankFromNpy> | undefined;
const learnedBank = () => (bankCache ??= bankFromNpy(Object.fromEntries(LEARNED_FILES.map((n) => [n, new Uint8Array(readFileSync(`public/learned/${n}.npy`))])) as Record<LearnedFileName, Uint8Array>));
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const firstLayerSmoothness = (filters: Float32Array) => mean(Array.from({ length: filters.length / 192 }, (_, j) => neighbourCorrelation(filters.subarray(j * 192, (j + 1) * 192), 8, 3)));

describe('the learned layers are not noise (measures that fail for the random layers)', () => {
  it('first-layer filters are smooth: neighbouring weights correlate (learned ≥ 0.4, random ≈ 0)', () => {
    const learned = firstLayerSmoothness(learnedBank().first.filters);
    const random = firstLayerSmoothness(randomFirstLayer(256, 1).filters);
    console.log(`first-layer neighbour correlation: learned ${learned.toFixed(3)}, random ${random.toFixed(3)}`);
    expect(learned).toBeGreaterThan(0.4);
    expect(Math.abs(random)).toBeLessThan(0.05);
  });

  it('each 1×1 filter’s top photo windows look alike, more than a random filter’s, on every shipped photo', () => {
    // 56×56×512 → 256 (the first 256 learned prototypes), 8 examples at least 3 pixels apart.
    const shape = { height: 56, width: 56, inChannels: 512, outChannels: 256 };
    const rows: string[] = [];
    const gains: number[] = [];
    for (const { id } of PHOTOS) {
      const photo = readShippedPhoto(id);
      const learned = photoLayerData(shape, photo, 'learned', 1, learnedBank());
      const random = photoLayerData(shape, photo, 'random', 1, learnedBank());
      const score = (d: typeof learned, weights = d.weights, bias = d.bias) => {
        const out = pointwiseConv(d.input, { weights, bias, relu: false }).data;
        const ks = Array.from({ length: 64 }, (_, i) => i * 4);
        return {
          similarity: mean(ks.map((k) => windowSimilarity(photo, topActivations(out, 56, 56, 256, k, 8, 3), 8, 4, 2))),
          active: mean(ks.map((k) => activeFraction(out, 56 * 56, 256, k))),
        };
      };
      const l = score(learned), r = score(random), mixed = score(learned, random.weights, random.bias);
      rows.push(`${id}: learned ${l.similarity.toFixed(3)} | random ${r.similarity.toFixed(3)} | random 1×1 on learned features ${mixed.similarity.toFixed(3)} (active fraction ${l.active.toFixed(3)} / ${r.active.toFixed(3)} / ${mixed.active.toFixed(3)})`);
      // Learned beats the untrained network, and training the 1×1 layer alone (same learned
      // features, random 1×1 filters) already makes the top windows more alike, on every photo.
      expect(l.similarity, id).toBeGreaterThan(r.similarity);
      expect(l.similarity, id).toBeGreaterThan(mixed.similarity);
      gains.push(l.similarity - r.similarity);
    }
    console.log(`top-window similarity (mean cosine of contrast-normalised 8×8 windows):\n  ${rows.join('\n  ')}`);
    // And by a clear margin on average over the photos (0.18 when measured).
    expect(mean(gains)).toBeGreaterThan(0.1);
  }, 120_000);
});
