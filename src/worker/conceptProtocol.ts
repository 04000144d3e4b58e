/**
 * The concept pages' seeded demonstrations: the page says what to make (a seed and the sizes),
 * the worker makes the data and computes (conceptDemoJobs.ts). A seed gives the same numbers
 * every time, on any thread. Also the general requests of those pages: a convolution of data
 * the page has (a picture), and the channel-reduction analysis.
 */
import type { Conv2dSpec } from '../engine/kernels/conv2d';
import type { BankBuffers } from './protocol';

/** A general convolution (the concept views): H×W×Cin input, weights Cout×Cin/G×kh×kw. */
export interface Conv2dRequestParams {
  readonly height: number;
  readonly width: number;
  readonly input: Float32Array;
  readonly spec: Conv2dSpec;
  readonly weights: Float32Array;
  readonly bias?: Float32Array | undefined;
  readonly relu?: boolean | undefined;
}

export interface Conv2dResult {
  /** outHeight×outWidth×Cout, channels-last (before ReLU when `preActivation` is kept). */
  readonly output: Float32Array;
  readonly height: number;
  readonly width: number;
  readonly computeMs: number;
}

/**
 * Channel reduction, measured (concepts.md §2): seeded correlated activations, their PCA
 * and the curve of seeded random 1×1 filters, plus reconstructions from k of each.
 */
export interface ReductionParams {
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  /** Smooth features the channels are mixed from. */
  readonly features: number;
  readonly seed: number;
  /** Filters kept for the reconstructions. */
  readonly k: number;
  /**
   * A photo (RGBA at 4·width × 4·height, `key` naming it) whose first `channels` learned
   * feature maps are the input, instead of seeded correlated activations; needs `bank`.
   */
  readonly photo?: { readonly rgba: Uint8ClampedArray; readonly width: number; readonly height: number; readonly key: string } | undefined;
  readonly bank?: BankBuffers | undefined;
  /**
   * The app's current layer instead (`key` naming it): its H×W×channels input, and its own
   * filters (count × channels), whose kept variance is measured beside PCA's.
   */
  readonly activations?: { readonly data: Float32Array; readonly key: string; readonly filters?: Float32Array | undefined; readonly filterCount?: number | undefined } | undefined;
  /**
   * Input channels whose original and reconstructed maps are returned; empty = the four
   * with the most variance (a channel that is nearly all zero shows nothing).
   */
  readonly showChannels: readonly number[];
}

export interface ReductionResult {
  /** The channels shown, in order. */
  readonly shownChannels: readonly number[];
  /** With `activations.filters`: the fraction of variance the layer's own filters keep, all of them together. */
  readonly layerKept?: number | undefined;
  /** Fraction of variance kept by the first k PCA filters, k = 1…channels. */
  readonly pcaKept: Float64Array;
  /** The same for seeded random (He-normal) 1×1 filters, reconstructed by least squares. */
  readonly randomKept: Float64Array;
  /** showChannels.length maps of H×W, one after another: the originals… */
  readonly originals: Float32Array;
  /** …rebuilt from k PCA filters… */
  readonly pcaMaps: Float32Array;
  /** …and from k random filters. */
  readonly randomMaps: Float32Array;
  readonly computeMs: number;
}

/**
 * Linear collapse: a 1×1 layer Cin→b (`squeeze`, b×Cin) then a 3×3 layer b→Cout (`spatial`,
 * Cout×b×3×3), both without bias, on an H×W×Cin input, with and without a ReLU between them.
 */
export interface CollapseParams {
  readonly height: number;
  readonly width: number;
  readonly inChannels: number;
  readonly squeezeChannels: number;
  readonly outChannels: number;
  readonly input: Float32Array;
  readonly squeeze: Float32Array;
  readonly spatial: Float32Array;
}

export interface CollapseResult {
  /** Largest |two layers − the one merged 3×3 layer|, without the ReLU, and the largest |output| for scale. */
  readonly linearMaxDifference: number;
  readonly outputScale: number;
  /** Directions of the Cin input channels the merged layer reads (≤ b). */
  readonly mergedRank: number;
  /** With the ReLU between them: relative error of the merged layer, and of the best single 3×3 layer (least squares). */
  readonly reluMergedError: number;
  readonly reluBestError: number;
  readonly windows: number;
}

/**
 * A 1×1 convolution as a dense layer at every pixel, and the converse: a dense layer on a
 * flattened k×k×C map as a k×k convolution (the same weights, reshaped), run on a larger map.
 * The worker makes the data from `seed`: an H×W×Cin input, Cout×Cin weights and Cout biases;
 * the fc layer's weights (out × C·k·k, PyTorch's flatten order) and its map.
 */
export interface DenseParams {
  readonly seed: number;
  readonly height: number;
  readonly width: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly fcKernel: number;
  readonly fcChannels: number;
  readonly fcOutputs: number;
  readonly fcMapHeight: number;
  readonly fcMapWidth: number;
}

export interface DenseResult {
  /** Largest |1×1 convolution − dense layer at each pixel| over all H·W·Cout outputs. */
  readonly pointwiseMaxDifference: number;
  readonly outputs: number;
  /** Pixel (0, 0)'s first outputs both ways. */
  readonly pixelConv: Float32Array;
  readonly pixelDense: Float32Array;
  /** The k×k convolution on the larger map: its output size, and the largest |conv − dense on that window, flattened| over every window. */
  readonly fcOutHeight: number;
  readonly fcOutWidth: number;
  readonly fcMaxDifference: number;
  readonly fcScale: number;
}

/** One layer's output before and after its ReLU (H×W×channels, channels-last). */
export interface ReluStage {
  readonly pre: Float32Array;
  readonly post: Float32Array;
  readonly channels: number;
  /** Outputs the ReLU set to 0 (those below 0). */
  readonly zeroed: number;
}

/**
 * The bottleneck's two paths on a seeded H×W×Cin input: a 3×3 layer Cin→Cout (one ReLU), and
 * a 1×1 layer Cin→b then a 3×3 layer b→Cout (two ReLUs); He-normal weights, no biases.
 */
export interface NonlinearityParams {
  readonly seed: number;
  readonly size: number;
  readonly inChannels: number;
  readonly squeezeChannels: number;
  readonly outChannels: number;
}

export interface NonlinearityResult {
  readonly direct: readonly [ReluStage];
  readonly squeezed: readonly [ReluStage, ReluStage];
  /** The squeezed path's two layers merged into one 3×3 layer, with and without the ReLU between them. */
  readonly collapse: CollapseResult;
}

/**
 * "What, not where": a seeded S×S×Cin input and its pixels rearranged (a shift by (dy, dx) with
 * wrap-around, or a seeded shuffle), each through seeded 1×1 and 3×3 layers Cin→Cout (same padding).
 */
export interface WhatWhereParams {
  readonly seed: number;
  readonly size: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly move: 'shift' | 'shuffle';
  readonly dy: number;
  readonly dx: number;
}

export interface WhatWhereRow {
  readonly kernel: 1 | 3;
  /** The layer's output of the rearranged input… */
  readonly first: Float32Array;
  /** …and its output of the input, rearranged the same way. */
  readonly second: Float32Array;
  /** |first − second|, and its largest value. */
  readonly diff: Float32Array;
  readonly max: number;
}

export interface WhatWhereResult {
  readonly input: Float32Array;
  readonly moved: Float32Array;
  readonly rows: readonly [WhatWhereRow, WhatWhereRow];
}

/** The convolution family on a seeded S×S×Cin input: standard, grouped, depthwise, pointwise, and depthwise then pointwise. */
export interface FamilyParams {
  readonly seed: number;
  readonly size: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly groups: number;
  readonly kernel: number;
}

/** Each kind's output, S×S×channels (depthwise: Cin channels; the others Cout). */
export interface FamilyResult {
  readonly standard: Float32Array;
  readonly grouped: Float32Array;
  readonly depthwise: Float32Array;
  readonly pointwise: Float32Array;
  readonly separable: Float32Array;
}
