/**
 * Chains of convolutions run as one op: a Conv, then each Conv that alone reads the one before
 * (MobileNet's 1×1 expand → 3×3 depthwise → 1×1 project), and the residual Add that closes
 * such a block — of the chain's input, or of a map made before the chain (a ResNet block's
 * shortcut Conv adds the block's main branch) — with the ReLU after it. Any band of a chain's
 * output rows is computed from the input rows its windows reach, through every layer in turn. So a second worker takes half of
 * a whole block for one message each way instead of one per Conv (on a MobileNet-v2 prefix,
 * 10 round trips instead of 26), and the maps in between never cross to another worker.
 */
import { ModelError } from './errors';
import { activationBounds, clampInPlace, type FusedConv } from './fuse';
import type { OnnxModel, OnnxNode } from './model';
import { convLayer, convRows, type ConvLayer } from './ops/conv';
import { folded, halfWeights, type LayerWeights } from './prepared';
import { relu6 } from '../kernels/activate';
import { createRuntime, type Runtime } from './runtime';
import { allocFloat, metaTensor, toNhwc, type Tensor } from './tensor';

export interface ChainPlan {
  /** The Convs in order: the first reads the chain's input, each other the one before (after its fused BN and ReLU). */
  readonly convs: readonly OnnxNode[];
  /**
   * An Add that alone reads the last Conv's output, of that and the chain's input or of
   * `other`, a map made before the chain's first Conv runs.
   */
  readonly add?: OnnxNode | undefined;
  readonly other?: string | undefined;
  /** A Relu or Clip that alone reads the Add's output, and its bounds. */
  readonly after?: { readonly node: OnnxNode; readonly lo: number; readonly hi: number } | undefined;
}

/** A clamp to [lo, hi]. */
export interface Bounds { readonly lo: number; readonly hi: number }

/** A chain ready to run: its layers (BN folded in, fused clamps) on the NHWC input. */
export interface PreparedChain {
  /** The first Conv's node name (for messages). */
  readonly name: string;
  /** Each layer's geometry is for its whole input map. */
  readonly layers: readonly ConvLayer[];
  readonly input: Float32Array;
  /** The input is added to the last layer's output (same shape). */
  readonly residual: boolean;
  /** Or this map is (NHWC, the output's shape). */
  readonly addend?: Float32Array | undefined;
  /** The sum is clamped (a ReLU after the residual Add). */
  readonly post?: Bounds | undefined;
  /** The output's ONNX shape (1, C, H, W). */
  readonly shape: readonly number[];
}

/**
 * Chains for the Convs on `path` (keyed by their first Conv; a lone Conv is a chain of one),
 * given the Conv fusions. A tensor in `keep` is never inside a chain.
 */
export function planChains(model: OnnxModel, path: readonly OnnxNode[], keep: ReadonlySet<string>, fused: ReadonlyMap<OnnxNode, FusedConv>): Map<OnnxNode, ChainPlan> {
  const readers = new Map<string, OnnxNode[]>();
  for (const n of model.nodes) for (const i of n.inputs) if (i) readers.set(i, [...(readers.get(i) ?? []), n]);
  const onPath = new Set(path);
  const soleReader = (name: string): OnnxNode | undefined => {
    const r = readers.get(name);
    return !keep.has(name) && r?.length === 1 && onPath.has(r[0]!) && r[0]!.domain === '' ? r[0] : undefined;
  };
  const isConv = (n: OnnxNode | undefined): n is OnnxNode => n?.opType === 'Conv' && n.domain === '' && !!n.outputs[0];
  // A Conv after the first is prepared with it, before the nodes between them run: its
  // weights must be in the file.
  const canFollow = (n: OnnxNode | undefined): n is OnnxNode => isConv(n) && n.inputs.slice(1).every((i) => !i || model.initializers.has(i));
  const outputOf = (c: OnnxNode) => fused.get(c)?.output ?? c.outputs[0]!;
  // When each tensor is there: the position on the path of the node that makes it, or of the
  // chain's first Conv for a chain's output.
  const ready = new Map<string, number>();
  path.forEach((n, i) => n.outputs.forEach((o) => o && ready.set(o, i)));
  const plans = new Map<OnnxNode, ChainPlan>();
  const taken = new Set<OnnxNode>();
  for (const [at, first] of path.entries()) {
    if (taken.has(first) || !isConv(first)) continue;
    const convs = [first];
    for (let next = soleReader(outputOf(first)); canFollow(next) && next.inputs[0] === outputOf(convs.at(-1)!); next = soleReader(outputOf(next))) {
      convs.push(next);
    }
    convs.forEach((c) => taken.add(c));
    const made = outputOf(convs.at(-1)!), next = soleReader(made);
    const input = first.inputs[0]!;
    let add: OnnxNode | undefined, other: string | undefined, after: ChainPlan['after'];
    if (next?.opType === 'Add' && next.inputs.length === 2 && next.inputs[0] !== next.inputs[1]) {
      const addend = next.inputs[0] === made ? next.inputs[1]! : next.inputs[0]!;
      if (addend === input || (addend && (ready.get(addend) ?? -1) < at)) {
        add = next;
        if (addend !== input) other = addend;
        const act = soleReader(next.outputs[0]!), bounds = act && activationBounds(model, act);
        if (bounds) after = { node: act, ...bounds };
      }
    }
    const output = after?.node.outputs[0] ?? add?.outputs[0] ?? made;
    ready.set(output, at);
    plans.set(first, { convs, add, other, after });
  }
  return plans;
}

/** The output row range [a, b) of each level a band [r0, r1) of the last layer reads: level 0 is the chain's input. */
function levels(layers: readonly ConvLayer[], r0: number, r1: number): [number, number][] {
  const out: [number, number][] = [[r0, r1]];
  for (let l = layers.length - 1; l >= 0; l--) {
    const g = layers[l]!.geometry, [a, b] = out[0]!;
    const from = Math.max(0, a * g.sy - g.pt);
    out.unshift([from, Math.max(from, Math.min(g.h, (b - 1) * g.sy - g.pt + (g.kh - 1) * g.dy + 1))]);
  }
  return out;
}

/** The rows of the chain's input that output rows [r0, r1) read (the residual's rows too). */
export function inputRows(chain: Pick<PreparedChain, 'layers' | 'residual'>, r0: number, r1: number): [number, number] {
  const [a, b] = levels(chain.layers, r0, r1)[0]!;
  return chain.residual ? [Math.min(a, r0), Math.max(b, r1)] : [a, b];
}

/** Multiply-adds of the whole chain. */
export function chainMultiplyAdds(layers: readonly ConvLayer[]): number {
  return layers.reduce((s, { geometry: g, inChannels, outChannels, groups }) => s + g.oh * g.ow * outChannels * (inChannels / groups) * g.kh * g.kw, 0);
}

/** A chain as a band of it runs: `addend` holds rows of the map added from row `addendFirst` on (0 when absent). */
export type ChainBand = Pick<PreparedChain, 'layers' | 'residual' | 'addend' | 'post'> & { readonly addendFirst?: number };

/**
 * Output rows [r0, r1) of the chain into `out` (just those rows), from `x`, which holds the
 * chain input's rows from row `first` on (the whole map, or a slab of it that covers
 * inputRows). Each layer computes exactly the rows the next one reads. The maps in between
 * take turns in two of `rt`'s scratch arrays (each is read only by the next layer): a run of
 * a model's prefix then allocates only the maps it keeps, and the collector that fresh arrays
 * call up (its threads take a core from the two workers) has little to do.
 */
export function chainRows(x: Float32Array, first: number, chain: ChainBand, out: Float32Array, r0: number, r1: number, rt: Runtime = createRuntime()): void {
  const { layers, residual } = chain;
  const need = levels(layers, r0, r1);
  const row = layers[0]!.geometry.w * layers[0]!.inChannels;
  let cur = x.subarray((need[0]![0] - first) * row, (need[0]![1] - first) * row);
  for (let l = 0; l < layers.length; l++) {
    const layer = layers[l]!, g = layer.geometry;
    const [from, to] = need[l]!, [a, b] = need[l + 1]!;
    // The layer on its slab: `to − from` input rows, numbered from `from`, for output rows from `a`.
    const slab = { ...layer, firstRow: a, geometry: { ...g, h: to - from, pt: g.pt + from - a * g.sy, oh: b - a } };
    const dst = l === layers.length - 1 ? out : rt.scratch(l % 2 ? 'pong' : 'ping', (b - a) * g.ow * layer.outChannels);
    convRows(cur, slab, dst, 0, b - a, rt);
    cur = dst;
  }
  const last = layers.at(-1)!, n = (r1 - r0) * last.geometry.ow * last.outChannels;
  if (residual) closeBand(out, n, x, (r0 - first) * row, chain.post);
  else if (chain.addend) closeBand(out, n, chain.addend, (r0 - (chain.addendFirst ?? 0)) * last.geometry.ow * last.outChannels, chain.post);
  else if (chain.post) closeBand(out, n, null, 0, chain.post);
}

/** out[i] = clamp(out[i] + add[at + i]) for i < n, in one pass (no add without `add`, no clamp without `post`). */
function closeBand(out: Float32Array, n: number, add: Float32Array | null, at: number, post: Bounds | undefined): void {
  const lo = post?.lo ?? -Infinity, hi = post?.hi ?? Infinity;
  if (add && lo === 0) for (let i = 0; i < n; i++) out[i] = relu6(out[i]! + add[at + i]!, hi);
  else if (add) for (let i = 0; i < n; i++) { const v = out[i]! + add[at + i]!; out[i] = v < lo ? lo : v > hi ? hi : v; }
  else if (post) clampInPlace(out.subarray(0, n), lo, hi);
}

/**
 * What closes a chain split into its halves, after their sum: the addend and the clamp (the
 * first half carries the residual input, as a sum can).
 */
export function closeHalves(p: PreparedChain, out: Float32Array): void {
  if (p.addend || p.post) closeBand(out, out.length, p.addend ?? null, 0, p.post);
}

/**
 * A MobileNet block — 1×1 expand, 3×3 depthwise, 1×1 linear project — as two blocks, each
 * with half of the expanded (hidden) channels: expand and depthwise treat each hidden
 * channel on its own, and the projection is a sum over them, so the block's output is the sum
 * of the halves' outputs (the first half carries the bias and the residual). Two workers each
 * take a half with no rows computed twice (a split by rows recomputes the depthwise window's
 * border rows of the expanded map on both sides: 14 % more work on a 14×14 map). Null for any
 * other chain. The halves' weights are kept in `rt`.
 */
export function hiddenHalves(p: PreparedChain, rt: Runtime = createRuntime()): [PreparedChain, PreparedChain] | null {
  if (p.layers.length !== 3) return null;
  const [e, d, q] = p.layers as [ConvLayer, ConvLayer, ConvLayer];
  const pointwise = (l: ConvLayer) => { const g = l.geometry; return l.groups === 1 && g.kh === 1 && g.kw === 1 && g.pt + g.pl + g.pb + g.pr === 0; };
  const hidden = e.outChannels;
  const linear = (q.lo ?? -Infinity) === -Infinity && (q.hi ?? Infinity) === Infinity;
  if (!pointwise(e) || e.geometry.sy !== 1 || e.geometry.sx !== 1 || !pointwise(q) || !linear || hidden < 2
    || d.groups !== hidden || d.inChannels !== hidden || d.outChannels !== hidden || q.inChannels !== hidden) return null;
  const mid = Math.ceil(hidden / 2), [wa, wb] = halfWeights(e, d, q, rt);
  const half = (n: number, w: LayerWeights[], first: boolean): PreparedChain => ({
    ...p,
    residual: first && p.residual,
    addend: undefined,
    post: undefined,
    layers: [
      { ...e, outChannels: n, ...w[0]! },
      { ...d, groups: n, inChannels: n, outChannels: n, ...w[1]! },
      { ...q, inChannels: n, ...w[2]! },
    ],
  });
  return [half(mid, wa, true), half(hidden - mid, wb, false)];
}

/** out[i] += other[i]: the second half's output added to the first's. */
export function addInto(out: Float32Array, other: Float32Array): void {
  for (let i = 0; i < out.length; i++) out[i] = out[i]! + other[i]!;
}

/** A prepared chain run whole, here (a MobileNet block as its two halves, as two workers run it). */
export function runChainHere(p: PreparedChain, rt: Runtime = createRuntime()): Float32Array {
  const out = allocFloat(p.shape, p.name, rt), oh = p.shape[2]!;
  const halves = hiddenHalves(p, rt);
  if (!halves) {
    chainRows(p.input, 0, p, out, 0, oh, rt);
    return out;
  }
  chainRows(p.input, 0, halves[0], out, 0, oh, rt);
  const other = allocFloat(p.shape, p.name, rt);
  chainRows(p.input, 0, halves[1], other, 0, oh, rt);
  addInto(out, other);
  rt.recycle(other);
  closeHalves(p, out);
  return out;
}

/**
 * The chain `plan` on its input (read by name), with each Conv's BatchNormalization and ReLU
 * from `fused`: the tensor it makes, the nodes it runs besides its first (to be skipped), and
 * the prepared chain (null in a shape-only pass). The residual Add (and the ReLU after it)
 * joins only when the shapes agree (otherwise it runs as a node of its own, broadcasting).
 * The folded weights are kept in `rt`.
 */
export function prepareChain(plan: ChainPlan, read: (name: string) => Tensor | undefined, fused: ReadonlyMap<OnnxNode, FusedConv>, rt: Runtime = createRuntime()): { output: string; shape: readonly number[]; swallowed: OnnxNode[]; chain: PreparedChain | null } {
  const head = plan.convs[0]!;
  const x = read(head.inputs[0]!);
  if (!x) throw new ModelError('bad-node', `${head.name}: no input`);
  let shape = x.shape;
  const layers: ConvLayer[] = [];
  for (const c of plan.convs) {
    const { layer, weights, bias } = convLayer(c, metaTensor('float', shape), read(c.inputs[1]!), c.inputs[2] ? read(c.inputs[2]) : undefined);
    shape = [shape[0]!, layer.outChannels, layer.geometry.oh, layer.geometry.ow];
    const f = fused.get(c), e = f?.epilogue;
    if (weights) layers.push({ ...layer, ...(e ? folded(c, f.swallowed[0], weights, bias, layer.outChannels, e, rt) : { weights, bias }), lo: e?.lo, hi: e?.hi });
  }
  const y = plan.add && (plan.other ? read(plan.other) : x);
  const closed = !!y && y.dtype === 'float' && shape.length === y.shape.length && shape.every((d, i) => d === y.shape[i]);
  const last = plan.convs.at(-1)!, after = closed ? plan.after : undefined;
  const output = after?.node.outputs[0] ?? (closed ? plan.add!.outputs[0]! : fused.get(last)?.output ?? last.outputs[0]!);
  const swallowed = [...plan.convs.slice(1), ...(closed ? [plan.add!] : []), ...(after ? [after.node] : [])];
  if (!x.data || (closed && !y.data) || layers.length < plan.convs.length) return { output, shape, swallowed, chain: null };
  if (x.shape[0] !== 1) throw new ModelError('bad-node', `${head.name}: a batch of ${x.shape[0]} (the engine runs one picture)`);
  const chain: PreparedChain = {
    name: head.name, layers, input: toNhwc(x).data as Float32Array, residual: closed && !plan.other, shape,
    addend: closed && plan.other ? toNhwc(y).data as Float32Array : undefined,
    post: after && { lo: after.lo, hi: after.hi },
  };
  return { output, shape, swallowed, chain };
}
