/** The worker's side of the "dense at every pixel" page: everything computed, nothing assumed. */
import { conv2d } from '../engine/kernels/conv2d';
import { denseAtEveryPixel, denseForward, flattenWindowChw } from '../engine/kernels/dense';
import { pointwiseConv } from '../engine/kernels/pointwise';
import { syntheticActivations } from '../engine/data/activations';
import { heNormal, subSeed } from '../engine/core/random';
import { coutCinWeights } from '../engine/core/tensor';
import { checkSeed } from './conceptDemoJobs';
import type { DenseParams, DenseResult } from './conceptProtocol';
import { RequestError, checkPositiveInt } from './requestChecks';

const SHOWN = 6;

export function runDense(p: DenseParams): DenseResult {
  const seed = checkSeed(p.seed);
  const h = checkPositiveInt('height', p.height), w = checkPositiveInt('width', p.width);
  const cin = checkPositiveInt('inChannels', p.inChannels), cout = checkPositiveInt('outChannels', p.outChannels);
  const k = checkPositiveInt('fcKernel', p.fcKernel), c = checkPositiveInt('fcChannels', p.fcChannels), out = checkPositiveInt('fcOutputs', p.fcOutputs);
  const mh = checkPositiveInt('fcMapHeight', p.fcMapHeight), mw = checkPositiveInt('fcMapWidth', p.fcMapWidth);
  if (h * w > 64 * 64 || cin > 512 || cout > 512 || c > 64 || out > 256 || k > 8 || mh > 32 || mw > 32 || mh < k || mw < k) {
    throw new RequestError('the dense demo is limited to 64×64 pixels, 512 channels, and an 8×8 fc kernel on a map of at most 32×32');
  }
  const input = syntheticActivations(h, w, cin, seed);
  const weights = heNormal(cout * cin, cin, subSeed(seed, 'dense-1x1')), bias = heNormal(cout, cin, subSeed(seed, 'dense-bias'));
  const fcWeights = heNormal(out * c * k * k, c * k * k, subSeed(seed, 'dense-fc'));
  const map = syntheticActivations(mh, mw, c, (seed + 1) % 2 ** 32);
  // The 1×1 convolution (the app's blocked kernel) against a plain dense loop at each pixel.
  const conv = pointwiseConv(input, { weights: coutCinWeights(cout, cin, weights), bias, relu: false }).data;
  const dense = denseAtEveryPixel(input, weights, cout, bias);
  let pointwiseMaxDifference = 0;
  for (let i = 0; i < conv.length; i++) pointwiseMaxDifference = Math.max(pointwiseMaxDifference, Math.abs(conv[i]! - dense[i]!));
  // The fc layer as a k×k convolution whose kernel is the fc's weight matrix, unchanged.
  const fc = conv2d(map, { inChannels: c, outChannels: out, kernelHeight: k, kernelWidth: k }, { weights: fcWeights });
  let fcMaxDifference = 0, fcScale = 0;
  for (let r = 0; r < fc.height; r++) {
    for (let col = 0; col < fc.width; col++) {
      const y = denseForward(flattenWindowChw(map, r, col, k), fcWeights, out);
      for (let o = 0; o < out; o++) {
        const v = fc.data[(r * fc.width + col) * out + o]!;
        fcMaxDifference = Math.max(fcMaxDifference, Math.abs(v - y[o]!));
        fcScale = Math.max(fcScale, Math.abs(v));
      }
    }
  }
  return {
    pointwiseMaxDifference, outputs: conv.length,
    pixelConv: conv.slice(0, Math.min(SHOWN, cout)), pixelDense: dense.slice(0, Math.min(SHOWN, cout)),
    fcOutHeight: fc.height, fcOutWidth: fc.width, fcMaxDifference, fcScale,
  };
}
