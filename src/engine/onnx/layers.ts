/**
 * A model's pointwise layers — every Conv whose kernel is 1×1 — and, for one of them, the
 * app's layer: its input activations as an H×W×Cin map (after the Conv's own pads and
 * strides, so the layer is a plain 1×1 convolution), its Cout×Cin weights (zeros outside each
 * group's block for a grouped Conv) and bias, with the BatchNormalization after it folded in
 * on request.
 */
import type { PointwiseArrays } from '../data/layerData';
import { ModelError } from './errors';
import { attrFloat, attrInt, attrInts, type OnnxModel, type OnnxNode } from './model';
import { batchNormAffine } from './ops/elementwise';
import { window2d } from './ops/geometry';
import { toNhwc, type Tensor } from './tensor';

export interface PointwiseLayerInfo {
  readonly node: string;
  /** The tensor the Conv reads. */
  readonly input: string;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly groups: number;
  readonly stride: readonly [number, number];
  /** Pads (top, left, bottom, right); a 1×1 Conv rarely has any. */
  readonly pads: readonly [number, number, number, number];
  readonly hasBias: boolean;
  /** The BatchNormalization that alone reads this Conv's output, if one does. */
  readonly batchNorm?: string | undefined;
  /** Input map size for the input size the shapes were inferred at (undefined: not reached). */
  readonly height?: number | undefined;
  readonly width?: number | undefined;
  /** The tensor the Conv writes. */
  readonly output: string;
  /**
   * The map its outputs cover (its input after its stride and pads), as the Conv's own shape
   * rule gives it (undefined: not reached). The app's layer is this size.
   */
  readonly outHeight?: number | undefined;
  readonly outWidth?: number | undefined;
}

/**
 * The initializer behind tensor `name`, also through Identity nodes (exporters put one between
 * a shared weight and each Conv that reads it); undefined when the tensor is computed.
 */
export function constantBehind(model: OnnxModel, name: string): Tensor | undefined {
  for (let hops = 0; hops <= model.nodes.length && name; hops++) {
    const init = model.initializers.get(name);
    if (init) return init;
    const maker = model.nodes.find((n) => n.outputs[0] === name);
    if (!maker || maker.opType !== 'Identity' || maker.domain !== '') return undefined;
    name = maker.inputs[0] ?? '';
  }
  return undefined;
}

/** Every 1×1 Conv whose weights are initializers (directly or through Identity nodes), in graph order, with sizes from `shapes` (see inferShapes). */
export function pointwiseLayers(model: OnnxModel, shapes?: ReadonlyMap<string, readonly number[]>): PointwiseLayerInfo[] {
  const readers = new Map<string, OnnxNode[]>();
  for (const n of model.nodes) for (const i of n.inputs) if (i) readers.set(i, [...(readers.get(i) ?? []), n]);
  const layers: PointwiseLayerInfo[] = [];
  for (const n of model.nodes) {
    if (n.opType !== 'Conv' || n.domain !== '') continue;
    const w = constantBehind(model, n.inputs[1] ?? '');
    if (!w || w.shape.length !== 4 || w.shape[2] !== 1 || w.shape[3] !== 1) continue;
    const groups = attrInt(n, 'group', 1);
    const [sy = 1, sx = 1] = attrInts(n, 'strides') ?? [];
    const [pt = 0, pl = 0, pb = 0, pr = 0] = attrInts(n, 'pads') ?? [];
    const next = readers.get(n.outputs[0] ?? '') ?? [];
    const bn = next.length === 1 && next[0]!.opType === 'BatchNormalization' && next[0]!.inputs[0] === n.outputs[0] ? next[0]!.name : undefined;
    const s = shapes?.get(n.inputs[0] ?? '');
    const o = shapes?.get(n.outputs[0] ?? '');
    layers.push({
      node: n.name, input: n.inputs[0] ?? '', output: n.outputs[0] ?? '',
      inChannels: w.shape[1]! * groups, outChannels: w.shape[0]!, groups,
      stride: [sy, sx], pads: [pt, pl, pb, pr], hasBias: Boolean(n.inputs[2]), batchNorm: bn,
      height: s?.length === 4 ? s[2] : undefined, width: s?.length === 4 ? s[3] : undefined,
      outHeight: o?.length === 4 ? o[2] : undefined, outWidth: o?.length === 4 ? o[3] : undefined,
    });
  }
  return layers;
}

/** The numbers of a folded BatchNormalization for one filter: w′ = a·w, b′ = a·(b − mean) + β, a = γ/√(var + ε). */
export interface BatchNormFold {
  readonly node: string;
  readonly epsilon: number;
  readonly gamma: Float32Array;
  readonly beta: Float32Array;
  readonly mean: Float32Array;
  readonly variance: Float32Array;
  /** The Conv's own bias before folding (zeros when it has none). */
  readonly convBias: Float32Array;
}

/** The layer's arrays (input H×W×Cin channels-last, weights Cout×Cin, bias), and the BatchNormalization folded in. */
export interface ExtractedLayer extends PointwiseArrays {
  readonly fold?: BatchNormFold | undefined;
}

/**
 * The app's layer for the 1×1 Conv `info` (one of pointwiseLayers), given the tensor it reads
 * (`x`, N=1). `fold` folds the BatchNormalization that follows it into the weights and bias.
 */
export function extractLayer(model: OnnxModel, info: PointwiseLayerInfo, x: Tensor, fold: boolean): ExtractedLayer {
  const nodeName = info.node;
  const node = model.nodes.find((n) => n.name === nodeName && n.opType === 'Conv');
  if (!node) throw new ModelError('unknown-node', nodeName);
  if (!x.data || x.shape.length !== 4 || x.shape[0] !== 1) throw new ModelError('bad-node', `${nodeName}: its input is not one picture's map`);
  const [, cin, h, w] = x.shape as [number, number, number, number];
  const g = window2d(node, h, w, [1, 1]);
  const src = toNhwc(x).data as Float32Array;
  // The pixels the 1×1 Conv reads: every stride-th one, zeros where it reads a pad.
  const input = new Float32Array(g.oh * g.ow * cin);
  for (let oy = 0; oy < g.oh; oy++) for (let ox = 0; ox < g.ow; ox++) {
    const iy = oy * g.sy - g.pt, ix = ox * g.sx - g.pl;
    if (iy >= 0 && iy < h && ix >= 0 && ix < w) input.set(src.subarray((iy * w + ix) * cin, (iy * w + ix + 1) * cin), (oy * g.ow + ox) * cin);
  }
  const cout = info.outChannels, groups = info.groups, cinG = cin / groups, coutG = cout / groups;
  const raw = constantBehind(model, node.inputs[1]!)!.data as Float32Array;
  const weights = new Float32Array(cout * cin);
  for (let o = 0; o < cout; o++) {
    const g0 = Math.floor(o / coutG) * cinG;
    weights.set(raw.subarray(o * cinG, (o + 1) * cinG), o * cin + g0);
  }
  const b = node.inputs[2] ? (constantBehind(model, node.inputs[2])?.data as Float32Array | undefined) : undefined;
  if (node.inputs[2] && !b) throw new ModelError('not-constant', `${nodeName}: bias`);
  const bias = b ? Float32Array.from(b) : new Float32Array(cout);
  const layer = { height: g.oh, width: g.ow, inChannels: cin, outChannels: cout, input, weights, bias };
  if (!fold || !info.batchNorm) return layer;
  const bnNode = model.nodes.find((n) => n.name === info.batchNorm)!;
  const [gamma, beta, mean, variance] = bnNode.inputs.slice(1, 5).map((name) => model.initializers.get(name)?.data as Float32Array | undefined);
  if (!gamma || !beta || !mean || !variance) throw new ModelError('not-constant', `${bnNode.name}: parameters`);
  const epsilon = attrFloat(bnNode, 'epsilon', 1e-5);
  const { a, b: shift } = batchNormAffine(gamma, beta, mean, variance, epsilon);
  const convBias = bias.slice();
  for (let o = 0; o < cout; o++) {
    for (let i = 0; i < cin; i++) weights[o * cin + i] = weights[o * cin + i]! * a[o]!;
    bias[o] = a[o]! * bias[o]! + shift[o]!;
  }
  return { ...layer, fold: { node: bnNode.name, epsilon, gamma: gamma.slice(), beta: beta.slice(), mean: mean.slice(), variance: variance.slice(), convBias } };
}
