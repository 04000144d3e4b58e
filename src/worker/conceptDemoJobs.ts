/**
 * The concept pages' demonstrations, made here from a seed and sizes (conceptProtocol.ts): the
 * worker makes the seeded input and weights and runs the layers, so the page ships no arrays
 * and holds no generator of its own.
 */
import { syntheticActivations } from '../engine/data/activations';
import { conv2d, type Conv2dSpec } from '../engine/kernels/conv2d';
import { heNormal, subSeed } from '../engine/core/random';
import { hwcTensor, type HwcTensor } from '../engine/core/tensor';
import { permutePixels, pixelPermutation, shiftPixels } from '../engine/concepts/transforms';
import { runCollapse } from './conceptJobs';
import type { FamilyParams, FamilyResult, NonlinearityParams, NonlinearityResult, ReluStage, WhatWhereParams, WhatWhereResult, WhatWhereRow } from './conceptProtocol';
import { RequestError, checkPositiveInt } from './requestChecks';

/** A seed: an integer in [0, 2³²) (the generators take 32 bits). */
export function checkSeed(v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= 2 ** 32) throw new RequestError('seed must be an integer in 0…4294967295');
  return v;
}

/** `value` checked as an integer in 1…`max`, named in the message. */
function sized(name: string, value: unknown, max: number): number {
  const v = checkPositiveInt(name, value);
  if (v > max) throw new RequestError(`${name} must be at most ${max}`);
  return v;
}

/** A k×k layer Cin→Cout with "same" padding (k odd) and `groups`. */
const same = (k: number, cin: number, cout: number, groups = 1): Conv2dSpec =>
  ({ inChannels: cin, outChannels: cout, kernelHeight: k, kernelWidth: k, padY: Math.floor(k / 2), padX: Math.floor(k / 2), groups });

/** The layer's seeded He-normal weights (fan-in Cin/G·k·k, stream `stream` of `seed`), no bias, applied to `x`. */
function seededConv(x: HwcTensor, spec: Conv2dSpec, seed: number, stream: string): HwcTensor {
  const g = spec.groups ?? 1, fanIn = (spec.inChannels / g) * spec.kernelHeight * spec.kernelWidth;
  return conv2d(x, spec, { weights: heNormal(spec.outChannels * fanIn, fanIn, subSeed(seed, stream)) });
}

function relu(pre: Float32Array, channels: number): ReluStage {
  const post = new Float32Array(pre.length);
  let zeroed = 0;
  for (let i = 0; i < pre.length; i++) {
    if (pre[i]! > 0) post[i] = pre[i]!;
    else if (pre[i]! < 0) zeroed++;
  }
  return { pre, post, channels, zeroed };
}

export function runNonlinearity(p: NonlinearityParams): NonlinearityResult {
  const seed = checkSeed(p.seed), size = sized('size', p.size, 64);
  const cin = sized('inChannels', p.inChannels, 64), b = sized('squeezeChannels', p.squeezeChannels, 64), cout = sized('outChannels', p.outChannels, 64);
  const input = syntheticActivations(size, size, cin, seed);
  const direct = relu(seededConv(input, same(3, cin, cout), seed, 'direct').data, cout);
  const squeeze = relu(seededConv(input, same(1, cin, b), seed, 'squeeze').data, b);
  const spatial = relu(seededConv(hwcTensor(size, size, b, squeeze.post), same(3, b, cout), seed, 'spatial').data, cout);
  // The same two layers merged: the same seeded weights as seededConv makes for 'squeeze' and 'spatial'.
  const collapse = runCollapse({
    height: size, width: size, inChannels: cin, squeezeChannels: b, outChannels: cout, input: input.data,
    squeeze: heNormal(b * cin, cin, subSeed(seed, 'squeeze')), spatial: heNormal(cout * b * 9, b * 9, subSeed(seed, 'spatial')),
  });
  return { direct: [direct], squeezed: [squeeze, spatial], collapse };
}

export function runWhatWhere(p: WhatWhereParams): WhatWhereResult {
  const seed = checkSeed(p.seed), size = sized('size', p.size, 64);
  const cin = sized('inChannels', p.inChannels, 64), cout = sized('outChannels', p.outChannels, 64);
  if (p.move !== 'shift' && p.move !== 'shuffle') throw new RequestError('move must be "shift" or "shuffle"');
  if (!Number.isInteger(p.dy) || !Number.isInteger(p.dx) || Math.abs(p.dy) > size || Math.abs(p.dx) > size) throw new RequestError(`dy and dx must be integers in −${size}…${size}`);
  const input = syntheticActivations(size, size, cin, seed);
  const perm = p.move === 'shuffle' ? pixelPermutation(size * size, seed) : null;
  const rearrange = (x: HwcTensor) => (perm ? permutePixels(x, perm) : shiftPixels(x, p.dy, p.dx));
  const moved = rearrange(input);
  const row = (kernel: 1 | 3): WhatWhereRow => {
    const weights = heNormal(cout * cin * kernel * kernel, cin * kernel * kernel, subSeed(seed, `k${kernel}`));
    const spec = same(kernel, cin, cout);
    const first = conv2d(moved, spec, { weights }).data;
    const second = rearrange(conv2d(input, spec, { weights })).data;
    const diff = first.map((v, i) => Math.abs(v - second[i]!));
    return { kernel, first, second, diff, max: diff.reduce((m, v) => Math.max(m, v), 0) };
  };
  return { input: input.data, moved: moved.data, rows: [row(1), row(3)] };
}

/** Multiply-adds one family request may ask for (the page picks a map size that keeps under ~0.2 G). */
const FAMILY_MAX_MULTIPLY_ADDS = 1e9;

export function runFamily(p: FamilyParams): FamilyResult {
  const seed = checkSeed(p.seed), size = sized('size', p.size, 64);
  const cin = sized('inChannels', p.inChannels, 1024), cout = sized('outChannels', p.outChannels, 1024);
  const g = sized('groups', p.groups, 1024), k = sized('kernel', p.kernel, 7);
  if (cin % g !== 0 || cout % g !== 0) throw new RequestError(`groups (${g}) must divide Cin (${cin}) and Cout (${cout})`);
  if (size * size * k * k * cin * cout > FAMILY_MAX_MULTIPLY_ADDS) throw new RequestError('too many multiply-adds for one request');
  const input = syntheticActivations(size, size, cin, seed);
  const pointwise = same(1, cin, cout);
  const depthwise = seededConv(input, same(k, cin, cin, cin), seed, 'depthwise');
  return {
    standard: seededConv(input, same(k, cin, cout), seed, 'standard').data,
    grouped: seededConv(input, same(k, cin, cout, g), seed, 'grouped').data,
    depthwise: depthwise.data,
    pointwise: seededConv(input, pointwise, seed, 'pointwise').data,
    separable: seededConv(depthwise, pointwise, seed, 'pointwise-after-depthwise').data,
  };
}
