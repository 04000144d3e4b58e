/**
 * Synthetic input feature maps that look like a CNN's post-ReLU activations rather than
 * white noise: each channel responds to a few smooth blobs and to a smooth oriented
 * pattern, and a per-channel threshold followed by ReLU leaves it non-negative and sparse.
 * Deterministic for a seed (polynomials only, see random.ts).
 */
import { mulberry32, subSeed } from '../core/random';
import { hwcTensor, type HwcTensor } from '../core/tensor';
import { runSteps, type Steps } from '../core/steps';

/** How many smooth blobs each channel responds to. */
const BLOBS = 3;

/** Smooth bump of radius 1: (1 − d²)² inside, 0 outside. */
function bump(d2: number): number {
  if (d2 >= 1) return 0;
  const t = 1 - d2;
  return t * t;
}

/** A smooth periodic wave with period 1 and values in [−1, 1] (a sine look-alike). */
function wave(x: number): number {
  const f = x - Math.floor(x);
  // Triangle wave in [−1, 1], then a smoothstep-like cubic to round its corners.
  const tri = f < 0.5 ? 4 * f - 1 : 3 - 4 * f;
  return tri * (1.5 - 0.5 * tri * tri);
}

/**
 * An H×W×C map of activations for `seed`: values ≥ 0, roughly half of them zero, with
 * spatial structure (neighbouring pixels are similar) and channels that differ.
 */
export function syntheticActivations(height: number, width: number, channels: number, seed: number): HwcTensor {
  return runSteps(syntheticActivationsSteps(height, width, channels, seed));
}

/** syntheticActivations as steps: it yields after every 16 channels. */
export function* syntheticActivationsSteps(height: number, width: number, channels: number, seed: number): Steps<HwcTensor> {
  const out = hwcTensor(height, width, channels);
  const data = out.data;
  const rand = mulberry32(subSeed(seed, 'activations'));
  const scale = Math.max(height, width);
  const map = new Float64Array(height * width);
  for (let ch = 0; ch < channels; ch++) {
    map.fill(0);
    for (let b = 0; b < BLOBS; b++) {
      const cy = rand() * height, cx = rand() * width;
      const radius = (0.12 + 0.3 * rand()) * scale;
      const amp = 0.4 + rand();
      const inv = 1 / (radius * radius);
      for (let r = 0; r < height; r++) {
        const dy2 = (r - cy) * (r - cy) * inv;
        for (let c = 0; c < width; c++) {
          const i = r * width + c;
          map[i] = map[i]! + amp * bump(dy2 + (c - cx) * (c - cx) * inv);
        }
      }
    }
    const angle = rand();
    const fy = (angle - 0.5) * 2, fx = 1 - Math.abs(fy);
    const freq = (1 + rand() * 5) / scale;
    const phase = rand();
    const gain = 0.2 + 0.5 * rand();
    let lo = Infinity, hi = -Infinity;
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        const i = r * width + c;
        const v = map[i]! + gain * wave((fy * r + fx * c) * freq + phase);
        map[i] = v;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    // Threshold between the channel's extremes, so after ReLU about half the pixels fire;
    // a flat map (a single pixel) fires in about 60 % of channels.
    const t = rand();
    const threshold = hi > lo ? lo + (hi - lo) * (0.2 + 0.3 * t) : hi - (t - 0.4);
    const gainOut = 1.5 + rand();
    for (let i = 0, q = ch; i < height * width; i++, q += channels) {
      const v = map[i]! - threshold;
      data[q] = v > 0 ? v * gainOut : 0;
    }
    if (ch % 16 === 15) yield;
  }
  return out;
}
