/**
 * The data of one walkthrough layer from a seed: the input activations, He-normal weights
 * and small biases. Each comes from its own sub-stream, so changing Cout keeps the input.
 */
import { syntheticActivations } from './activations';
import { heNormal, smallBias, subSeed } from './random';
import { coutCinWeights, type CoutCinWeights, type HwcTensor } from './tensor';

/** The shape of a pointwise layer: H×W×Cin → H×W×Cout. */
export interface PointwiseShape {
  readonly height: number;
  readonly width: number;
  readonly inChannels: number;
  readonly outChannels: number;
}

export interface LayerData {
  readonly input: HwcTensor;
  readonly weights: CoutCinWeights;
  readonly bias: Float32Array;
}

/** Input, weights and bias for `shape`, the same numbers for the same seed everywhere. */
export function generateLayerData(shape: PointwiseShape, seed: number): LayerData {
  const input = syntheticActivations(shape.height, shape.width, shape.inChannels, seed);
  const weightData = heNormal(shape.outChannels * shape.inChannels, shape.inChannels, subSeed(seed, 'weights'));
  const bias = smallBias(shape.outChannels, subSeed(seed, 'bias'));
  return { input, weights: coutCinWeights(shape.outChannels, shape.inChannels, weightData), bias };
}
