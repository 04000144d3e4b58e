/**
 * The weights a chain runs with, made from a model's once and kept with it: each Conv's with
 * its BatchNormalization folded in, and each MobileNet block's two halves (chain.ts). Up to a
 * budget, so that a large model's do not double in memory; let go when another model opens.
 */
import { foldIntoConv, type Epilogue } from './fuse';
import type { OnnxNode } from './model';
import type { ConvLayer } from './ops/conv';
import { forgetWinogradFilters } from './ops/winograd';

export type LayerWeights = Pick<ConvLayer, 'weights' | 'bias'>;

/** Each half's weights, kept with the block's (they are the same arrays run after run). */
let halvesOf = new WeakMap<Float32Array, { d: Float32Array; q: Float32Array; halves: [LayerWeights[], LayerWeights[]] }>();

/**
 * Folded and halved weights are kept up to this many bytes: a large model's (ResNet-50's
 * 100 MB) would otherwise double in memory; beyond, they are made again on each run.
 */
const KEPT_WEIGHT_BYTES = 64 * 1024 * 1024;
let keptBytes = 0;

function keepable(arrays: readonly (Float32Array | undefined)[]): boolean {
  const bytes = arrays.reduce((n, a) => n + (a?.byteLength ?? 0), 0);
  if (keptBytes + bytes > KEPT_WEIGHT_BYTES) return false;
  keptBytes += bytes;
  return true;
}

/** Lets the kept folded, halved and transformed weights go (another model is opened). */
export function forgetPreparedWeights(): void {
  folds = new WeakMap();
  halvesOf = new WeakMap();
  keptBytes = 0;
  forgetWinogradFilters();
}

export function halfWeights(e: ConvLayer, d: ConvLayer, q: ConvLayer): [LayerWeights[], LayerWeights[]] {
  const kept = halvesOf.get(e.weights);
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
  if (keepable(halves.flat().flatMap((w) => [w.weights, w.bias]))) halvesOf.set(e.weights, { d: d.weights, q: q.weights, halves });
  return halves;
}

/**
 * Each Conv's weights with its BatchNormalization folded in, kept with the Conv's node (so
 * they go with the model): every run of a model's prefix would otherwise fold them again,
 * and the lead worker would send the helper new arrays each time. `by` is the first node the
 * fusion swallowed; the same Conv fused otherwise (another target) folds again.
 */
let folds = new WeakMap<OnnxNode, { by: OnnxNode | undefined; weights: Float32Array; bias: Float32Array | undefined }>();

export function folded(conv: OnnxNode, by: OnnxNode | undefined, weights: Float32Array, bias: Float32Array | undefined, outChannels: number, e: Epilogue): { weights: Float32Array; bias: Float32Array | undefined } {
  if (!e.scale || !e.shift) return { weights, bias };
  const kept = folds.get(conv);
  if (kept && kept.by === by) return kept;
  const f = foldIntoConv(weights, bias, outChannels, e);
  if (keepable([f.weights, f.bias])) folds.set(conv, { by, ...f });
  return f;
}
