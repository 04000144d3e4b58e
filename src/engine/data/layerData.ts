/**
 * The data of one walkthrough layer from a seed: the input activations, He-normal weights
 * and small biases. Each comes from its own sub-stream, so changing Cout keeps the input.
 */
import { syntheticActivations, syntheticActivationsSteps } from './activations';
import { runSteps, type Steps } from '../core/steps';
import { heNormal, smallBias, subSeed } from '../core/random';
import { coutCinWeights, type CoutCinWeights, type HwcTensor } from '../core/tensor';
import { pointwiseConv } from '../kernels/pointwise';

/** The shape of a pointwise layer: H×W×Cin → H×W×Cout. */
export interface PointwiseShape {
  readonly height: number;
  readonly width: number;
  readonly inChannels: number;
  readonly outChannels: number;
}

/** A 1×1 layer as plain arrays (what crosses to and from a worker): H×W×Cin input, Cout×Cin weights, Cout biases. */
export interface PointwiseArrays extends PointwiseShape {
  readonly input: Float32Array;
  readonly weights: Float32Array;
  readonly bias: Float32Array;
}

export interface LayerData {
  readonly input: HwcTensor;
  readonly weights: CoutCinWeights;
  readonly bias: Float32Array;
}

/** Input, weights and bias for `shape`, the same numbers for the same seed everywhere. */
export function generateLayerData(shape: PointwiseShape, seed: number): LayerData {
  return runSteps(generateLayerDataSteps(shape, seed));
}

/** generateLayerData as steps (see steps.ts). */
export function* generateLayerDataSteps(shape: PointwiseShape, seed: number): Steps<LayerData> {
  const input = yield* syntheticActivationsSteps(shape.height, shape.width, shape.inChannels, seed);
  yield;
  const weightData = heNormal(shape.outChannels * shape.inChannels, shape.inChannels, subSeed(seed, 'weights'));
  const bias = smallBias(shape.outChannels, subSeed(seed, 'bias'));
  return { input, weights: coutCinWeights(shape.outChannels, shape.inChannels, weightData), bias };
}

/**
 * Activations whose channels are correlated, as in a real network: `features` smooth maps
 * mixed by a seeded 1×1 layer (He weights, small bias) into `channels` maps, then ReLU.
 * Used where the redundancy between channels is the point (channel reduction).
 */
export function correlatedActivations(height: number, width: number, channels: number, features: number, seed: number): HwcTensor {
  const source = syntheticActivations(height, width, features, subSeed(seed, 'features'));
  const weights = coutCinWeights(channels, features, heNormal(channels * features, features, subSeed(seed, 'mix')));
  return pointwiseConv(source, { weights, bias: smallBias(channels, subSeed(seed, 'mix-bias')), relu: true });
}
