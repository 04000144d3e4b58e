/**
 * Scene 5's combination of whole maps (engine/concepts/combine.ts) for one filter: three passes over the
 * input (4.8 M multiply-adds for the classic layer), a long task on a phone's main thread, so
 * the page asks the worker. Only filter k's weights and bias come with the input.
 */
import { combineMaps } from '../engine/concepts/combine';
import { coutCinWeights, hwcTensor } from '../engine/core/tensor';
import type { CombineParams, CombineResult } from './protocol';
import { checkPositiveInt, isFloat32Array, RequestError } from './requestChecks';

export function runCombine(p: CombineParams): CombineResult {
  const h = checkPositiveInt('height', p?.height), w = checkPositiveInt('width', p.width), cin = checkPositiveInt('channels', p.channels);
  if (!isFloat32Array(p.input) || p.input.length !== h * w * cin) throw new RequestError(`input must hold ${h}×${w}×${cin} floats`);
  if (!isFloat32Array(p.weights) || p.weights.length !== cin) throw new RequestError(`the filter must have ${cin} weights`);
  if (typeof p.bias !== 'number' || !Number.isFinite(p.bias)) throw new RequestError('bias must be a number');
  if (p.order !== 'contribution' && p.order !== 'index') throw new RequestError('order must be contribution or index');
  // The filter as a one-filter layer: combineMaps reads only its row and bias.
  const c = combineMaps(hwcTensor(h, w, cin, p.input), { weights: coutCinWeights(1, cin, p.weights), bias: Float32Array.of(p.bias), relu: false }, 0, p.order);
  return { order: c.order, contribution: c.contribution, bias: c.bias, final: c.final, relativeError: c.relativeError };
}
