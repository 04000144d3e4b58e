/**
 * Fusion of a Conv with the BatchNormalization and the ReLU / ReLU6 that follow it (as every
 * torchvision CNN has them): the three run as one pass over the Conv's output instead of
 * three, with no tensor in between. Only when nothing else reads the tensors in between, and
 * the BatchNormalization's parameters and the Clip's bounds are in the file.
 */
import { attrFloat, type OnnxModel, type OnnxNode } from './model';
import { batchNormAffine, clampInto } from './ops/elementwise';

/** y = min(hi, max(lo, scale[c]·x + shift[c])), per output channel c. */
export interface Epilogue {
  readonly scale?: Float64Array | undefined;
  readonly shift?: Float64Array | undefined;
  readonly lo: number;
  readonly hi: number;
}

export interface FusedConv {
  readonly epilogue: Epilogue;
  /** The tensor the fused op makes (the activation's or the BatchNormalization's output). */
  readonly output: string;
  /** The nodes it replaces. */
  readonly swallowed: readonly OnnxNode[];
}

/** Fusions for the Convs on `path`; `keep` are tensors that must be produced as they are. */
export function planFusion(model: OnnxModel, path: readonly OnnxNode[], keep: ReadonlySet<string>): Map<OnnxNode, FusedConv> {
  const readers = new Map<string, OnnxNode[]>();
  for (const n of model.nodes) for (const i of n.inputs) if (i) readers.set(i, [...(readers.get(i) ?? []), n]);
  const onPath = new Set(path);
  const soleReader = (name: string): OnnxNode | undefined => {
    const r = readers.get(name);
    return !keep.has(name) && r?.length === 1 && onPath.has(r[0]!) && r[0]!.inputs[0] === name && r[0]!.domain === '' ? r[0] : undefined;
  };
  const constant = (name: string | undefined) => (name ? model.initializers.get(name)?.data ?? undefined : undefined);
  const plan = new Map<OnnxNode, FusedConv>();
  for (const conv of path) {
    if (conv.opType !== 'Conv' || conv.domain !== '' || !conv.outputs[0]) continue;
    let output = conv.outputs[0];
    const swallowed: OnnxNode[] = [];
    let scale: Float64Array | undefined, shift: Float64Array | undefined;
    const bn = soleReader(output);
    if (bn?.opType === 'BatchNormalization' && bn.outputs.filter(Boolean).length === 1) {
      const [g, b, m, v] = bn.inputs.slice(1, 5).map(constant);
      if (g && b && m && v) {
        ({ a: scale, b: shift } = batchNormAffine(g, b, m, v, attrFloat(bn, 'epsilon', 1e-5)));
        swallowed.push(bn);
        output = bn.outputs[0]!;
      }
    }
    const act = soleReader(output);
    const bounds = act && activationBounds(model, act);
    if (bounds) {
      swallowed.push(act);
      output = act.outputs[0]!;
    }
    const { lo, hi } = bounds ?? { lo: -Infinity, hi: Infinity };
    if (swallowed.length) plan.set(conv, { epilogue: { scale, shift, lo, hi }, output, swallowed });
  }
  return plan;
}

/**
 * The bounds a Relu (0, ∞) or a Clip (its min and max, attributes before opset 11, constant
 * inputs from 11) clamps to; null for any other node, or a Clip whose bounds are computed.
 */
export function activationBounds(model: OnnxModel, act: OnnxNode): { lo: number; hi: number } | null {
  if (act.opType === 'Relu') return { lo: 0, hi: Infinity };
  if (act.opType !== 'Clip') return null;
  const bound = (i: number, attr: string, fallback: number) => {
    if (model.opset < 11) return attrFloat(act, attr, fallback);
    const name = act.inputs[i];
    if (!name) return fallback;
    const v = model.initializers.get(name)?.data;
    return v && v.length === 1 ? v[0]! : NaN;
  };
  const lo = bound(1, 'min', -Infinity), hi = bound(2, 'max', Infinity);
  return Number.isNaN(lo) || Number.isNaN(hi) ? null : { lo, hi };
}

/**
 * A Conv's weights and bias with the epilogue's scale and shift folded in:
 * w′ = scale[o]·w, b′ = scale[o]·b + shift[o] (new arrays; the model's stay as they are).
 */
export function foldIntoConv(weights: Float32Array, bias: Float32Array | undefined, outChannels: number, e: Epilogue): { weights: Float32Array; bias: Float32Array | undefined } {
  const { scale, shift } = e;
  if (!scale || !shift) return { weights, bias };
  const per = weights.length / outChannels;
  const w = new Float32Array(weights.length), b = new Float32Array(outChannels);
  for (let o = 0; o < outChannels; o++) {
    const a = scale[o]!;
    for (let i = o * per; i < (o + 1) * per; i++) w[i] = a * weights[i]!;
    b[o] = a * (bias ? bias[o]! : 0) + shift[o]!;
  }
  return { weights: w, bias: b };
}

/** Clamps every value to [lo, hi] in place (the fused ReLU or ReLU6). */
export function clampInPlace(out: Float32Array, lo: number, hi: number): void {
  if (lo !== -Infinity || hi !== Infinity) clampInto(out, out, lo, hi);
}
