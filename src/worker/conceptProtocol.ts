/**
 * The concept pages' seeded demonstrations: the page says what to make (a seed and the sizes),
 * the worker makes the data and computes (conceptDemoJobs.ts). A seed gives the same numbers
 * every time, on any thread.
 */
import type { CollapseResult } from './protocol';

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
