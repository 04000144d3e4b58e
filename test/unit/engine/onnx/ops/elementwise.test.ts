/** Elementwise ops, each on its own against onnxruntime (opTable.ts runs every case NCHW, NHWC and shape-only). */
import { describe, expect, it } from 'vitest';
import { ModelError } from '../../../../../src/engine/onnx/errors';
import { runNode } from '../../../../../src/engine/onnx/ops';
import { batchNormAffine, broadcastShape, clampInto, unary as unaryOp } from '../../../../../src/engine/onnx/ops/elementwise';
import { floatTensor, intTensor, logical, metaTensor, toNhwc, type Tensor } from '../../../../../src/engine/onnx/tensor';
import { check, refuse, type OpCase, type Refusal } from './opTable';

const map = { dims: [1, 3, 4, 5] } as const;
/** Values around every branch point: negatives, zero, the ReLU6 cap, Softplus's switch at 20. */
const edges = { dims: [1, 2, 2, 6], values: [-25, -6, -3.5, -1, -0.5, -0.25, 0, 0.25, 0.5, 1, 2.5, 3, 5.75, 6, 6.5, 19.5, 20, 20.5, 25, -0, 1.5, -2.5, 0.75, 7] } as const;
const positive = { dims: [2, 3, 4], values: Array.from({ length: 24 }, (_, i) => (i + 1) / 4) } as const;

const unary: OpCase[] = [
  { name: 'Relu on (1, 2, 2, 6) edges', op: 'Relu', inputs: [edges] },
  { name: 'Relu on a 2-D (3, 4)', op: 'Relu', inputs: [{ dims: [3, 4] }] },
  { name: 'LeakyRelu default alpha 0.01 on (1, 2, 2, 6)', op: 'LeakyRelu', inputs: [edges] },
  { name: 'LeakyRelu alpha 0.3 on (1, 3, 4, 5)', op: 'LeakyRelu', inputs: [map], attrs: { alpha: { f: 0.3 } } },
  { name: 'Sigmoid on (1, 2, 2, 6)', op: 'Sigmoid', inputs: [edges] },
  { name: 'HardSigmoid default alpha 0.2 beta 0.5 on (1, 2, 2, 6)', op: 'HardSigmoid', inputs: [edges] },
  { name: 'HardSigmoid alpha 0.25 beta 0.4 on (1, 3, 4, 5)', op: 'HardSigmoid', inputs: [map], attrs: { alpha: { f: 0.25 }, beta: { f: 0.4 } } },
  { name: 'HardSwish on (1, 2, 2, 6) (opset 14)', op: 'HardSwish', inputs: [edges], opset: 14 },
  { name: 'Clip opset 13, min 0 and max 6 inputs (ReLU6)', op: 'Clip', inputs: [edges, { dims: [], values: [0] }, { dims: [], values: [6] }] },
  { name: 'Clip opset 13, min −1 and max 2.5 inputs', op: 'Clip', inputs: [edges, { dims: [], values: [-1] }, { dims: [], values: [2.5] }] },
  { name: 'Clip opset 13, min −0.5 only', op: 'Clip', inputs: [edges, { dims: [], values: [-0.5] }] },
  { name: 'Clip opset 13, max 1 only (min left out)', op: 'Clip', inputs: [edges, null, { dims: [], values: [1] }] },
  { name: 'Clip opset 13 with no bounds', op: 'Clip', inputs: [edges] },
  { name: 'Clip opset 11 reads its bounds from inputs (min −1, max 2.5)', op: 'Clip', inputs: [edges, { dims: [], values: [-1] }, { dims: [], values: [2.5] }], opset: 11 },
  { name: 'Clip opset 6, min 0 max 6 attributes', op: 'Clip', inputs: [edges], attrs: { min: { f: 0 }, max: { f: 6 } }, opset: 6 },
  { name: 'Clip opset 6, min −2 attribute only', op: 'Clip', inputs: [edges], attrs: { min: { f: -2 } }, opset: 6 },
  { name: 'Clip opset 6, max 0.5 attribute only', op: 'Clip', inputs: [edges], attrs: { max: { f: 0.5 } }, opset: 6 },
  { name: 'Tanh on (1, 2, 2, 6)', op: 'Tanh', inputs: [edges] },
  { name: 'Neg on (1, 3, 4, 5)', op: 'Neg', inputs: [map] },
  { name: 'Neg int64 beyond float32 (2²⁴ + 1) stays exact', op: 'Neg', inputs: [{ type: 'int64', dims: [3], values: [16777217, -16777219, 5] }], out: 'int64', tolerance: 0 },
  { name: 'Abs on (1, 2, 2, 6)', op: 'Abs', inputs: [edges] },
  { name: 'Sqrt on positive (2, 3, 4)', op: 'Sqrt', inputs: [positive] },
  { name: 'Sqrt on (2, 3, 4) exactly: float32 results, as onnxruntime rounds them', op: 'Sqrt', inputs: [positive], tolerance: 0 },
  { name: 'Sqrt of negatives is NaN', op: 'Sqrt', inputs: [{ dims: [3], values: [-1, 0, 4] }] },
  { name: 'Exp on (1, 3, 4, 5)', op: 'Exp', inputs: [map] },
  { name: 'Floor on (1, 2, 2, 6)', op: 'Floor', inputs: [edges] },
  { name: 'Ceil on (1, 2, 2, 6)', op: 'Ceil', inputs: [edges] },
  { name: 'Softplus on (1, 2, 2, 6), either side of 20', op: 'Softplus', inputs: [edges] },
  { name: 'Softplus far past 20 (e⁸⁰⁰ overflows): x itself', op: 'Softplus', inputs: [{ dims: [4], values: [800, 100, -800, 21] }] },
  { name: 'Elu default alpha 1 on (1, 2, 2, 6)', op: 'Elu', inputs: [edges] },
  { name: 'Elu alpha 0.5 on (1, 3, 4, 5)', op: 'Elu', inputs: [map], attrs: { alpha: { f: 0.5 } } },
];

const binary: OpCase[] = [
  ...['Add', 'Sub', 'Mul', 'Div', 'Max', 'Min'].flatMap((op): OpCase[] => [
    { name: `${op} (1, 3, 4, 5) and (1, 3, 4, 5)`, op, inputs: [map, map] },
    { name: `${op} (1, 3, 4, 5) and (1, 3, 1, 1) per channel`, op, inputs: [map, { dims: [1, 3, 1, 1], values: [0.5, -2, 3] }] },
    { name: `${op} (1, 3, 1, 1) and (1, 3, 4, 5)`, op, inputs: [{ dims: [1, 3, 1, 1], values: [0.5, -2, 3] }, map] },
    { name: `${op} (1, 3, 4, 5) and (5) along the last axis`, op, inputs: [map, { dims: [5], values: [1, -1, 2, 0.5, 4] }] },
    { name: `${op} (3, 1) and (1, 4) both stretching`, op, inputs: [{ dims: [3, 1] }, { dims: [1, 4], values: [1, 2, -0.5, 4] }] },
    { name: `${op} (2, 3) and a scalar ()`, op, inputs: [{ dims: [2, 3] }, { dims: [], values: [1.5] }] },
  ]),
  { name: 'Pow (2, 3, 4) to the power (4) of 0, 1, 2, 0.5', op: 'Pow', inputs: [positive, { dims: [4], values: [0, 1, 2, 0.5] }] },
  { name: 'Pow (1, 3, 4, 5) squared (a scalar 2)', op: 'Pow', inputs: [map, { dims: [], values: [2] }] },
  { name: 'Max and Min with equal values', op: 'Max', inputs: [{ dims: [4], values: [1, 2, 3, 4] }, { dims: [4], values: [1, 3, 2, 4] }] },
  { name: 'Min with equal values', op: 'Min', inputs: [{ dims: [4], values: [1, 2, 3, 4] }, { dims: [4], values: [1, 3, 2, 4] }] },
  ...['Equal', 'Less', 'Greater'].map((op): OpCase => ({ name: `${op} (2, 3) int64 and (3) int64 → bool`, op, inputs: [{ type: 'int64', dims: [2, 3], values: [1, 2, 3, 4, 5, 6] }, { type: 'int64', dims: [3], values: [1, 5, 2] }], out: 'bool' })),
  ...['Equal', 'Less', 'Greater'].map((op): OpCase => ({ name: `${op} (1, 3, 4, 5) float and (1, 3, 1, 1) → bool`, op, inputs: [map, { dims: [1, 3, 1, 1], values: [0, -1, 1] }], out: 'bool' })),
  { name: 'Div int64 (6) by int64 (6): truncated toward zero', op: 'Div', inputs: [{ type: 'int64', dims: [6], values: [7, -7, 7, -7, 6, 0] }, { type: 'int64', dims: [6], values: [2, 2, -2, -2, 4, 3] }], out: 'int64' },
  { name: 'Div (2, 3) by (3) exactly: float32 quotients, as onnxruntime rounds them', op: 'Div', inputs: [{ dims: [2, 3], values: [1, 2, -5, 7, 1, 10] }, { dims: [3], values: [3, 7, 10] }], tolerance: 0 },
  { name: 'Add int64 beyond float32 (2²⁴ + 1) stays exact', op: 'Add', inputs: [{ type: 'int64', dims: [2], values: [16777216, -16777218] }, { type: 'int64', dims: [], values: [1] }], out: 'int64', tolerance: 0 },
  { name: 'Add int64 (2) and int64 () stays int64', op: 'Add', inputs: [{ type: 'int64', dims: [2], values: [3, -4] }, { type: 'int64', dims: [], values: [10] }], out: 'int64' },
  { name: 'Mul int64 (3) by int64 (3)', op: 'Mul', inputs: [{ type: 'int64', dims: [3], values: [3, -4, 5] }, { type: 'int64', dims: [3], values: [2, 2, -3] }], out: 'int64' },
  { name: 'Sub int64 (3) and int64 (3)', op: 'Sub', inputs: [{ type: 'int64', dims: [3], values: [3, -4, 5] }, { type: 'int64', dims: [3], values: [2, 2, -3] }], out: 'int64' },
  { name: 'Mul (1, 4, 2, 3) and (1, 4, 2, 1) (a broadcast the flat loops cannot take)', op: 'Mul', inputs: [{ dims: [1, 4, 2, 3] }, { dims: [1, 4, 2, 1] }] },
  { name: 'Add (2, 3, 2, 2) and (3, 1, 1): a batch of two', op: 'Add', inputs: [{ dims: [2, 3, 2, 2] }, { dims: [3, 1, 1] }] },
  { name: 'Mul (2, 3, 2, 2) and (1, 3, 1, 1): per channel, a batch of two', op: 'Mul', inputs: [{ dims: [2, 3, 2, 2] }, { dims: [1, 3, 1, 1], values: [0.5, -2, 3] }] },
  { name: 'Mul (1, 3, 4, 3) and (1, 1, 1, 3): as many values as channels, but along the width', op: 'Mul', inputs: [{ dims: [1, 3, 4, 3] }, { dims: [1, 1, 1, 3], values: [0.5, -2, 3] }] },
  { name: 'Add (1, 3, 4, 3) and (1, 3): as many values as channels, but along the width', op: 'Add', inputs: [{ dims: [1, 3, 4, 3] }, { dims: [1, 3], values: [0.5, -2, 3] }] },
  { name: 'Sub (1, 3, 4, 1) and (1, 1, 1, 5): neither input full size', op: 'Sub', inputs: [{ dims: [1, 3, 4, 1] }, { dims: [1, 1, 1, 5] }] },
  { name: 'Add (2, 1, 1, 1, 1) and (1, 3, 4, 5): a map broadcast to 5-D', op: 'Add', inputs: [{ dims: [2, 1, 1, 1, 1], values: [10, -10] }, map] },
];

const others: OpCase[] = [
  { name: 'Where bool (2, 3) picks from (2, 3) and (2, 3)', op: 'Where', inputs: [{ type: 'bool', dims: [2, 3], values: [1, 0, 1, 0, 0, 1] }, { dims: [2, 3] }, { dims: [2, 3] }] },
  { name: 'Where bool (3) broadcast over (1, 3, 4, 3) and a scalar ()', op: 'Where', inputs: [{ type: 'bool', dims: [3], values: [1, 0, 1] }, { dims: [1, 3, 4, 3] }, { dims: [], values: [-9] }] },
  { name: 'Where on int64 values stays int64', op: 'Where', inputs: [{ type: 'bool', dims: [2], values: [0, 1] }, { type: 'int64', dims: [2], values: [5, 6] }, { type: 'int64', dims: [2], values: [7, 8] }], out: 'int64' },
  { name: 'Where on float values', op: 'Where', inputs: [{ type: 'bool', dims: [2], values: [0, 1] }, { dims: [2], values: [5, 6] }, { dims: [2], values: [7.5, 8] }] },
  {
    name: 'BatchNormalization (1, 3, 4, 5) epsilon 1e-3', op: 'BatchNormalization', tolerance: 1e-5, attrs: { epsilon: { f: 1e-3 } },
    inputs: [map, { dims: [3], values: [0.5, 2, -1] }, { dims: [3], values: [0.1, -0.2, 0.3] }, { dims: [3], values: [0.25, -1, 2] }, { dims: [3], values: [1, 0.5, 4] }],
  },
  {
    name: 'BatchNormalization (2, 3) without spatial axes, default epsilon', op: 'BatchNormalization', tolerance: 1e-5,
    inputs: [{ dims: [2, 3] }, { dims: [3], values: [1, 2, 3] }, { dims: [3], values: [0, 1, 0] }, { dims: [3], values: [0.5, 0, -0.5] }, { dims: [3], values: [2, 1, 0.25] }],
  },
  {
    name: 'BatchNormalization (1, 2, 3) on a 1-D signal', op: 'BatchNormalization', tolerance: 1e-5,
    inputs: [{ dims: [1, 2, 3] }, { dims: [2], values: [1, 2] }, { dims: [2], values: [0, 1] }, { dims: [2], values: [0.5, -0.5] }, { dims: [2], values: [2, 0.25] }],
  },
  { name: 'Cast float (2, 3) to int64 (to 7): truncated', op: 'Cast', inputs: [{ dims: [2, 3], values: [1.75, -1.75, 0.5, -0.5, 3, -3] }], attrs: { to: 7 }, out: 'int64' },
  { name: 'Cast float (4) to bool (to 9)', op: 'Cast', inputs: [{ dims: [4], values: [0, 0.25, -2, 0] }], attrs: { to: 9 }, out: 'bool' },
  { name: 'Cast int64 (3) to float (to 1)', op: 'Cast', inputs: [{ type: 'int64', dims: [3], values: [-2, 0, 7] }], attrs: { to: 1 } },
  { name: 'Cast int64 2²⁴ + 1 to float rounds to float32', op: 'Cast', inputs: [{ type: 'int64', dims: [2], values: [16777217, -16777219] }], attrs: { to: 1 }, tolerance: 0 },
  { name: 'Cast int64 (3) to double (to 11)', op: 'Cast', inputs: [{ type: 'int64', dims: [3], values: [-2, 0, 7] }], attrs: { to: 11 }, out: 'double' },
  { name: 'Cast float (1, 3, 4, 5) to float (to 1)', op: 'Cast', inputs: [map], attrs: { to: 1 } },
];

describe('elementwise ops against onnxruntime', () => {
  it.each(unary.map((c) => [c.name, c] as const))('%s', async (_, c) => check(c));
  it.each(binary.map((c) => [c.name, c] as const))('%s', async (_, c) => check(c));
  it.each(others.map((c) => [c.name, c] as const))('%s', async (_, c) => check(c));
});

const refusals: Refusal[] = [
  { name: 'Add (2, 3) and (4): shapes that do not broadcast', op: 'Add', inputs: [{ dims: [2, 3] }, { dims: [4] }], error: 'bad-node: /Add: shapes (2, 3) and (4) do not broadcast' },
  { name: 'Mul (2, 3) and (3, 3)', op: 'Mul', inputs: [{ dims: [2, 3] }, { dims: [3, 3] }], error: 'bad-node: /Mul: shapes (2, 3) and (3, 3) do not broadcast' },
  { name: 'Sub with one input', op: 'Sub', inputs: [{ dims: [2] }], error: 'bad-node: /Sub: needs two inputs' },
  { name: 'Sub with the first input left out', op: 'Sub', inputs: [null, { dims: [2] }], error: 'bad-node: /Sub: needs two inputs' },
  { name: 'Where with the condition left out', op: 'Where', inputs: [null, { dims: [1] }, { dims: [1] }], error: 'bad-node: /Where: needs three inputs' },
  { name: 'Where with x left out', op: 'Where', inputs: [{ type: 'bool', dims: [1], values: [1] }, null, { dims: [1] }], error: 'bad-node: /Where: needs three inputs' },
  { name: 'Where with two inputs', op: 'Where', inputs: [{ type: 'bool', dims: [1], values: [1] }, { dims: [1] }], error: 'bad-node: /Where: needs three inputs' },
  { name: 'Relu with no input', op: 'Relu', inputs: [], error: 'bad-node: /Relu: no input' },
  { name: 'Cast with no input', op: 'Cast', inputs: [], attrs: { to: 1 }, error: 'bad-node: /Cast: no input' },
  { name: 'BatchNormalization with four inputs', op: 'BatchNormalization', inputs: [map, { dims: [3] }, { dims: [3] }, { dims: [3] }], error: 'bad-node: /BatchNormalization: needs five inputs' },
  ...[0, 1, 2, 3].map((gap): Refusal => ({
    name: `BatchNormalization with input ${gap} left out`, op: 'BatchNormalization', error: 'bad-node: /BatchNormalization: needs five inputs',
    inputs: [map, { dims: [3] }, { dims: [3] }, { dims: [3] }, { dims: [3] }].map((t, i) => (i === gap ? null : t)),
  })),
  { name: 'BatchNormalization (1, 3, 4, 5) with a variance of (2, 2)', op: 'BatchNormalization', inputs: [map, { dims: [3] }, { dims: [3] }, { dims: [3] }, { dims: [2, 2] }], error: 'bad-node: /BatchNormalization: 3 channels, parameters of (2, 2)' },
  { name: 'BatchNormalization (1, 3, 4, 5) with a mean of 2', op: 'BatchNormalization', inputs: [map, { dims: [3] }, { dims: [3] }, { dims: [2] }, { dims: [3] }], error: 'bad-node: /BatchNormalization: 3 channels, parameters of (2)' },
  { name: 'BatchNormalization (1, 3, 4, 5) with a scale of 4', op: 'BatchNormalization', inputs: [map, { dims: [4] }, { dims: [3] }, { dims: [3] }, { dims: [3] }], error: 'bad-node: /BatchNormalization: 3 channels, parameters of (4)' },
  { name: 'a domain op the engine does not run (Gelu)', op: 'Gelu', inputs: [{ dims: [2] }], error: 'unsupported-op: Gelu (/Gelu)' },
];

describe('elementwise refusals', () => {
  it.each(refusals.map((c) => [c.name, c] as const))('%s', (_, c) => refuse(c));
});

describe('elementwise helpers', () => {
  const node = { name: 'n', opType: 'Add', domain: '', inputs: [], outputs: [], attrs: new Map() };
  it('broadcastShape: right-aligned, 1s stretch, rank of the longest', () => {
    expect(broadcastShape(node, [[2, 1, 4], [3, 1], []])).toEqual([2, 3, 4]);
    expect(broadcastShape(node, [[1], [5, 1, 1]])).toEqual([5, 1, 1]);
    expect(() => broadcastShape(node, [[2], [3]])).toThrow('bad-node: n: shapes (2) and (3) do not broadcast');
  });
  it('clampInto: [lo, hi] with and without a lower bound of 0', () => {
    const src = Float32Array.of(-2, -0.5, 0, 0.5, 3, 9), out = new Float32Array(6);
    clampInto(src, out, 0, 6);
    expect(Array.from(out)).toEqual([0, 0, 0, 0.5, 3, 6]);
    clampInto(src, out, -1, 1);
    expect(Array.from(out)).toEqual([-1, -0.5, 0, 0.5, 1, 1]);
    clampInto(src, out, -Infinity, 0.25);
    expect(Array.from(out)).toEqual([-2, -0.5, 0, 0.25, 0.25, 0.25]);
  });
  it('batchNormAffine: a = scale / √(var + ε), b = B − mean·a', () => {
    const { a, b } = batchNormAffine([2, 1], [1, 0], [3, -1], [3, 0.25], 1);
    expect(Array.from(a)).toEqual([1, 1 / Math.sqrt(1.25)]);
    expect(Array.from(b)).toEqual([-2, 1 / Math.sqrt(1.25)]);
  });
});

describe('elementwise: types, layouts and shape-only inputs', () => {
  const node = (opType: string, attrs: [string, number][] = []) => ({ name: `/${opType}`, opType, domain: '', inputs: [], outputs: [], attrs: new Map(attrs) });
  const run = (opType: string, inputs: (Tensor | undefined)[], attrs: [string, number][] = []) => runNode(node(opType, attrs), inputs, 13);
  const values = (t: Tensor) => Array.from(logical(t).data!);
  const nchw = floatTensor([1, 2, 2, 3], Float32Array.from({ length: 12 }, (_, i) => i));
  const nhwc = toNhwc(nchw);

  it('an activation this file has no function for is refused by name (runNode refuses it first)', () => {
    let thrown: unknown;
    try {
      unaryOp(node('Gelu'), [nchw], 13);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ModelError);
    expect((thrown as ModelError).message).toBe('unsupported-op: Gelu (/Gelu)');
  });

  it('Clip takes a bound without values (a shape-only one) or an empty one as no bound', () => {
    const x = floatTensor([4], Float32Array.of(-3, -1, 2, 9));
    expect(values(run('Clip', [x, metaTensor('float', []), floatTensor([], Float32Array.of(1))]))).toEqual([-3, -1, 1, 1]);
    expect(values(run('Clip', [x, floatTensor([0], new Float32Array(0)), floatTensor([], Float32Array.of(1))]))).toEqual([-3, -1, 1, 1]);
  });

  it('arithmetic on an int and a float tensor is float, in either order; two ints stay int', () => {
    const i = intTensor([2], [3, -4]), f = floatTensor([2], Float32Array.of(0.5, 0.25));
    for (const [a, b] of [[i, f], [f, i]] as const) {
      const out = run('Add', [a, b]);
      expect([out.dtype, values(out)]).toEqual(['float', [3.5, -3.75]]);
    }
    expect(run('Div', [f, i]).dtype).toBe('float');
    expect(values(run('Div', [i, intTensor([2], [2, 3])]))).toEqual([1, -1]);
  });

  it('Where picks int values as int, and from an int and a float as float, in either order', () => {
    const c = intTensor([2], [1, 0]), i = intTensor([2], [5, 6]), f = floatTensor([2], Float32Array.of(7.5, 8.5));
    expect(run('Where', [c, i, i]).dtype).toBe('int');
    for (const [x, y, want] of [[i, f, [5, 8.5]], [f, i, [7.5, 6]]] as const) {
      const out = run('Where', [c, x, y]);
      expect([out.dtype, values(out)]).toEqual(['float', want]);
    }
  });

  it('a result keeps the layout of the first full-size input, or of an NHWC map when none is full size', () => {
    const perChannel = toNhwc(floatTensor([1, 2, 1, 1], Float32Array.of(1, 2)));
    expect(run('Add', [nhwc, nchw]).nhwc).toBe(true);
    expect(run('Add', [nchw, nhwc]).nhwc).toBe(false);
    expect(perChannel.nhwc).toBe(true);
    expect(run('Mul', [perChannel, nchw]).nhwc).toBe(false);
    expect(run('Mul', [perChannel, nhwc]).nhwc).toBe(true);
    // (1, 2) matches the result (1, 2, 2, 2) dimension for dimension from the left, but is not full size.
    expect(run('Add', [floatTensor([1, 2], Float32Array.of(1, 2)), toNhwc(floatTensor([1, 2, 2, 2], new Float32Array(8)))]).nhwc).toBe(true);
    const column = floatTensor([1, 2, 2, 1], Float32Array.of(1, 2, 3, 4)), row = floatTensor([1, 1, 1, 3], Float32Array.of(10, 20, 30));
    expect(run('Add', [toNhwc(column), row]).nhwc).toBe(true);
    expect(run('Add', [column, row]).nhwc).toBe(false);
    expect(values(run('Add', [toNhwc(column), row]))).toEqual(values(run('Add', [column, row])));
    // A 5-D result is row-major, whatever its inputs.
    expect(run('Add', [floatTensor([2, 1, 1, 1, 1], Float32Array.of(1, 2)), nhwc]).nhwc).toBe(false);
  });

  it('BatchNormalization with any input shape-only gives a shape-only map', () => {
    const params = () => [0, 1, 2, 3].map(() => floatTensor([2], Float32Array.of(1, 2)));
    expect(run('BatchNormalization', [metaTensor('float', [1, 2, 2, 3]), ...params()])).toMatchObject({ shape: [1, 2, 2, 3], data: null });
    for (let k = 0; k < 4; k++) {
      const inputs: Tensor[] = [nchw, ...params()];
      inputs[1 + k] = metaTensor('float', [2]);
      expect(run('BatchNormalization', inputs), `parameter ${k}`).toMatchObject({ shape: [1, 2, 2, 3], data: null });
    }
  });

  it('Cast to float16, float, double and bfloat16 (10, 1, 11, 16) gives floats; to int32, int64 and bool (6, 7, 9) ints', () => {
    const x = floatTensor([3], Float32Array.of(1.75, -1.75, 0));
    for (const to of [10, 1, 11, 16]) expect(run('Cast', [x], [['to', to]]).dtype, `to ${to}`).toBe('float');
    for (const to of [6, 7, 9]) expect(run('Cast', [x], [['to', to]]).dtype, `to ${to}`).toBe('int');
    expect(values(run('Cast', [x], [['to', 6]]))).toEqual([1, -1, 0]);
  });
});
