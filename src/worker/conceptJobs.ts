/** Worker jobs for the concept views: a general conv2d, and the channel-reduction analysis. */
import { conv2d, conv2dWeightCount, checkConv2dSpec, convOutputSize } from '../engine/kernels/conv2d';
import { correlatedActivations } from '../engine/data/layerData';
import { firstLayerFeatures } from '../engine/data/firstLayer';
import { pictureTensor } from '../engine/data/picture';
import { learnedBank } from './bankJobs';
import { channelMoments, filterBasis, pca, pcaBasis, reconstruct, type ChannelMoments, type PcaResult, type FilterBasis } from '../engine/concepts/reduction';
import { heNormal, subSeed } from '../engine/core/random';
import { hwcTensor, type HwcTensor } from '../engine/core/tensor';
import type { CollapseParams, CollapseResult, Conv2dRequestParams, Conv2dResult, ReductionParams, ReductionResult } from './conceptProtocol';
import { bestConvFit, composeSqueezeThenConv, inputChannelRank, relativeError } from '../engine/concepts/collapse';
import { maxAbsDifference } from '../engine/concepts/transforms';
import { MAX_VALUES, RequestError, checkPositiveInt, isFloat32Array } from './requestChecks';

export function runConv2d(p: Conv2dRequestParams): Conv2dResult {
  const start = performance.now();
  const h = checkPositiveInt('height', p.height), w = checkPositiveInt('width', p.width);
  try {
    checkConv2dSpec(p.spec);
  } catch (e) {
    throw new RequestError(e instanceof Error ? e.message : String(e));
  }
  const s = p.spec;
  const oh = convOutputSize(h, s.kernelHeight, s.strideY, s.padY, s.dilationY);
  const ow = convOutputSize(w, s.kernelWidth, s.strideX, s.padX, s.dilationX);
  if (h * w * s.inChannels > MAX_VALUES || oh * ow * s.outChannels > MAX_VALUES) throw new RequestError('tensor too large');
  if (oh * ow * s.outChannels * conv2dWeightCount(s) / s.outChannels > 4e9) throw new RequestError('too many multiply-adds for one request');
  if (!isFloat32Array(p.input) || p.input.length !== h * w * s.inChannels) throw new RequestError(`input must hold ${h}×${w}×${s.inChannels} floats`);
  if (!isFloat32Array(p.weights) || p.weights.length !== conv2dWeightCount(s)) throw new RequestError(`weights must hold ${conv2dWeightCount(s)} floats`);
  if (p.bias !== undefined && (!isFloat32Array(p.bias) || p.bias.length !== s.outChannels)) throw new RequestError(`bias must hold ${s.outChannels} floats`);
  const out = conv2d(hwcTensor(h, w, s.inChannels, p.input), s, { weights: p.weights, bias: p.bias });
  if (p.relu) for (let i = 0; i < out.data.length; i++) if (out.data[i]! < 0) out.data[i] = 0;
  return { output: out.data, height: out.height, width: out.width, computeMs: performance.now() - start };
}

/** Linear collapse (see CollapseParams): everything computed here, nothing assumed. */
export function runCollapse(p: CollapseParams): CollapseResult {
  const h = checkPositiveInt('height', p.height), w = checkPositiveInt('width', p.width);
  const cin = checkPositiveInt('inChannels', p.inChannels), b = checkPositiveInt('squeezeChannels', p.squeezeChannels), cout = checkPositiveInt('outChannels', p.outChannels);
  if (h * w > 64 * 64 || cin > 64 || b > 64 || cout > 64) throw new RequestError('collapse is limited to 64×64 pixels and 64 channels');
  if (!isFloat32Array(p.input) || p.input.length !== h * w * cin) throw new RequestError(`input must hold ${h}×${w}×${cin} floats`);
  if (!isFloat32Array(p.squeeze) || p.squeeze.length !== b * cin) throw new RequestError(`squeeze must hold ${b}×${cin} floats`);
  if (!isFloat32Array(p.spatial) || p.spatial.length !== cout * b * 9) throw new RequestError(`spatial must hold ${cout}×${b}×3×3 floats`);
  const x = hwcTensor(h, w, cin, p.input);
  const conv = (input: HwcTensor, inCh: number, outCh: number, k: number, weights: Float32Array) =>
    conv2d(input, { inChannels: inCh, outChannels: outCh, kernelHeight: k, kernelWidth: k, padY: (k - 1) / 2, padX: (k - 1) / 2 }, { weights }).data;
  const mid = conv(x, cin, b, 1, p.squeeze);
  const two = conv(hwcTensor(h, w, b, mid), b, cout, 3, p.spatial);
  const merged = composeSqueezeThenConv(p.squeeze, p.spatial, cin, b, cout, 3);
  const one = conv(x, cin, cout, 3, merged);
  const withRelu = conv(hwcTensor(h, w, b, mid.map((v) => (v > 0 ? v : 0))), b, cout, 3, p.spatial);
  let scale = 0;
  for (const v of two) scale = Math.max(scale, Math.abs(v));
  return {
    linearMaxDifference: maxAbsDifference(one, two),
    outputScale: scale,
    mergedRank: inputChannelRank(merged, cout, cin, 3),
    reluMergedError: relativeError(one, withRelu),
    reluBestError: bestConvFit(x, withRelu, cout, 3).relativeError,
    windows: h * w,
  };
}

/** The analysis depends on the data only; changing k reuses it. */
interface ReductionAnalysis {
  readonly key: string;
  readonly input: HwcTensor;
  readonly moments: ChannelMoments;
  readonly pca: PcaResult;
  readonly random: FilterBasis;
  readonly layerKept: number | undefined;
}

let analysis: ReductionAnalysis | null = null;

export function runReduction(p: ReductionParams): ReductionResult {
  const start = performance.now();
  const h = checkPositiveInt('height', p.height), w = checkPositiveInt('width', p.width);
  const n = checkPositiveInt('channels', p.channels), f = checkPositiveInt('features', p.features);
  const k = checkPositiveInt('k', p.k);
  if (n > 512 || h * w > 128 * 128) throw new RequestError('reduction is limited to 512 channels and 128×128 pixels');
  if (k > n) throw new RequestError(`k must be at most ${n}`);
  if (!Array.isArray(p.showChannels) || p.showChannels.some((c) => !Number.isInteger(c) || c < 0 || c >= n)) throw new RequestError('showChannels must list channels of the input');
  const photo = p.photo;
  if (photo && (photo.width !== 4 * w || photo.height !== 4 * h || !(photo.rgba instanceof Uint8ClampedArray) || photo.rgba.length !== 64 * h * w)) {
    throw new RequestError(`photo must be ${4 * w}×${4 * h} RGBA`);
  }
  const act = p.activations;
  if (act && (!isFloat32Array(act.data) || act.data.length !== h * w * n)) throw new RequestError(`activations must hold ${h}×${w}×${n} floats`);
  const filterCount = act?.filters ? checkPositiveInt('filterCount', act.filterCount) : 0;
  if (act?.filters && (!isFloat32Array(act.filters) || act.filters.length !== filterCount * n)) throw new RequestError(`filters must hold ${filterCount}×${n} floats`);
  const key = `${h}x${w}x${n}/${act ? `layer:${act.key}/${p.seed}` : photo ? `photo:${photo.key}/${p.seed}` : `${f}/${p.seed}`}`;
  if (analysis?.key !== key) {
    // The app's layer, a photo's first n learned channels (as in the walkthrough), or seeded correlated channels.
    const input = act
      ? hwcTensor(h, w, n, act.data)
      : photo
        ? firstLayerFeatures(pictureTensor(photo.rgba, photo.width, photo.height, 3), learnedBank(p.bank).first, n)
        : correlatedActivations(h, w, n, f, p.seed);
    const moments = channelMoments(input);
    const random = filterBasis(moments, heNormal(n * n, n, subSeed(p.seed, 'random-filters')), n);
    // The layer's own filters, all together (beyond n of them nothing more can be kept).
    const own = act?.filters ? Math.min(filterCount, n) : 0;
    const layerKept = own ? filterBasis(moments, act!.filters!.subarray(0, own * n), own).kept[own - 1] : undefined;
    analysis = { key, input, moments, pca: pca(moments), random, layerKept };
  }
  const a = analysis;
  const shown = p.showChannels.length > 0 ? p.showChannels : mostVaried(a.moments, 4);
  const pcaFull = reconstruct(a.input, a.moments, pcaBasis(a.pca, k), k, shown);
  const randomFull = reconstruct(a.input, a.moments, { ...a.random, basis: a.random.basis.subarray(0, k * n), covBasis: a.random.covBasis.subarray(0, k * n) }, k, shown);
  const planes = (src: Float32Array) => {
    const out = new Float32Array(shown.length * h * w);
    shown.forEach((ch, j) => {
      for (let q = 0; q < h * w; q++) out[j * h * w + q] = src[q * n + ch]!;
    });
    return out;
  };
  return {
    shownChannels: shown,
    layerKept: a.layerKept,
    pcaKept: a.pca.kept.slice(),
    randomKept: a.random.kept.slice(),
    originals: planes(a.input.data),
    pcaMaps: planes(pcaFull),
    randomMaps: planes(randomFull),
    computeMs: performance.now() - start,
  };
}

/** The `count` channels with the largest variance, in channel order. */
function mostVaried(m: ChannelMoments, count: number): number[] {
  const n = m.channels;
  return Array.from({ length: n }, (_, i) => i)
    .sort((a, b) => m.covariance[b * n + b]! - m.covariance[a * n + a]!)
    .slice(0, Math.min(count, n))
    .sort((a, b) => a - b);
}
