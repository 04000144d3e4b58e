import { describe, expect, it } from 'vitest';
import { linkPeer } from '../../../src/worker/peer';
import { runTrain, runTrainFeatures } from '../../../src/worker/trainJobs';

/** A 4h×4w picture with seeded noise (its untrained features are what the worker trains on). */
function picture(h: number, w: number) {
  let s = 7;
  const rgba = Uint8ClampedArray.from({ length: 16 * h * w * 4 }, () => (s = (s * 1103515245 + 12345) % 2147483648) % 256);
  return { rgba, width: 4 * w, height: 4 * h };
}

const pause = () => Promise.resolve();
const H = 40;
// Every row one stroke of one of 3 classes: 40 strokes, 20 trained: 800 pixels × 512 channels × 6, past the split's minimum of 2 M multiply-adds.
const strokes = Array.from({ length: H }, (_, r) => ({ cls: (r >> 1) % 3, radius: 0, points: [r, 0, r, H - 1] }));
const params = { featuresKey: 'p', classes: 3, strokes, decay: 1e-3, maxIterations: 30, warmStart: false };

describe('a re-train shared with a second worker', () => {
  it('takes the steps one worker takes (to rounding: the halves are summed in another order), and falls back when the helper is gone', async () => {
    runTrainFeatures({ key: 'p', input: 'random', seed: 3, height: H, width: H, photo: picture(H, H) });
    const alone = await runTrain(params, pause);
    expect(alone.workers).toBe(1);
    expect(alone.trainPixels).toBe(800);

    const { port1, port2 } = new MessageChannel();
    linkPeer({ port: port2, role: 'help' });
    linkPeer({ port: port1, role: 'lead' });
    let asked = 0;
    port2.addEventListener('message', () => asked++);
    // Features made while linked go to the helper at once.
    runTrainFeatures({ key: 'p', input: 'random', seed: 3, height: H, width: H, photo: picture(H, H) });
    const shared = await runTrain(params, pause);
    expect(shared.trainPixels).toBe(alone.trainPixels);
    expect(shared.workers).toBe(2);
    // map + rows + a scores and a gradient pass per step
    expect(asked).toBeGreaterThan(2 * (shared.loss.length - 1));
    expect(shared.loss.length).toBe(alone.loss.length);
    shared.loss.forEach((l, i) => expect(l).toBeCloseTo(alone.loss[i]!, 9));
    shared.weights.forEach((w, i) => expect(w).toBeCloseTo(alone.weights[i]!, 5));
    expect(Array.from(shared.accuracy)).toEqual(Array.from(alone.accuracy));

    // The helper goes away: its half is computed here after its grace time, same result.
    port2.close();
    const after = await runTrain(params, pause);
    expect(after.workers).toBe(1);
    after.loss.forEach((l, i) => expect(l).toBeCloseTo(alone.loss[i]!, 9));
    port1.close();
  }, 20_000);
});

describe('the lead’s share of the pixels (balancedShare)', () => {
  it('is where both would finish together, from each side’s measured rate, within 0.3…0.8', async () => {
    const { balancedShare } = await import('../../../src/worker/trainPeer');
    // Equal rates: half each.
    expect(balancedShare(2500, 500, 2500, 500)).toBeCloseTo(0.5, 12);
    // The helper took 25 % longer for as many pixels: the lead takes 1.25 / 2.25 of them.
    expect(balancedShare(2500, 400, 2500, 500)).toBeCloseTo(1.25 / 2.25, 12);
    // From an uneven split: the lead did 3,000 in 600 ms (5/ms), the helper 2,000 in 500 ms (4/ms).
    expect(balancedShare(3000, 600, 2000, 500)).toBeCloseTo(5 / 9, 12);
    // Clamped, and even when nothing was measured.
    expect(balancedShare(2500, 100, 2500, 10_000)).toBe(0.8);
    expect(balancedShare(2500, 10_000, 2500, 100)).toBe(0.3);
    expect(balancedShare(2500, 0, 2500, 500)).toBe(0.5);
  });
});
