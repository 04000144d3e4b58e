/**
 * A walkthrough layer whose input is a photo: the photo's first-layer features (or its RGB
 * values when Cin = 3) and 1×1 filters that are learned, named or seeded-random. Which one a
 * shape gets, and why, is part of the result so the page can say it.
 */
import { firstLayerFeaturesSteps, firstLayerFilters, randomFirstLayer, type FirstLayer } from './firstLayer';
import { runSteps, type Steps } from '../core/steps';
import type { LearnedBank } from './learnBank';
import type { LayerData, PointwiseShape } from './layerData';
import { heNormal, smallBias, subSeed } from '../core/random';
import { coutCinWeights, hwcTensor, type CoutCinWeights, type HwcTensor } from '../core/tensor';

export type FilterMode = 'learned' | 'random';

/**
 * What the layer's filters are:
 * - `learned`: prototypes from the bank (restricted to the first Cin channels when Cin < 2F);
 * - `named`: Cin = 3, the colour filters of NAMED_COLOUR_FILTERS;
 * - `random`: seeded He-normal, because it was asked for…
 * - `random-shape`: …or because the bank has no filters of this shape.
 */
export type FilterKind = 'learned' | 'named' | 'random' | 'random-shape';

/** Cin = 3 in learned mode: three filters a student can check by hand (ITU-R BT.601 luma and two opponent channels). */
export const NAMED_COLOUR_FILTERS = [
  { name: 'luminance', weights: [0.299, 0.587, 0.114] },
  { name: 'red-green', weights: [1, -1, 0] },
  { name: 'blue-yellow', weights: [-0.5, -0.5, 1] },
] as const;

export interface PhotoLayerData extends LayerData {
  readonly filterKind: FilterKind;
  /** The first layer that made the input (absent when the input is the RGB photo itself). */
  readonly first?: FirstLayer | undefined;
  /**
   * Only these learned filters' weights and biases are made, [from, to) (the others are 0): the
   * bank had only their prototypes. Absent: all of them.
   */
  readonly filters?: readonly [from: number, to: number] | undefined;
}

/** A bank whose prototypes may be there for filters [from, to) only (learnedFiles.ts's PartialBank). */
type SomeBank = LearnedBank & { readonly filters?: readonly [from: number, to: number] | undefined };

/**
 * The layer of `shape` on `photo` (RGB in [0, 1], 4H × 4W — the first layer has stride 4).
 * `bank` is needed for `learned`; `seed` gives the random parts.
 */
export function photoLayerData(shape: PointwiseShape, photo: HwcTensor, mode: FilterMode, seed: number, bank?: SomeBank): PhotoLayerData {
  return runSteps(photoLayerDataSteps(shape, photo, mode, seed, bank));
}

/** photoLayerData as steps (see steps.ts). */
export function* photoLayerDataSteps(shape: PointwiseShape, photo: HwcTensor, mode: FilterMode, seed: number, bank?: SomeBank): Steps<PhotoLayerData> {
  const { height, width, inChannels: cin, outChannels: cout } = shape;
  if (photo.channels !== 3 || photo.height !== 4 * height || photo.width !== 4 * width) {
    throw new RangeError(`the photo must be ${4 * height}×${4 * width}×3 for ${height}×${width} maps`);
  }
  const randomWeights = () => coutCinWeights(cout, cin, heNormal(cout * cin, cin, subSeed(seed, 'weights')));
  const randomBias = () => smallBias(cout, subSeed(seed, 'bias'));
  if (cin === 3) {
    const input = averagePool4(photo);
    if (mode === 'learned' && cout <= NAMED_COLOUR_FILTERS.length) {
      const weights = coutCinWeights(cout, 3, Float32Array.from(NAMED_COLOUR_FILTERS.slice(0, cout).flatMap((f) => f.weights)));
      return { input, weights, bias: new Float32Array(cout), filterKind: 'named' };
    }
    return { input, weights: randomWeights(), bias: randomBias(), filterKind: mode === 'learned' ? 'random-shape' : 'random' };
  }
  const f = Math.ceil(cin / 2);
  const learnedFits = mode === 'learned' && bank !== undefined && f <= firstLayerFilters(bank.first);
  const first = learnedFits ? bank.first : randomFirstLayer(f, subSeed(seed, 'first'));
  const input = yield* firstLayerFeaturesSteps(photo, first, cin);
  yield;
  const used = learnedFits ? { ...first, filters: first.filters.slice(0, f * first.kernel * first.kernel * 3), bias: first.bias.slice(0, f) } : first;
  if (!learnedFits || cout > bank!.pointwise.outChannels) {
    return { input, weights: randomWeights(), bias: randomBias(), filterKind: mode === 'learned' ? 'random-shape' : 'random', first: used };
  }
  const { weights, bias, filters } = learnedWeights(bank!, cin, cout);
  return { input, weights, bias, filterKind: 'learned', first: used, filters };
}

/**
 * The learned 1×1 filters of a Cin → Cout layer (Cin ≤ 2F, Cout ≤ the bank's prototypes):
 * prototypes restricted to the first Cin channels, made unit length again; the bias measures
 * each pixel from the photos' average pixel: −w · mean. Each filter is made from its own
 * prototype alone, so a bank with some prototypes gives those filters exactly as the whole
 * bank does (and the others 0, with `filters` saying which are made).
 */
export function learnedWeights(bank: SomeBank, cin: number, cout: number): { weights: CoutCinWeights; bias: Float32Array; filters?: readonly [number, number] } {
  const all = bank.pointwise;
  if (cin > all.inChannels || cout > all.outChannels) throw new RangeError(`the bank has no ${cin} → ${cout} filters`);
  const weights = coutCinWeights(cout, cin);
  const bias = new Float32Array(cout);
  const from = Math.min(cout, bank.filters?.[0] ?? 0), to = Math.min(cout, bank.filters?.[1] ?? cout);
  for (let k = from; k < to; k++) {
    let norm = 0;
    for (let i = 0; i < cin; i++) norm += all.data[k * all.inChannels + i]! ** 2;
    const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    let b = 0;
    for (let i = 0; i < cin; i++) {
      const w = all.data[k * all.inChannels + i]! * s;
      weights.data[k * cin + i] = w;
      b -= w * bank.featureMean[i]!;
    }
    bias[k] = b;
  }
  return from === 0 && to === cout ? { weights, bias } : { weights, bias, filters: [from, to] };
}

/** 4×4 average pooling: the photo at the maps' resolution (Cin = 3 uses it directly). */
function averagePool4(photo: HwcTensor): HwcTensor {
  const h = photo.height / 4, w = photo.width / 4;
  const out = hwcTensor(h, w, 3);
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      for (let ch = 0; ch < 3; ch++) {
        let s = 0;
        for (let dy = 0; dy < 4; dy++) for (let dx = 0; dx < 4; dx++) s += photo.data[((4 * r + dy) * photo.width + 4 * c + dx) * 3 + ch]!;
        out.data[(r * w + c) * 3 + ch] = s / 16;
      }
    }
  }
  return out;
}
