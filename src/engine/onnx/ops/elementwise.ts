/**
 * Elementwise ops: activations (one input), arithmetic with NumPy broadcasting (Add, Sub,
 * Mul, Div, …, Where), BatchNormalization and Cast. A result keeps the layout of its
 * full-size input, so an NHWC map stays NHWC through a residual Add or an SE block's Mul.
 */
import { relu6 } from '../../kernels/activate';
import { ModelError } from '../errors';
import { attrFloat, attrInt, type OnnxNode } from '../model';
import type { Runtime } from '../runtime';
import { allocFloat, allocInt, metaTensor, rowMajorStrides, sizeOf, stridesOf, type DType, type Tensor } from '../tensor';

type Unary = (v: number) => number;

const sigmoid: Unary = (v) => 1 / (1 + Math.exp(-v));

/** The function an activation node applies, with its attributes (and Clip's bound inputs). */
function unaryFn(node: OnnxNode, inputs: readonly (Tensor | undefined)[], opset: number): Unary {
  switch (node.opType) {
    // Stryker disable next-line ConditionalExpression,ArrowFunction: Relu runs clampInto (in unary), never this function
    case 'Relu': return (v) => relu6(v, Infinity);
    // Stryker disable next-line EqualityOperator: at 0 both sides give 0 (a·0)
    case 'LeakyRelu': { const a = attrFloat(node, 'alpha', 0.01); return (v) => (v >= 0 ? v : a * v); }
    case 'Sigmoid': return sigmoid;
    case 'HardSigmoid': {
      const a = attrFloat(node, 'alpha', 0.2), b = attrFloat(node, 'beta', 0.5);
      return (v) => Math.max(0, Math.min(1, a * v + b));
    }
    case 'HardSwish': return (v) => v * Math.max(0, Math.min(1, v / 6 + 0.5));
    case 'Clip': {
      const bound = (t: Tensor | undefined, fallback: number) => (t?.data && t.data.length ? t.data[0]! : fallback);
      const lo = opset < 11 ? attrFloat(node, 'min', -Infinity) : bound(inputs[1], -Infinity);
      const hi = opset < 11 ? attrFloat(node, 'max', Infinity) : bound(inputs[2], Infinity);
      return (v) => Math.min(hi, Math.max(lo, v));
    }
    case 'Tanh': return Math.tanh;
    case 'Neg': return (v) => -v;
    case 'Abs': return Math.abs;
    case 'Sqrt': return Math.sqrt;
    case 'Exp': return Math.exp;
    case 'Floor': return Math.floor;
    case 'Ceil': return Math.ceil;
    // Past 20, log(1 + eˣ) is x in float32; far past it eˣ overflows.
    // Stryker disable next-line EqualityOperator: at 20 both give 20 in float32
    case 'Softplus': return (v) => (v > 20 ? v : Math.log1p(Math.exp(v)));
    // Stryker disable next-line EqualityOperator: at 0 both sides give 0 (a·(e⁰ − 1))
    case 'Elu': { const a = attrFloat(node, 'alpha', 1); return (v) => (v >= 0 ? v : a * (Math.exp(v) - 1)); }
    default: throw new ModelError('unsupported-op', `${node.opType} (${node.name})`);
  }
}

export const UNARY_OPS = ['Relu', 'LeakyRelu', 'Sigmoid', 'HardSigmoid', 'HardSwish', 'Clip', 'Tanh', 'Neg', 'Abs', 'Sqrt', 'Exp', 'Floor', 'Ceil', 'Softplus', 'Elu'] as const;

export function unary(node: OnnxNode, inputs: readonly (Tensor | undefined)[], opset: number, rt?: Runtime): Tensor {
  const x = inputs[0];
  if (!x) throw new ModelError('bad-node', `${node.name}: no input`);
  const f = unaryFn(node, inputs, opset);
  if (!x.data) return { ...x };
  const src = x.data;
  const out = x.dtype === 'float' ? allocFloat(x.shape, node.name, rt) : allocInt(x.shape, node.name);
  // The common ones as loops of their own (a call per value through `f` is several times slower).
  // Stryker disable next-line ConditionalExpression,StringLiteral: a fast path; without it the generic loop gives the same values
  if (node.opType === 'Relu') return { ...x, data: clampInto(src, out, 0, Infinity) };
  // Stryker disable next-line ConditionalExpression,StringLiteral: a fast path; without it the generic loop gives the same values
  if (node.opType === 'Clip') return { ...x, data: clampInto(src, out, f(-Infinity), f(Infinity)) };
  // Stryker disable next-line EqualityOperator: one past the end writes nowhere (a typed array ignores it)
  for (let i = 0; i < src.length; i++) out[i] = f(src[i]!);
  return { ...x, data: out };
}

/**
 * out[i] = src[i] clamped to [lo, hi] (`out` may be `src`). With a lower bound of 0 (ReLU,
 * ReLU6) without a branch on the sign, which mispredicts half the time (see relu6).
 */
export function clampInto<T extends Float32Array | Float64Array>(src: ArrayLike<number>, out: T, lo: number, hi: number): T {
  const n = src.length;
  // Stryker disable next-line ConditionalExpression,BlockStatement: a faster path; without it the loop below gives the same values
  if (lo === 0) {
    // Stryker disable next-line EqualityOperator: one past the end writes nowhere (a typed array ignores it)
    for (let i = 0; i < n; i++) out[i] = relu6(src[i]!, hi);
    return out;
  }
  // Stryker disable next-line EqualityOperator: one past the end writes nowhere; v equal to a bound gives that bound either way
  for (let i = 0; i < n; i++) { const v = src[i]!; out[i] = v < lo ? lo : v > hi ? hi : v; }
  return out;
}

type Binary = (a: number, b: number) => number;

const BINARY: Record<string, Binary> = {
  Add: (a, b) => a + b,
  Sub: (a, b) => a - b,
  Mul: (a, b) => a * b,
  Div: (a, b) => a / b,
  Pow: (a, b) => a ** b,
  // Stryker disable next-line EqualityOperator: equal values give that value either way
  Max: (a, b) => (a > b ? a : b),
  // Stryker disable next-line EqualityOperator: equal values give that value either way
  Min: (a, b) => (a < b ? a : b),
  Equal: (a, b) => (a === b ? 1 : 0),
  Less: (a, b) => (a < b ? 1 : 0),
  Greater: (a, b) => (a > b ? 1 : 0),
};

export const BINARY_OPS = Object.keys(BINARY);

/** NumPy's broadcast of shapes (right-aligned; a 1 stretches). */
export function broadcastShape(node: OnnxNode, shapes: readonly (readonly number[])[]): number[] {
  const rank = Math.max(...shapes.map((s) => s.length));
  const out = new Array<number>(rank).fill(1);
  for (const s of shapes) {
    // Stryker disable next-line EqualityOperator: one past the end reads undefined against out[rank], undefined too: `continue`
    for (let i = 0; i < s.length; i++) {
      const o = rank - s.length + i, d = s[i]!;
      if (d === out[o] || d === 1) continue;
      if (out[o] !== 1) throw new ModelError('bad-node', `${node.name}: shapes ${shapes.map((x) => `(${x.join(', ')})`).join(' and ')} do not broadcast`);
      out[o] = d;
    }
  }
  return out;
}

export function binary(node: OnnxNode, inputs: readonly (Tensor | undefined)[], rt?: Runtime): Tensor {
  const [a, b] = inputs;
  if (!a || !b) throw new ModelError('bad-node', `${node.name}: needs two inputs`);
  const f = BINARY[node.opType]!;
  const intResult = a.dtype === 'int' && b.dtype === 'int';
  const comparison = node.opType === 'Equal' || node.opType === 'Less' || node.opType === 'Greater';
  const dtype: DType = intResult || comparison ? 'int' : 'float';
  const op: Binary = intResult && node.opType === 'Div' ? (x, y) => Math.trunc(x / y) : f;
  return broadcastMap(node, [a, b], dtype, (v) => op(v[0]!, v[1]!), rt);
}

/** Where(condition, x, y). */
export function where(node: OnnxNode, inputs: readonly (Tensor | undefined)[], rt?: Runtime): Tensor {
  const [c, x, y] = inputs;
  if (!c || !x || !y) throw new ModelError('bad-node', `${node.name}: needs three inputs`);
  return broadcastMap(node, [c, x, y], x.dtype === 'int' && y.dtype === 'int' ? 'int' : 'float', (v) => (v[0] ? v[1]! : v[2]!), rt);
}

/** Applies `f` elementwise over the broadcast of `ts`, in the layout of the first full-size input. */
function broadcastMap(node: OnnxNode, ts: readonly Tensor[], dtype: DType, f: (values: number[]) => number, rt: Runtime | undefined): Tensor {
  const shape = broadcastShape(node, ts.map((t) => t.shape));
  const full = ts.find((t) => t.shape.length === shape.length && t.shape.every((d, i) => d === shape[i]));
  // (Only a 4-D tensor is ever NHWC.)
  const nhwc = shape.length === 4 && (full?.nhwc ?? ts.some((t) => t.nhwc));
  if (ts.some((t) => !t.data)) return metaTensor(dtype, shape, nhwc);
  const n = sizeOf(shape);
  const out = dtype === 'float' ? allocFloat(shape, node.name, rt) : allocInt(shape, node.name);
  // Stryker disable next-line ArrayDeclaration: an empty array grows to the same values
  const vals = new Array<number>(ts.length).fill(0);
  // Only opens the fast paths below; when it says no, the odometer gives the same values.
  // Stryker disable next-line ArrowFunction,ConditionalExpression,EqualityOperator: see above (a "yes" for a broadcast input would be caught, but shares the mutator)
  const same = (t: Tensor) => t.shape.length === shape.length && t.shape.every((d, i) => d === shape[i]) && t.nhwc === nhwc;
  // The residual Add and the squeeze-excite Mul (an NHWC map times one number per channel) as plain loops.
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: fast paths; when skipped, the flat loop or the odometer give the same values
  if (ts.length === 2 && same(ts[0]!) && fast(node.opType)) {
    const a = ts[0]!.data!, b = ts[1]!.data!;
    // Stryker disable next-line ConditionalExpression: a fast path; when false, the per-channel or generic loops give the same values
    if (same(ts[1]!)) return { dtype, shape, data: arith(node.opType, a, b, out, 0), nhwc };
    // One value per channel (of any batch: channels are innermost).
    // Stryker disable next-line ConditionalExpression,BlockStatement: a fast path; when skipped, the odometer gives the same values
    if (nhwc && ts[1]!.shape.length === 4 && sizeOf(ts[1]!.shape) === shape[1] && ts[1]!.shape[1] === shape[1]) {
      return { dtype, shape, data: arith(node.opType, a, b, out, shape[1]!), nhwc };
    }
  }
  // Same shape and layout for all: one flat loop.
  // Stryker disable next-line ConditionalExpression,MethodExpression,BlockStatement: a fast path; when skipped (or `some`), the odometer gives the same values
  if (ts.every(same)) {
    // Stryker disable next-line EqualityOperator: one past the end writes nowhere (a typed array ignores it)
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < ts.length; j++) vals[j] = ts[j]!.data![i]!;
      out[i] = f(vals);
    }
    return { dtype, shape, data: out, nhwc };
  }
  // Otherwise an odometer over the output's physical order, each input read through its strides (0 where it broadcasts).
  const rank = shape.length;
  // The output's physical order, so writes go forward.
  // Stryker disable next-line ConditionalExpression: any order visits every index (a slower walk over an NHWC map)
  const order = nhwc ? [0, 2, 3, 1] : shape.map((_, i) => i);
  const outStrides = nhwc ? stridesOf({ dtype, shape, data: null, nhwc: true }) : rowMajorStrides(shape);
  const inStrides = ts.map((t) => {
    const s = stridesOf(t), pad = rank - t.shape.length;
    return shape.map((_, i) => (i < pad || t.shape[i - pad] === 1 ? 0 : s[i - pad]!));
  });
  const idx = new Array<number>(rank).fill(0);
  const offs = new Array<number>(ts.length).fill(0);
  // Stryker disable next-line EqualityOperator: one more step finds the odometer back at index 0, and writes its value again
  for (let count = 0; count < n; count++) {
    let o = 0;
    for (let d = 0; d < rank; d++) o += idx[d]! * outStrides[d]!;
    for (let j = 0; j < ts.length; j++) vals[j] = ts[j]!.data![offs[j]!]!;
    out[o] = f(vals);
    // Advance the innermost physical dimension, carrying outwards.
    for (let q = rank - 1; q >= 0; q--) {
      const d = order[q]!;
      idx[d]!++;
      for (let j = 0; j < ts.length; j++) offs[j]! += inStrides[j]![d]!;
      if (idx[d]! < shape[d]!) break;
      for (let j = 0; j < ts.length; j++) offs[j]! -= inStrides[j]![d]! * shape[d]!;
      idx[d] = 0;
    }
  }
  return { dtype, shape, data: out, nhwc };
}

/** Inference-mode BatchNormalization: y = (x − mean) / √(var + ε) · scale + B, per channel (axis 1). */
export function batchNorm(node: OnnxNode, inputs: readonly (Tensor | undefined)[], rt?: Runtime): Tensor {
  const [x, scale, bias, mean, variance] = inputs;
  if (!x || !scale || !bias || !mean || !variance) throw new ModelError('bad-node', `${node.name}: needs five inputs`);
  const c = x.shape[1] ?? 0;
  for (const t of [scale, bias, mean, variance]) if (sizeOf(t.shape) !== c) throw new ModelError('bad-node', `${node.name}: ${c} channels, parameters of (${t.shape.join(', ')})`);
  if (!x.data || !scale.data || !bias.data || !mean.data || !variance.data) return { ...x, data: null };
  const { a, b } = batchNormAffine(scale.data, bias.data, mean.data, variance.data, attrFloat(node, 'epsilon', 1e-5));
  const src = x.data, out = allocFloat(x.shape, node.name, rt);
  if (x.nhwc) {
    // Stryker disable next-line EqualityOperator: one past the end writes nowhere, or a NaN the next pixel overwrites
    for (let i = 0; i < src.length; i += c) for (let ch = 0; ch < c; ch++) out[i + ch] = a[ch]! * src[i + ch]! + b[ch]!;
  } else {
    const inner = sizeOf(x.shape.slice(2));
    // Stryker disable next-line EqualityOperator: one past the end writes nowhere (a typed array ignores it)
    for (let i = 0; i < src.length; i++) { const ch = Math.floor(i / inner) % c; out[i] = a[ch]! * src[i]! + b[ch]!; }
  }
  return { ...x, data: out };
}

/** BatchNormalization as y = a·x + b per channel: a = scale / √(var + ε), b = B − mean · a (float64). */
export function batchNormAffine(scale: ArrayLike<number>, bias: ArrayLike<number>, mean: ArrayLike<number>, variance: ArrayLike<number>, epsilon: number): { a: Float64Array; b: Float64Array } {
  const c = scale.length, a = new Float64Array(c), b = new Float64Array(c);
  // Stryker disable next-line EqualityOperator: one past the end writes nowhere (a typed array ignores it)
  for (let ch = 0; ch < c; ch++) {
    a[ch] = scale[ch]! / Math.sqrt(variance[ch]! + epsilon);
    b[ch] = bias[ch]! - mean[ch]! * a[ch]!;
  }
  return { a, b };
}

/** Cast to a float or an integer type (`to` is a TensorProto data type). */
export function cast(node: OnnxNode, [x]: readonly (Tensor | undefined)[]): Tensor {
  if (!x) throw new ModelError('bad-node', `${node.name}: no input`);
  const to = attrInt(node, 'to', 1);
  const dtype: DType = to === 1 || to === 10 || to === 11 || to === 16 ? 'float' : 'int';
  if (!x.data) return { ...x, dtype };
  if (dtype === 'float') return { ...x, dtype, data: Float32Array.from(x.data) };
  const out = new Float64Array(x.data.length);
  // Stryker disable next-line EqualityOperator: one past the end writes nowhere (a typed array ignores it)
  for (let i = 0; i < out.length; i++) out[i] = to === 9 ? (x.data[i] ? 1 : 0) : Math.trunc(x.data[i]!);
  return { ...x, dtype, data: out };
}

// Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: leaving an op out of the fast paths changes no value (putting one in is killed by arith's tests)
const fast = (op: string) => op === 'Add' || op === 'Mul' || op === 'Sub';

/** out = a op b, elementwise; with `channels` > 0, b holds one value per channel of an NHWC a. */
function arith(op: string, a: ArrayLike<number>, b: ArrayLike<number>, out: Float32Array | Float64Array, channels: number): Float32Array | Float64Array {
  // In these loops one past the end writes nowhere (a typed array ignores it), or a NaN the
  // next pixel overwrites: their `<` as `<=` is the same (Stryker's disables below).
  const n = out.length;
  if (channels > 0) {
    // Stryker disable next-line EqualityOperator: see above
    for (let i = 0; i < n; i += channels) {
      if (op === 'Mul') {
        // Stryker disable next-line EqualityOperator: see above
        for (let c = 0; c < channels; c++) out[i + c] = a[i + c]! * b[c]!;
      } else if (op === 'Add') {
        // Stryker disable next-line EqualityOperator: see above
        for (let c = 0; c < channels; c++) out[i + c] = a[i + c]! + b[c]!;
      } else {
        // Stryker disable next-line EqualityOperator: see above
        for (let c = 0; c < channels; c++) out[i + c] = a[i + c]! - b[c]!;
      }
    }
    return out;
  }
  if (op === 'Add') {
    // Stryker disable next-line EqualityOperator: see above
    for (let i = 0; i < n; i++) out[i] = a[i]! + b[i]!;
  } else if (op === 'Mul') {
    // Stryker disable next-line EqualityOperator: see above
    for (let i = 0; i < n; i++) out[i] = a[i]! * b[i]!;
  } else {
    // Stryker disable next-line EqualityOperator: see above
    for (let i = 0; i < n; i++) out[i] = a[i]! - b[i]!;
  }
  return out;
}
