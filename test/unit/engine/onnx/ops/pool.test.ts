/** Pools and ReduceMean, each on its own against onnxruntime (opTable.ts runs every case NCHW, NHWC and shape-only). */
import { describe, expect, it } from 'vitest';
import { runNode } from '../../../../../src/engine/onnx/ops';
import { ModelError } from '../../../../../src/engine/onnx/errors';
import { metaTensor } from '../../../../../src/engine/onnx/tensor';
import { check, refuse, type In, type OpCase, type Refusal } from './opTable';

const map: In = { dims: [1, 3, 7, 7] };
const wide: In = { dims: [1, 2, 5, 8] };
const ints = (...values: number[]): In => ({ type: 'int64', dims: [values.length], values });

const pools: OpCase[] = ['MaxPool', 'AveragePool'].flatMap((op): OpCase[] => [
  { name: `${op} 3×3 s1 on (1, 3, 7, 7)`, op, inputs: [map], attrs: { kernel_shape: [3, 3] } },
  { name: `${op} 3×3 s2 p1 on (1, 3, 7, 7)`, op, inputs: [map], attrs: { kernel_shape: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1] } },
  { name: `${op} 2×2 s2 on (1, 2, 5, 8)`, op, inputs: [wide], attrs: { kernel_shape: [2, 2], strides: [2, 2] } },
  { name: `${op} 3×3 s2 ceil_mode on (1, 3, 7, 7)`, op, inputs: [map], attrs: { kernel_shape: [3, 3], strides: [2, 2], ceil_mode: 1 } },
  { name: `${op} 2×2 s2 ceil_mode on (1, 2, 5, 8)`, op, inputs: [wide], attrs: { kernel_shape: [2, 2], strides: [2, 2], ceil_mode: 1 } },
  { name: `${op} 3×3 s2 p1 ceil_mode on (1, 3, 7, 7): the last window starts in the pad`, op, inputs: [map], attrs: { kernel_shape: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1], ceil_mode: 1 } },
  { name: `${op} 3×2 s(1, 3) p(0, 1, 2, 0) on (1, 2, 5, 8)`, op, inputs: [wide], attrs: { kernel_shape: [3, 2], strides: [1, 3], pads: [0, 1, 2, 0] } },
  { name: `${op} 3×3 auto_pad SAME_UPPER s2 on (1, 2, 5, 8)`, op, inputs: [wide], attrs: { kernel_shape: [3, 3], strides: [2, 2], auto_pad: 'SAME_UPPER' } },
  { name: `${op} 2×2 auto_pad SAME_LOWER s1 on (1, 2, 5, 8)`, op, inputs: [wide], attrs: { kernel_shape: [2, 2], auto_pad: 'SAME_LOWER' } },
  { name: `${op} 4×4 auto_pad SAME_UPPER s1 on (1, 2, 5, 8)`, op, inputs: [wide], attrs: { kernel_shape: [4, 4], auto_pad: 'SAME_UPPER' } },
  { name: `${op} 3×3 auto_pad VALID (pads ignored) on (1, 3, 7, 7)`, op, inputs: [map], attrs: { kernel_shape: [3, 3], auto_pad: 'VALID', pads: [1, 1, 1, 1] } },
  { name: `${op} 7×7 global-sized on (1, 3, 7, 7)`, op, inputs: [map], attrs: { kernel_shape: [7, 7] } },
]);

const more: OpCase[] = [
  { name: 'MaxPool 2×2 dilations 2 on (1, 3, 7, 7)', op: 'MaxPool', inputs: [map], attrs: { kernel_shape: [2, 2], dilations: [2, 2] }, opset: 12 },
  { name: 'MaxPool 3×3 p1 on all-negative values (the pad is not a 0)', op: 'MaxPool', inputs: [{ dims: [1, 1, 3, 3], values: [-1, -2, -3, -4, -5, -6, -7, -8, -9] }], attrs: { kernel_shape: [3, 3], pads: [1, 1, 1, 1] } },
  { name: 'AveragePool 3×3 p1 count_include_pad 1 on (1, 3, 7, 7)', op: 'AveragePool', inputs: [map], attrs: { kernel_shape: [3, 3], pads: [1, 1, 1, 1], count_include_pad: 1 } },
  { name: 'AveragePool 3×3 s2 p(1, 2, 2, 1) count_include_pad 1 on (1, 2, 5, 8)', op: 'AveragePool', inputs: [wide], attrs: { kernel_shape: [3, 3], strides: [2, 2], pads: [1, 2, 2, 1], count_include_pad: 1 } },
  { name: 'AveragePool 3×3 s2 p1 ceil_mode count_include_pad 1 on (1, 3, 7, 7)', op: 'AveragePool', inputs: [map], attrs: { kernel_shape: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1], ceil_mode: 1, count_include_pad: 1 } },
  { name: 'AveragePool 3×3 s2 p1 ceil_mode count_include_pad 1 on (1, 2, 5, 8): the last column of windows clipped to the pad', op: 'AveragePool', inputs: [wide], attrs: { kernel_shape: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1], ceil_mode: 1, count_include_pad: 1 } },
  { name: 'AveragePool 2×2 s2 ceil_mode count_include_pad 1 on (1, 2, 5, 8)', op: 'AveragePool', inputs: [wide], attrs: { kernel_shape: [2, 2], strides: [2, 2], ceil_mode: 1, count_include_pad: 1 } },
  { name: 'AveragePool 3×3 dilations 2 p2 count_include_pad 1 on (1, 3, 7, 7) (opset 19)', op: 'AveragePool', inputs: [map], attrs: { kernel_shape: [3, 3], dilations: [2, 2], pads: [2, 2, 2, 2], count_include_pad: 1 }, opset: 19 },
  { name: 'AveragePool 3×3 dilations 2 p1 on (1, 3, 7, 7) (opset 19)', op: 'AveragePool', inputs: [map], attrs: { kernel_shape: [3, 3], dilations: [2, 2], pads: [1, 1, 1, 1] }, opset: 19 },
  { name: 'GlobalAveragePool on (1, 3, 7, 7)', op: 'GlobalAveragePool', inputs: [map] },
  { name: 'GlobalMaxPool on (1, 3, 7, 7)', op: 'GlobalMaxPool', inputs: [map] },
  { name: 'GlobalMaxPool on all-negative (1, 2, 2, 2)', op: 'GlobalMaxPool', inputs: [{ dims: [1, 2, 2, 2], values: [-5, -1, -3, -2, -8, -7, -6, -9] }] },
  { name: 'GlobalMaxPool on (1, 3, 2, 2) with each channel largest at its last pixel', op: 'GlobalMaxPool', inputs: [{ dims: [1, 3, 2, 2], values: [1, 2, 3, 4, -4, -3, -2, -1, 0.5, 0.25, 0.75, 1.5] }] },
  { name: 'GlobalAveragePool on (1, 2, 5, 8)', op: 'GlobalAveragePool', inputs: [wide] },
  { name: 'ReduceMean axes (2, 3) keepdims on (1, 3, 7, 7): the global pool', op: 'ReduceMean', inputs: [map], attrs: { axes: [2, 3] } },
  { name: 'ReduceMean axes (3, 2) keepdims 0 on (1, 2, 5, 8)', op: 'ReduceMean', inputs: [wide], attrs: { axes: [3, 2], keepdims: 0 } },
  { name: 'ReduceMean axes (−1, −2) on (1, 2, 5, 8)', op: 'ReduceMean', inputs: [wide], attrs: { axes: [-1, -2] } },
  { name: 'ReduceMean axes (1) on (1, 2, 5, 8)', op: 'ReduceMean', inputs: [wide], attrs: { axes: [1] } },
  { name: 'ReduceMean axes (1) keepdims 0 on (1, 3, 7, 7)', op: 'ReduceMean', inputs: [map], attrs: { axes: [1], keepdims: 0 } },
  { name: 'ReduceMean axes (0, 2) on (2, 3, 4)', op: 'ReduceMean', inputs: [{ dims: [2, 3, 4] }], attrs: { axes: [0, 2] } },
  { name: 'ReduceMean no axes (all) keepdims 0 on (2, 3, 4)', op: 'ReduceMean', inputs: [{ dims: [2, 3, 4] }], attrs: { keepdims: 0 } },
  { name: 'ReduceMean no axes (all) on (2, 3)', op: 'ReduceMean', inputs: [{ dims: [2, 3] }] },
  { name: 'ReduceMean axes (2, 3) input (opset 18) on (1, 3, 7, 7)', op: 'ReduceMean', inputs: [map, ints(2, 3)], opset: 18 },
  { name: 'ReduceMean axes (−1) input keepdims 0 (opset 18) on (2, 3, 4)', op: 'ReduceMean', inputs: [{ dims: [2, 3, 4] }, ints(-1)], attrs: { keepdims: 0 }, opset: 18 },
  { name: 'ReduceMean no axes input (opset 18) on (2, 3)', op: 'ReduceMean', inputs: [{ dims: [2, 3] }], opset: 18 },
];

describe('pools against onnxruntime', () => {
  it.each([...pools, ...more].map((c) => [c.name, { ...c, tolerance: 1e-6 }] as const))('%s', async (_, c) => check(c));
});

const refusals: Refusal[] = [
  { name: 'MaxPool on a 3-D (1, 3, 7)', op: 'MaxPool', inputs: [{ dims: [1, 3, 7] }], attrs: { kernel_shape: [3] }, error: 'bad-node: /MaxPool: pools take a 4-D map' },
  { name: 'AveragePool with no input', op: 'AveragePool', inputs: [], attrs: { kernel_shape: [3, 3] }, error: 'bad-node: /AveragePool: pools take a 4-D map' },
  { name: 'MaxPool on a batch of 2', op: 'MaxPool', inputs: [{ dims: [2, 1, 3, 3] }], attrs: { kernel_shape: [2, 2] }, error: 'bad-node: /MaxPool: a batch of 2 (the engine runs one picture)' },
  { name: 'GlobalAveragePool on a batch of 2', op: 'GlobalAveragePool', inputs: [{ dims: [2, 1, 3, 3] }], error: 'bad-node: /GlobalAveragePool: a batch of 2 (the engine runs one picture)' },
  { name: 'GlobalMaxPool on a 2-D (3, 3)', op: 'GlobalMaxPool', inputs: [{ dims: [3, 3] }], error: 'bad-node: /GlobalMaxPool: pools take a 4-D map' },
  { name: 'MaxPool with no kernel_shape', op: 'MaxPool', inputs: [map], error: 'bad-node: /MaxPool: no kernel_shape' },
  { name: 'MaxPool 3-D kernel (1, 3, 3)', op: 'MaxPool', inputs: [map], attrs: { kernel_shape: [1, 3, 3] }, error: 'bad-node: /MaxPool: only 2-D windows are supported (kernel (1, 3, 3))' },
  { name: 'MaxPool 8×8 on (1, 3, 7, 7): does not fit', op: 'MaxPool', inputs: [map], attrs: { kernel_shape: [8, 8] }, error: 'bad-node: /MaxPool: a 8×8 window does not fit a 7×7 map' },
  { name: 'MaxPool stride 0', op: 'MaxPool', inputs: [map], attrs: { kernel_shape: [2, 2], strides: [0, 1] }, error: 'bad-node: /MaxPool: kernel, strides and dilations must be ≥ 1' },
  { name: 'MaxPool pad −1', op: 'MaxPool', inputs: [map], attrs: { kernel_shape: [2, 2], pads: [0, -1, 0, 0] }, error: 'bad-node: /MaxPool: pads must be ≥ 0' },
  { name: 'ReduceMean with no input', op: 'ReduceMean', inputs: [], error: 'bad-node: /ReduceMean: no input' },
];

describe('pool refusals', () => {
  it.each(refusals.map((c) => [c.name, c] as const))('%s', (_, c) => refuse(c));
});

describe('pools in a shape-only pass', () => {
  const node = (opType: string, attrs: [string, number | number[]][] = []) => ({ name: `/${opType}`, opType, domain: '', inputs: [], outputs: [], attrs: new Map(attrs) });
  it('ReduceMean names an axes input it cannot read (opset 18)', () => {
    expect(() => runNode(node('ReduceMean'), [metaTensor('float', [1, 2, 3, 3]), metaTensor('int', [2])], 18)).toThrow(new ModelError('not-constant', '/ReduceMean: axes'));
  });
  it('give NHWC maps of the output shape; a batch is allowed without data', () => {
    expect(runNode(node('MaxPool', [['kernel_shape', [3, 3]], ['strides', [2, 2]]]), [metaTensor('float', [2, 4, 9, 9])], 13)).toEqual(metaTensor('float', [2, 4, 4, 4], true));
    expect(runNode(node('GlobalMaxPool'), [metaTensor('float', [2, 4, 9, 9])], 13)).toEqual(metaTensor('float', [2, 4, 1, 1], true));
    expect(runNode(node('ReduceMean', [['axes', [1]], ['keepdims', 0]]), [metaTensor('float', [1, 4, 9, 9])], 13)).toEqual(metaTensor('float', [1, 9, 9]));
    expect(runNode(node('ReduceMean', [['axes', [2, 3]], ['keepdims', 0]]), [metaTensor('float', [1, 4, 9, 9])], 13)).toEqual({ ...metaTensor('float', [1, 4]), nhwc: false });
  });
});
