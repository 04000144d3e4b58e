/**
 * Ops that move values rather than compute them — Shape, Gather, Reshape, Flatten, Squeeze,
 * Unsqueeze, Concat, Slice, Transpose, Pad, Constant, ConstantOfShape — including the
 * Shape → Gather → Unsqueeze → Concat → Reshape arithmetic exporters emit for `x.view(n, -1)`.
 * They work in logical (row-major) order; Concat along channels keeps NHWC maps NHWC.
 */
import { ModelError } from '../errors';
import { attrInt, attrInts, attrString, attrTensor, type OnnxNode } from '../model';
import type { Runtime } from '../runtime';
import { allocFloat, allocInt, checkedSize, floatTensor, intsOf, intTensor, logical, metaTensor, rowMajorStrides, sizeOf, type Tensor } from '../tensor';

type Inputs = readonly (Tensor | undefined)[];

const need = (node: OnnxNode, t: Tensor | undefined, what = 'input'): Tensor => {
  if (!t) throw new ModelError('bad-node', `${node.name}: no ${what}`);
  return t;
};
const axisOf = (node: OnnxNode, axis: number, rank: number): number => {
  const a = axis < 0 ? axis + rank : axis;
  if (a < 0 || a >= rank) throw new ModelError('bad-node', `${node.name}: axis ${axis} of a rank-${rank} tensor`);
  return a;
};
const withData = (t: Tensor, shape: readonly number[], data: Float32Array | Float64Array | null): Tensor => ({ dtype: t.dtype, shape, data, nhwc: false });
const newData = (t: Tensor, shape: readonly number[], node: OnnxNode, rt: Runtime | undefined) => (t.dtype === 'float' ? allocFloat(shape, node.name, rt) : allocInt(shape, node.name));

/** Axes from the attribute (older opsets) or the second input (newer). */
function axesOf(node: OnnxNode, inputs: Inputs, fromInput: boolean): number[] | undefined {
  if (fromInput) return inputs[1] ? intsOf(inputs[1], `${node.name}: axes`) : undefined;
  return attrInts(node, 'axes');
}

export function shape(node: OnnxNode, [x]: Inputs): Tensor {
  const dims = need(node, x).shape, r = dims.length;
  const clamp = (v: number) => Math.max(0, Math.min(r, v < 0 ? v + r : v));
  const start = clamp(attrInt(node, 'start', 0)), end = clamp(attrInt(node, 'end', r));
  return intTensor([Math.max(0, end - start)], dims.slice(start, end));
}

export function identity(node: OnnxNode, [x]: Inputs): Tensor {
  return need(node, x);
}

export function constant(node: OnnxNode): Tensor {
  const t = attrTensor(node, 'value');
  if (t) return t;
  const v = node.attrs.get('value_float') ?? node.attrs.get('value_floats');
  if (typeof v === 'number') return floatTensor([], Float32Array.of(v));
  if (Array.isArray(v)) return floatTensor([v.length], Float32Array.from(v as number[]));
  const i = node.attrs.get('value_int') ?? node.attrs.get('value_ints');
  if (typeof i === 'number') return intTensor([], [i]);
  if (Array.isArray(i)) return intTensor([i.length], i as number[]);
  throw new ModelError('bad-node', `${node.name}: a Constant with no value this engine reads`);
}

export function constantOfShape(node: OnnxNode, [s]: Inputs, rt?: Runtime): Tensor {
  const dims = intsOf(s, `${node.name}: shape`);
  const value = attrTensor(node, 'value');
  // Stryker disable next-line OptionalChaining: an attribute's tensor always has its values (the decoder reads them)
  const v = value?.data?.[0] ?? 0, dtype = value?.dtype ?? 'float';
  if (dims.some((d) => d < 0)) throw new ModelError('bad-dims', `${node.name}: (${dims.join(', ')})`);
  const data = dtype === 'float' ? allocFloat(dims, node.name, rt) : allocInt(dims, node.name);
  data.fill(v);
  return { dtype, shape: dims, data, nhwc: false };
}

export function reshape(node: OnnxNode, inputs: Inputs): Tensor {
  const x = need(node, inputs[0]);
  const target = intsOf(inputs[1], `${node.name}: shape`);
  const allowZero = attrInt(node, 'allowzero', 0) === 1;
  const dims = target.map((d, i) => (d === 0 && !allowZero ? x.shape[i] ?? 0 : d));
  const known = dims.reduce((p, d) => (d === -1 ? p : p * d), 1), total = sizeOf(x.shape);
  const free = dims.indexOf(-1);
  if (free >= 0) dims[free] = known === 0 ? 0 : total / known;
  if (dims.some((d) => !Number.isInteger(d) || d < 0) || sizeOf(dims) !== total) {
    throw new ModelError('bad-node', `${node.name}: cannot reshape (${x.shape.join(', ')}) to (${target.join(', ')})`);
  }
  return withData(x, dims, logical(x).data);
}

export function flatten(node: OnnxNode, [x]: Inputs): Tensor {
  const t = need(node, x), r = t.shape.length;
  const axis = attrInt(node, 'axis', 1);
  // Stryker disable next-line ConditionalExpression: slice() counts a negative axis from the end too
  const a = axis < 0 ? axis + r : axis;
  return withData(t, [sizeOf(t.shape.slice(0, a)), sizeOf(t.shape.slice(a))], logical(t).data);
}

export function squeeze(node: OnnxNode, inputs: Inputs, opset: number): Tensor {
  const x = need(node, inputs[0]), r = x.shape.length;
  const axes = axesOf(node, inputs, opset >= 13)?.map((a) => axisOf(node, a, r));
  const dims = x.shape.filter((d, i) => (axes ? !axes.includes(i) : d !== 1));
  if (axes?.some((a) => x.shape[a] !== 1)) throw new ModelError('bad-node', `${node.name}: squeezes a dimension that is not 1`);
  return withData(x, dims, logical(x).data);
}

export function unsqueeze(node: OnnxNode, inputs: Inputs, opset: number): Tensor {
  const x = need(node, inputs[0]);
  const r = x.shape.length + (axesOf(node, inputs, opset >= 13)?.length ?? 0);
  // Stryker disable next-line ArrayDeclaration: a made-up entry is no axis (axisOf passes a string through, which matches none)
  const axes = (axesOf(node, inputs, opset >= 13) ?? []).map((a) => axisOf(node, a, r));
  const dims: number[] = [];
  for (let i = 0, j = 0; i < r; i++) dims.push(axes.includes(i) ? 1 : x.shape[j++]!);
  return withData(x, dims, logical(x).data);
}

export function concat(node: OnnxNode, inputs: Inputs, rt?: Runtime): Tensor {
  const ts = inputs.filter((t): t is Tensor => t !== undefined && sizeOf(t.shape) > 0);
  if (ts.length === 0) return need(node, inputs[0]);
  const r = ts[0]!.shape.length, axis = axisOf(node, attrInt(node, 'axis', 0), r);
  for (const t of ts) {
    if (t.shape.length !== r || t.shape.some((d, i) => i !== axis && d !== ts[0]!.shape[i])) {
      throw new ModelError('bad-node', `${node.name}: cannot join ${ts.map((x) => `(${x.shape.join(', ')})`).join(', ')} along axis ${axis}`);
    }
  }
  const dims = ts[0]!.shape.map((d, i) => (i === axis ? ts.reduce((s, t) => s + t.shape[i]!, 0) : d));
  const dtype = ts.every((t) => t.dtype === 'int') ? 'int' : 'float';
  // Stryker disable next-line ConditionalExpression: only a 4-D tensor is ever NHWC
  const nhwc = r === 4 && axis === 1 && ts.some((t) => t.nhwc);
  if (ts.some((t) => !t.data)) return metaTensor(dtype, dims, nhwc);
  const out = dtype === 'float' ? allocFloat(dims, node.name, rt) : allocInt(dims, node.name);
  if (nhwc) {
    // Channels joined pixel by pixel.
    const [n, c, h, w] = dims as [number, number, number, number];
    let ch0 = 0;
    for (const t of ts) {
      const src = (t.nhwc ? t : { ...t, data: toNhwcData(t) }).data!, tc = t.shape[1]!;
      for (let p = 0; p < n * h * w; p++) out.set(src.subarray(p * tc, (p + 1) * tc), p * c + ch0);
      ch0 += tc;
    }
    return { dtype, shape: dims, data: out, nhwc: true };
  }
  const outer = sizeOf(dims.slice(0, axis));
  let at = 0;
  for (let o = 0; o < outer; o++) {
    for (const t of ts) {
      const block = sizeOf(t.shape.slice(axis)), src = logical(t).data!;
      out.set(src.subarray(o * block, (o + 1) * block), at);
      at += block;
    }
  }
  return { dtype, shape: dims, data: out, nhwc: false };
}

function toNhwcData(t: Tensor): Float32Array | Float64Array {
  const [n, c, h, w] = t.shape as [number, number, number, number];
  const src = t.data!, out = new (src.constructor as Float32ArrayConstructor)(src.length);
  // Stryker disable next-line EqualityOperator: one past the end writes nowhere, or into the next picture, which overwrites it
  for (let b = 0; b < n; b++) for (let ch = 0; ch < c; ch++) for (let p = 0; p < h * w; p++) out[(b * h * w + p) * c + ch] = src[(b * c + ch) * h * w + p]!;
  return out;
}

export function gather(node: OnnxNode, inputs: Inputs, rt?: Runtime): Tensor {
  const x = need(node, inputs[0]), ind = need(node, inputs[1], 'indices');
  const axis = axisOf(node, attrInt(node, 'axis', 0), x.shape.length);
  const idx = intsOf(ind, `${node.name}: indices`).map((i) => (i < 0 ? i + x.shape[axis]! : i));
  if (idx.some((i) => i < 0 || i >= x.shape[axis]!)) throw new ModelError('bad-node', `${node.name}: an index beyond ${x.shape[axis]}`);
  const dims = [...x.shape.slice(0, axis), ...ind.shape, ...x.shape.slice(axis + 1)];
  if (!x.data) return metaTensor(x.dtype, dims);
  const src = logical(x).data!, out = newData(x, dims, node, rt);
  const outer = sizeOf(x.shape.slice(0, axis)), inner = sizeOf(x.shape.slice(axis + 1)), len = x.shape[axis]!;
  let at = 0;
  for (let o = 0; o < outer; o++) for (const i of idx) {
    out.set(src.subarray((o * len + i) * inner, (o * len + i + 1) * inner), at);
    at += inner;
  }
  return withData(x, dims, out);
}

/** Copies a logical tensor through per-dimension source indices (−1 = `fill`). */
function pick(node: OnnxNode, x: Tensor, sources: readonly (readonly number[])[], fill: number, rt: Runtime | undefined): Tensor {
  const dims = sources.map((s) => s.length);
  if (!x.data) return metaTensor(x.dtype, dims);
  const src = logical(x).data!, strides = rowMajorStrides(x.shape), out = newData(x, dims, node, rt);
  const r = dims.length, idx = new Array<number>(r).fill(0), n = sizeOf(dims);
  // Stryker disable next-line EqualityOperator: one past the end writes nowhere (a typed array ignores it)
  for (let o = 0; o < n; o++) {
    let off = 0, inside = true;
    for (let d = 0; d < r; d++) {
      const s = sources[d]![idx[d]!]!;
      if (s < 0) { inside = false; break; }
      off += s * strides[d]!;
    }
    out[o] = inside ? src[off]! : fill;
    // Stryker disable next-line ArithmeticOperator: starting past the last axis only counts in entries nothing reads
    for (let d = r - 1; d >= 0; d--) {
      if (++idx[d]! < dims[d]!) break;
      idx[d] = 0;
    }
  }
  return withData(x, dims, out);
}

export function slice(node: OnnxNode, inputs: Inputs, opset: number, rt?: Runtime): Tensor {
  const x = need(node, inputs[0]), r = x.shape.length;
  const get = (i: number, attr: string) => (opset >= 10 ? (inputs[i] ? intsOf(inputs[i], `${node.name}: ${attr}`) : undefined) : attrInts(node, attr));
  const starts = get(1, 'starts') ?? [];
  // Stryker disable next-line ArrayDeclaration: with no ends, a made-up one clamps to NaN as a missing one does (nothing taken)
  const ends = get(2, 'ends') ?? [];
  const axes = (get(3, 'axes') ?? starts.map((_, i) => i)).map((a) => axisOf(node, a, r));
  const steps = get(4, 'steps') ?? [];
  const sources = x.shape.map((d) => Array.from({ length: d }, (_, i) => i));
  axes.forEach((a, j) => {
    const dim = x.shape[a]!, step = steps[j] ?? 1;
    if (step === 0) throw new ModelError('bad-node', `${node.name}: a step of 0`);
    let s = starts[j]!, e = ends[j]!;
    if (s < 0) s += dim;
    if (e < 0) e += dim;
    // A step is not 0 here, so `step > 0` as `step >= 0` is the same.
    // Stryker disable next-line EqualityOperator: see above
    s = step > 0 ? Math.max(0, Math.min(dim, s)) : Math.max(0, Math.min(dim - 1, s));
    // Stryker disable next-line EqualityOperator,ArithmeticOperator: see above; going backwards from at most dim − 1, an end clamped to dim + 1 instead of dim − 1 stops it as soon
    e = step > 0 ? Math.max(0, Math.min(dim, e)) : Math.max(-1, Math.min(dim - 1, e));
    const list: number[] = [];
    // Stryker disable next-line EqualityOperator: see above
    if (step > 0) for (let i = s; i < e; i += step) list.push(i);
    else for (let i = s; i > e; i += step) list.push(i);
    sources[a] = list;
  });
  return pick(node, x, sources, 0, rt);
}

export function pad(node: OnnxNode, inputs: Inputs, opset: number, rt?: Runtime): Tensor {
  const x = need(node, inputs[0]), r = x.shape.length;
  const mode = attrString(node, 'mode', 'constant');
  const raw = opset >= 11 ? intsOf(inputs[1], `${node.name}: pads`) : attrInts(node, 'pads') ?? [];
  const value = opset >= 11 ? (inputs[2]?.data?.[0] ?? 0) : Number(node.attrs.get('value') ?? 0);
  const axes = opset >= 18 && inputs[3] ? intsOf(inputs[3], `${node.name}: axes`).map((a) => axisOf(node, a, r)) : x.shape.map((_, i) => i);
  const before = new Array<number>(r).fill(0), after = new Array<number>(r).fill(0);
  axes.forEach((a, j) => { before[a] = raw[j] ?? 0; after[a] = raw[j + axes.length] ?? 0; });
  // The padded size is checked before the per-axis index lists are built: a pad of 2·10⁹ would
  // otherwise make a list that long, even in a shape-only pass.
  const dims = x.shape.map((d, a) => d + before[a]! + after[a]!);
  if (dims.some((d) => !Number.isSafeInteger(d) || d < 0)) throw new ModelError('bad-dims', `${node.name}: (${dims.join(', ')})`);
  checkedSize(dims, node.name);
  const sources = x.shape.map((d, a) => {
    const list: number[] = [];
    for (let i = -before[a]!; i < d + after[a]!; i++) list.push(padSource(node, mode, i, d));
    return list;
  });
  return pick(node, x, sources, value, rt);
}

/** Where position i of an axis of d padded by `mode` reads from (−1: the constant). */
function padSource(node: OnnxNode, mode: string, i: number, d: number): number {
  if (i >= 0 && i < d) return i;
  if (mode === 'edge') return Math.max(0, Math.min(d - 1, i));
  // Mirrored about the ends, which are not repeated (an axis of 1 has nothing to mirror: no i outside it is in (−1, 1)).
  if (mode === 'reflect' && i > -d && i < 2 * d - 1) {
    // Stryker disable next-line EqualityOperator: i = 0 is inside the axis, taken above
    return i < 0 ? -i : 2 * (d - 1) - i;
  }
  if (mode === 'constant') return -1;
  throw new ModelError('bad-node', `${node.name}: pad mode ${mode} with these pads`);
}

export function transpose(node: OnnxNode, [x0]: Inputs, rt?: Runtime): Tensor {
  const x = need(node, x0), r = x.shape.length;
  const perm = attrInts(node, 'perm') ?? x.shape.map((_, i) => r - 1 - i);
  const dims = perm.map((p) => x.shape[p]!);
  if (!x.data) return metaTensor(x.dtype, dims);
  const src = logical(x).data!, strides = rowMajorStrides(x.shape), out = newData(x, dims, node, rt);
  const idx = new Array<number>(r).fill(0), n = sizeOf(dims);
  // Stryker disable next-line EqualityOperator: one past the end writes nowhere (a typed array ignores it)
  for (let o = 0; o < n; o++) {
    let off = 0;
    for (let d = 0; d < r; d++) off += idx[d]! * strides[perm[d]!]!;
    out[o] = src[off]!;
    // Stryker disable next-line ArithmeticOperator: starting past the last axis only counts in entries nothing reads
    for (let d = r - 1; d >= 0; d--) {
      if (++idx[d]! < dims[d]!) break;
      idx[d] = 0;
    }
  }
  return withData(x, dims, out);
}
