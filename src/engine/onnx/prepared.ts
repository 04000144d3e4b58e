/**
 * The weights a chain runs with, made from a model's once and kept in the model's runtime:
 * each Conv's with its BatchNormalization folded in, and each MobileNet block's two halves
 * (chain.ts). Kept while the runtime's budget allows, so that a large model's do not double
 * in memory (beyond it they are made again on each run); let go with the runtime.
 */
import { foldIntoConv, type Epilogue } from './fuse';
import type { OnnxNode } from './model';
import type { ConvLayer } from './ops/conv';
import { bytesOf, type Runtime } from './runtime';

export type LayerWeights = Pick<ConvLayer, 'weights' | 'bias'>;

/** Each half's weights, kept with the block's in `rt` (they are the same arrays run after run). */
export function halfWeights(e: ConvLayer, d: ConvLayer, q: ConvLayer, rt: Runtime): [LayerWeights[], LayerWeights[]] {
  const kept = rt.halves.get(e.weights);
  if (kept && kept.d === d.weights && kept.q === q.weights) return kept.halves;
  const hidden = e.outChannels, mid = Math.ceil(hidden / 2);
  const taps = d.geometry.kh * d.geometry.kw, cout = q.outChannels, cin = e.inChannels;
  const half = (c0: number, c1: number, first: boolean): LayerWeights[] => {
    const n = c1 - c0, projection = new Float32Array(cout * n);
    for (let o = 0; o < cout; o++) projection.set(q.weights.subarray(o * hidden + c0, o * hidden + c1), o * n);
    return [
      { weights: e.weights.slice(c0 * cin, c1 * cin), bias: e.bias?.slice(c0, c1) },
      { weights: d.weights.slice(c0 * taps, c1 * taps), bias: d.bias?.slice(c0, c1) },
      { weights: projection, bias: first ? q.bias : undefined },
    ];
  };
  const halves: [LayerWeights[], LayerWeights[]] = [half(0, mid, true), half(mid, hidden, false)];
  rt.halves.keep(e.weights, { d: d.weights, q: q.weights, halves }, bytesOf(halves.flat().flatMap((w) => [w.weights, w.bias])));
  return halves;
}

/**
 * Each Conv's weights with its BatchNormalization folded in, kept in `rt` by the Conv's node:
 * every run of a model's prefix would otherwise fold them again, and the lead worker would
 * send the helper new arrays each time. `by` is the first node the fusion swallowed; the
 * same Conv fused otherwise (another target) folds again.
 */
export function folded(conv: OnnxNode, by: OnnxNode | undefined, weights: Float32Array, bias: Float32Array | undefined, outChannels: number, e: Epilogue, rt: Runtime): { weights: Float32Array; bias: Float32Array | undefined } {
  if (!e.scale || !e.shift) return { weights, bias };
  const kept = rt.folds.get(conv);
  if (kept && kept.by === by) return kept;
  const f = foldIntoConv(weights, bias, outChannels, e);
  rt.folds.keep(conv, { by, ...f }, bytesOf([f.weights, f.bias]));
  return f;
}
