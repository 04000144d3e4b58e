import { describe, expect, it } from 'vitest';
import { ERASER, accuracy, classProbabilities, heldOutStrokes, paintStrokes, splitPainted } from '../../../../src/engine/train';
import { hwcTensor } from '../../../../src/engine/core/tensor';

describe('painted strokes', () => {
  it('covers the cells along a stroke, later strokes and the eraser paint over earlier ones', () => {
    const p = paintStrokes([
      { cls: 0, radius: 0, points: [0, 0, 0, 4] },
      { cls: 1, radius: 0, points: [0, 2] },
      { cls: ERASER, radius: 0, points: [0, 4] },
    ], 3, 5);
    expect(Array.from(p.labels.slice(0, 5))).toEqual([0, 0, 1, 0, -1]);
    expect(Array.from(p.strokeOf.slice(0, 5))).toEqual([0, 0, 1, 0, -1]);
    expect(p.labels.slice(5).every((v) => v === -1)).toBe(true);
  });

  it('a radius paints a disc, clipped at the map’s edge', () => {
    const p = paintStrokes([{ cls: 2, radius: 1, points: [0, 0] }], 4, 4);
    expect(Array.from(p.labels).filter((v) => v === 2).length).toBe(3); // (0,0), (0,1), (1,0)
  });

  it('holds out every second stroke of each class', () => {
    const strokes = [{ cls: 0, radius: 0, points: [0, 0] }, { cls: 1, radius: 0, points: [0, 1] }, { cls: 0, radius: 0, points: [1, 0] }, { cls: ERASER, radius: 0, points: [3, 3] }, { cls: 0, radius: 0, points: [2, 0] }];
    expect(heldOutStrokes(strokes)).toEqual([false, false, true, false, false]);
    const split = splitPainted(paintStrokes(strokes, 4, 4), heldOutStrokes(strokes));
    expect(Array.from(split.trainPixels)).toEqual([0, 1, 8]);
    expect(Array.from(split.heldPixels)).toEqual([4]);
    expect(Array.from(split.heldLabels)).toEqual([0]);
  });
});

describe('prediction over the map', () => {
  it('gives probabilities summing to 1 and the accuracy of the argmax', () => {
    // One channel: class 1 where the feature is positive.
    const input = hwcTensor(1, 3, 1, Float32Array.from([-2, 0.5, 3]));
    const probs = classProbabilities(input, Float32Array.from([-1, 1]), Float32Array.from([0, 0]), 2);
    for (let p = 0; p < 3; p++) expect(probs[2 * p]! + probs[2 * p + 1]!).toBeCloseTo(1, 6);
    expect(probs[5]).toBeCloseTo(1 / (1 + Math.exp(-6)), 6);
    expect(accuracy(probs, 2, Int32Array.from([0, 1, 2]), Uint8Array.from([0, 1, 0]))).toBeCloseTo(2 / 3, 12);
  });
});
