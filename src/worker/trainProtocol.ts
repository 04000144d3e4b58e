/**
 * The protocol's requests for training a 1×1 layer on painted pixels (the Train page): types
 * only, like protocol.ts. The worker keeps the features of the last few pictures under the
 * page's keys, and the weights it trained last, so a re-train after a stroke starts from them
 * and sends no features across; a request naming features it does not hold (a new worker
 * after a crash) fails with 'cache-miss', and the page sends the picture again.
 */
import type { LearnedFileName } from '../engine/data/learnedFileNames';
import type { Preprocessing } from '../engine/onnx/preprocess';
import type { Stroke } from '../engine/train/strokes';

/**
 * What the trained layer reads: the learned 512 channels, the untrained 512, the photo's RGB,
 * or the input of a 1×1 layer of the student's model (the model the worker holds, run on the picture).
 */
export type TrainInput = 'learned' | 'random' | 'rgb' | 'model';

/** The model layer whose input becomes the features: the model held as `key` (modelProtocol.ts), run to `node` on a picture. */
export interface TrainModelSource {
  readonly key: string;
  readonly node: string;
  /** RGBA of the picture at the model's input size. */
  readonly rgba: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
  readonly preprocessing: Preprocessing;
}

export interface TrainFeaturesParams {
  readonly key: string;
  readonly input: TrainInput;
  /** Seed of the untrained first layer (the walkthrough's `seed`, so both show the same features). */
  readonly seed: number;
  /** The map's size; the photo is 4× as large (the first layer has stride 4). */
  readonly height: number;
  readonly width: number;
  /** RGBA bytes at 4·width × 4·height (all inputs but 'model'). */
  readonly photo?: { readonly rgba: Uint8ClampedArray; readonly width: number; readonly height: number } | undefined;
  /** For input 'model': the layer and the picture at the model's size. */
  readonly model?: TrainModelSource | undefined;
  /** The learned bank's files (the first layer's are what the features need). */
  readonly bank?: Readonly<Partial<Record<LearnedFileName, ArrayBuffer>>> | undefined;
}

export interface TrainFeaturesResult {
  readonly channels: number;
  /** For input 'model': the layer's own map size (the features are its input, cell by cell on the page's grid). */
  readonly layer?: { readonly height: number; readonly width: number } | undefined;
  readonly computeMs: number;
}

export interface TrainParams {
  /** Features made by trainFeatures. */
  readonly featuresKey: string;
  readonly classes: number;
  readonly strokes: readonly Stroke[];
  /** λ of the weight decay. */
  readonly decay: number;
  readonly maxIterations: number;
  /** Start from the weights trained last (when they have this shape) rather than from zero. */
  readonly warmStart: boolean;
}

export interface TrainResult {
  /** K×Cin, the layer's filters. */
  readonly weights: Float32Array;
  /** K. */
  readonly bias: Float32Array;
  /** Loss and painted-pixel accuracy after each step (index 0: where it started). */
  readonly loss: Float64Array;
  readonly accuracy: Float64Array;
  /** Accuracy on the held-out strokes (NaN when none is held out yet). */
  readonly heldOutAccuracy: number;
  readonly trainPixels: number;
  readonly heldOutPixels: number;
  /** H×W×K class probabilities, channels-last. */
  readonly probabilities: Float32Array;
  /** H×W×K class scores (the layer's output before the softmax). */
  readonly scores: Float32Array;
  readonly evaluations: number;
  /** Workers that took part in the re-train to its end (2: the pixels split with a linked second worker). */
  readonly workers: number;
  readonly trainMs: number;
  readonly predictMs: number;
}

/** A trained layer applied to features the worker holds (another photo), without training. */
export interface TrainApplyParams {
  readonly featuresKey: string;
  readonly classes: number;
  readonly weights: Float32Array;
  readonly bias: Float32Array;
}

export interface TrainApplyResult {
  readonly probabilities: Float32Array;
  readonly scores: Float32Array;
  readonly predictMs: number;
}

/** The features themselves (for the export's PyTorch check): H×W×Cin. */
export interface TrainFeaturesGetParams {
  readonly featuresKey: string;
}

export interface TrainFeaturesGetResult {
  readonly features: Float32Array;
  readonly height: number;
  readonly width: number;
  readonly channels: number;
}
