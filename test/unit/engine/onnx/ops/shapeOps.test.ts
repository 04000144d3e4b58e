/** Shape and data-movement ops, each on its own against onnxruntime (opTable.ts runs every case NCHW, NHWC and shape-only). */
import { describe, expect, it } from 'vitest';
import { ModelError } from '../../../../../src/engine/onnx/errors';
import { runNode } from '../../../../../src/engine/onnx/ops';
import { floatTensor, intTensor, logical, metaTensor, toNhwc, type Tensor } from '../../../../../src/engine/onnx/tensor';
import { check, refuse, type In, type OpCase, type Refusal } from './opTable';

const map: In = { dims: [1, 3, 4, 5] };
const cube: In = { dims: [2, 3, 4] };
const ints = (...values: number[]): In => ({ type: 'int64', dims: [values.length], values });
const scalarInt = (v: number): In => ({ type: 'int64', dims: [], values: [v] });
const BIG = 2 ** 53 - 1;
/** Integers a float32 cannot hold (2²⁴ + 1 and its neighbours): int64 values must stay exact. */
const wideInts = (dims: number[]): In => ({ type: 'int64', dims, values: Array.from({ length: dims.reduce((a, b) => a * b, 1) }, (_, i) => 16777217 + 2 * i) });

const cases: OpCase[] = [
  { name: 'Shape of (1, 3, 4, 5)', op: 'Shape', inputs: [map], out: 'int64' },
  { name: 'Shape start 1 end 3 (opset 15)', op: 'Shape', inputs: [map], attrs: { start: 1, end: 3 }, out: 'int64', opset: 15 },
  { name: 'Shape start −2 (opset 15)', op: 'Shape', inputs: [map], attrs: { start: -2 }, out: 'int64', opset: 15 },
  { name: 'Shape end −1 (opset 15)', op: 'Shape', inputs: [map], attrs: { end: -1 }, out: 'int64', opset: 15 },
  { name: 'Shape start −9 end 9 clamp to the rank (opset 15)', op: 'Shape', inputs: [map], attrs: { start: -9, end: 9 }, out: 'int64', opset: 15 },
  { name: 'Shape start 3 end 1: empty (opset 15)', op: 'Shape', inputs: [map], attrs: { start: 3, end: 1 }, out: 'int64', opset: 15 },
  { name: 'Identity on (2, 3, 4)', op: 'Identity', inputs: [cube] },
  { name: 'Dropout on (1, 3, 4, 5) is the identity at inference', op: 'Dropout', inputs: [map] },
  { name: 'Constant value tensor (2, 2)', op: 'Constant', inputs: [], attrs: { value: { tensor: { dims: [2, 2], values: [1, -2, 3.5, 4] } } } },
  { name: 'Constant value int64 tensor (3)', op: 'Constant', inputs: [], attrs: { value: { tensor: { type: 'int64', dims: [3], values: [4, -1, 0] } } }, out: 'int64' },
  { name: 'Constant value_float 2.5', op: 'Constant', inputs: [], attrs: { value_float: { f: 2.5 } } },
  { name: 'Constant value_floats (1.5, −2)', op: 'Constant', inputs: [], attrs: { value_floats: { floats: [1.5, -2] } } },
  { name: 'Constant value_int 7', op: 'Constant', inputs: [], attrs: { value_int: 7 }, out: 'int64' },
  { name: 'Constant value_ints (3, −1, 2)', op: 'Constant', inputs: [], attrs: { value_ints: [3, -1, 2] }, out: 'int64' },
  { name: 'ConstantOfShape (2, 3) of float 0.5', op: 'ConstantOfShape', inputs: [ints(2, 3)], attrs: { value: { tensor: { dims: [1], values: [0.5] } } } },
  { name: 'ConstantOfShape (2, 2) of int64 7', op: 'ConstantOfShape', inputs: [ints(2, 2)], attrs: { value: { tensor: { type: 'int64', dims: [1], values: [7] } } }, out: 'int64' },
  { name: 'ConstantOfShape (2) of int64 2²⁴ + 1, exactly', op: 'ConstantOfShape', inputs: [ints(2)], attrs: { value: { tensor: { type: 'int64', dims: [1], values: [16777217] } } }, out: 'int64', tolerance: 0 },
  { name: 'ConstantOfShape (3) with no value: float zeros', op: 'ConstantOfShape', inputs: [ints(3)] },
  { name: 'ConstantOfShape (2, 0): empty', op: 'ConstantOfShape', inputs: [ints(2, 0)] },
  { name: 'Reshape (1, 3, 4, 5) to (3, −1)', op: 'Reshape', inputs: [map, ints(3, -1)] },
  { name: 'Reshape (1, 3, 4, 5) to (0, −1): 0 copies a dim', op: 'Reshape', inputs: [map, ints(0, -1)] },
  { name: 'Reshape (1, 3, 4, 5) to (0, 0, 20)', op: 'Reshape', inputs: [map, ints(0, 0, 20)] },
  { name: 'Reshape (2, 3, 4) to (−1, 12): the −1 first', op: 'Reshape', inputs: [cube, ints(-1, 12)] },
  { name: 'Reshape (2, 3, 4) to (4, 6)', op: 'Reshape', inputs: [cube, ints(4, 6)] },
  { name: 'Reshape (5, 0) to (0, 5) with allowzero 1: 0 is a zero (opset 14)', op: 'Reshape', inputs: [{ dims: [5, 0] }, ints(0, 5)], attrs: { allowzero: 1 }, opset: 14 },
  { name: 'Reshape (2, 0, 3) to (−1, 3): −1 of an empty tensor', op: 'Reshape', inputs: [{ dims: [2, 0, 3] }, ints(0, -1, 3)], opset: 14 },
  { name: 'Flatten (1, 3, 4, 5) default axis 1', op: 'Flatten', inputs: [map] },
  { name: 'Flatten (1, 3, 4, 5) axis 0', op: 'Flatten', inputs: [map], attrs: { axis: 0 } },
  { name: 'Flatten (1, 3, 4, 5) axis 2', op: 'Flatten', inputs: [map], attrs: { axis: 2 } },
  { name: 'Flatten (1, 3, 4, 5) axis −1', op: 'Flatten', inputs: [map], attrs: { axis: -1 } },
  { name: 'Flatten (1, 3, 4, 5) axis 4 (the rank)', op: 'Flatten', inputs: [map], attrs: { axis: 4 } },
  { name: 'Squeeze (1, 3, 1, 5) all 1s (opset 13, no axes)', op: 'Squeeze', inputs: [{ dims: [1, 3, 1, 5] }] },
  { name: 'Squeeze (1, 3, 1, 5) axes (2) input (opset 13)', op: 'Squeeze', inputs: [{ dims: [1, 3, 1, 5] }, ints(2)] },
  { name: 'Squeeze (1, 3, 1, 5) axes (−4) input (opset 13)', op: 'Squeeze', inputs: [{ dims: [1, 3, 1, 5] }, ints(-4)] },
  { name: 'Squeeze (1, 3, 1, 5) axes (0, 2) attribute (opset 11)', op: 'Squeeze', inputs: [{ dims: [1, 3, 1, 5] }], attrs: { axes: [0, 2] }, opset: 11 },
  { name: 'Squeeze (1, 3, 1, 5) axes (2) attribute (opset 11): the 1 in front stays', op: 'Squeeze', inputs: [{ dims: [1, 3, 1, 5] }], attrs: { axes: [2] }, opset: 11 },
  { name: 'Squeeze (1, 3, 1, 1) no axes (opset 11)', op: 'Squeeze', inputs: [{ dims: [1, 3, 1, 1] }], opset: 11 },
  { name: 'Unsqueeze (2, 3, 4) axes (0, 4) input (opset 13)', op: 'Unsqueeze', inputs: [cube, ints(0, 4)] },
  { name: 'Unsqueeze (2, 3, 4) axes (−1) input (opset 13)', op: 'Unsqueeze', inputs: [cube, ints(-1)] },
  { name: 'Unsqueeze () to (1) (opset 13)', op: 'Unsqueeze', inputs: [{ dims: [], values: [3] }, ints(0)] },
  { name: 'Unsqueeze (2, 3, 4) axes (1, −1) attribute (opset 11)', op: 'Unsqueeze', inputs: [cube], attrs: { axes: [1, -1] }, opset: 11 },
  { name: 'Concat axis 1 of (1, 3, 4, 5) and (1, 2, 4, 5)', op: 'Concat', inputs: [map, { dims: [1, 2, 4, 5] }], attrs: { axis: 1 } },
  { name: 'Concat axis 1 of three maps (1, 1, 2, 2), (1, 3, 2, 2), (1, 2, 2, 2)', op: 'Concat', inputs: [{ dims: [1, 1, 2, 2] }, { dims: [1, 3, 2, 2] }, { dims: [1, 2, 2, 2] }], attrs: { axis: 1 } },
  { name: 'Concat axis −1 of (1, 3, 4, 5) and (1, 3, 4, 2)', op: 'Concat', inputs: [map, { dims: [1, 3, 4, 2] }], attrs: { axis: -1 } },
  { name: 'Concat axis 2 of (1, 3, 4, 5) and (1, 3, 1, 5)', op: 'Concat', inputs: [map, { dims: [1, 3, 1, 5] }], attrs: { axis: 2 } },
  { name: 'Concat axis 0 of (2, 3, 4) and (1, 3, 4)', op: 'Concat', inputs: [cube, { dims: [1, 3, 4] }], attrs: { axis: 0 } },
  { name: 'Concat axis 1 of (2, 3) and (2, 0) and (2, 1): the empty one skipped', op: 'Concat', inputs: [{ dims: [2, 3] }, { dims: [2, 0] }, { dims: [2, 1] }], attrs: { axis: 1 } },
  { name: 'Concat axis 1 of (2, 3, 2, 2) and (2, 1, 2, 2): a batch of two', op: 'Concat', inputs: [{ dims: [2, 3, 2, 2] }, { dims: [2, 1, 2, 2] }], attrs: { axis: 1 } },
  { name: 'Concat axis 0 of int64 (2, 2) and (1, 2) beyond float32, exactly', op: 'Concat', inputs: [wideInts([2, 2]), { type: 'int64', dims: [1, 2], values: [-3, 4] }], attrs: { axis: 0 }, out: 'int64', tolerance: 0 },
  { name: 'Concat axis 0 of int64 (2) and int64 (1)', op: 'Concat', inputs: [ints(1, 2), ints(-1)], attrs: { axis: 0 }, out: 'int64' },
  { name: 'Gather axis 0 of (2, 3, 4) by a scalar 1', op: 'Gather', inputs: [cube, scalarInt(1)] },
  { name: 'Gather axis 1 of (2, 3, 4) by (2, 0)', op: 'Gather', inputs: [cube, ints(2, 0)], attrs: { axis: 1 } },
  { name: 'Gather axis −1 of (2, 3, 4) by (−1, −4, 3)', op: 'Gather', inputs: [cube, ints(-1, -4, 3)], attrs: { axis: -1 } },
  { name: 'Gather axis 0 of (2, 3, 4) by 2-D indices (2, 2)', op: 'Gather', inputs: [cube, { type: 'int64', dims: [2, 2], values: [1, 0, 0, -1] }] },
  { name: 'Gather axis 1 of (1, 3, 4, 5) by (1)', op: 'Gather', inputs: [map, ints(1)], attrs: { axis: 1 } },
  { name: 'Gather axis 1 of int64 (2, 3) beyond float32 by (2, 0), exactly', op: 'Gather', inputs: [wideInts([2, 3]), ints(2, 0)], attrs: { axis: 1 }, out: 'int64', tolerance: 0 },
  { name: 'Gather of int64 (4) by (3, −4)', op: 'Gather', inputs: [ints(5, 6, 7, 8), ints(3, -4)], out: 'int64' },
  { name: 'Slice (2, 3, 4) starts (1) ends (3) axes (2)', op: 'Slice', inputs: [cube, ints(1), ints(3), ints(2)] },
  { name: 'Slice (2, 3, 4) starts (−3) ends (big) on the first axes', op: 'Slice', inputs: [cube, ints(-3, -2), ints(BIG, BIG)] },
  { name: 'Slice (2, 3, 4) start 0 end −1 step 2 on axis −1', op: 'Slice', inputs: [cube, ints(0), ints(-1), ints(-1), ints(2)] },
  { name: 'Slice (2, 3, 4) reversed: start −1 end −big step −1 on axis 2', op: 'Slice', inputs: [cube, ints(-1), ints(-BIG), ints(2), ints(-1)] },
  { name: 'Slice (2, 3, 4) start 9 end 0 step −2 on axis 2', op: 'Slice', inputs: [cube, ints(9), ints(0), ints(2), ints(-2)] },
  { name: 'Slice (2, 3, 4) start −9 end 2 on axis 1', op: 'Slice', inputs: [cube, ints(-9), ints(2), ints(1)] },
  { name: 'Slice (2, 3, 4) start 5 end 9 on axis 2: past the end, empty', op: 'Slice', inputs: [cube, ints(5), ints(9), ints(2)] },
  { name: 'Slice (2, 3, 4) start 4 end 9 on axis 2: at the end, empty', op: 'Slice', inputs: [cube, ints(4), ints(9), ints(2)] },
  { name: 'Slice (2, 3, 4) start −1 end −4 step −1 on axis 1, inputs at opset 10', op: 'Slice', inputs: [cube, ints(-1), ints(-4), ints(1), ints(-1)], opset: 10 },
  { name: 'Slice (2, 3, 4) start 2 end 1: empty', op: 'Slice', inputs: [cube, ints(2), ints(1), ints(1)] },
  { name: 'Slice (1, 3, 4, 5) rows 1:3 and channels 0:2', op: 'Slice', inputs: [map, ints(1, 0), ints(3, 2), ints(2, 1)] },
  { name: 'Slice (2, 3, 4) starts (1) ends (3) axes (1) attributes (opset 9)', op: 'Slice', inputs: [cube], attrs: { starts: [1], ends: [3], axes: [1] }, opset: 9 },
  { name: 'Slice (2, 3, 4) starts (0, −2) ends (1, big) attributes, no axes (opset 9)', op: 'Slice', inputs: [cube], attrs: { starts: [0, -2], ends: [1, BIG] }, opset: 9 },
  { name: 'Transpose (2, 3, 4) default perm (reversed)', op: 'Transpose', inputs: [cube] },
  { name: 'Transpose (2, 3, 4) perm (1, 0, 2)', op: 'Transpose', inputs: [cube], attrs: { perm: [1, 0, 2] } },
  { name: 'Transpose (1, 3, 4, 5) perm (0, 2, 3, 1) to NHWC order', op: 'Transpose', inputs: [map], attrs: { perm: [0, 2, 3, 1] } },
  { name: 'Transpose int64 (2, 3) beyond float32, exactly', op: 'Transpose', inputs: [wideInts([2, 3])], out: 'int64', tolerance: 0 },
  { name: 'Transpose int64 (2, 2)', op: 'Transpose', inputs: [{ type: 'int64', dims: [2, 2], values: [1, 2, 3, 4] }], out: 'int64' },
  { name: 'Pad constant (1, 3, 4, 5) pads (0, 0, 1, 2, 0, 1, 2, 0) value 0.5 (opset 11)', op: 'Pad', inputs: [map, ints(0, 0, 1, 2, 0, 1, 2, 0), { dims: [], values: [0.5] }], opset: 11 },
  { name: 'Pad constant (2, 3) pads (1, 0, 0, 2) no value: zeros (opset 13)', op: 'Pad', inputs: [{ dims: [2, 3] }, ints(1, 0, 0, 2)] },
  { name: 'Pad constant (2, 3) negative pads (0, −1, 0, 0) crop (opset 13)', op: 'Pad', inputs: [{ dims: [2, 3] }, ints(0, -1, 0, 0)] },
  { name: 'Pad constant (2, 3) pads (0, −1, 0, −2): cropped to nothing (opset 13)', op: 'Pad', inputs: [{ dims: [2, 3] }, ints(0, -1, 0, -2)] },
  { name: 'Pad edge (1, 3, 4, 5) pads (0, 0, 2, 1, 0, 0, 1, 3)', op: 'Pad', inputs: [map, ints(0, 0, 2, 1, 0, 0, 1, 3)], attrs: { mode: 'edge' } },
  { name: 'Pad reflect (1, 3, 4, 5) pads (0, 0, 3, 1, 0, 0, 1, 4)', op: 'Pad', inputs: [map, ints(0, 0, 3, 1, 0, 0, 1, 4)], attrs: { mode: 'reflect' } },
  { name: 'Pad reflect (2, 3) pads (0, 2, 0, 2)', op: 'Pad', inputs: [{ dims: [2, 3] }, ints(0, 2, 0, 2)], attrs: { mode: 'reflect' } },
  { name: 'Pad edge (2, 1) pads (0, 2, 0, 1): one column', op: 'Pad', inputs: [{ dims: [2, 1] }, ints(0, 2, 0, 1)], attrs: { mode: 'edge' } },
  { name: 'Pad constant pads (1, 1) on axes (−1) input (opset 18)', op: 'Pad', inputs: [cube, ints(1, 2), { dims: [], values: [-1] }, ints(-1)], opset: 18 },
  { name: 'Pad constant (2, 3) pads attribute (1, 0, 0, 1) value 2.5 (opset 2)', op: 'Pad', inputs: [{ dims: [2, 3] }], attrs: { pads: [1, 0, 0, 1], value: { f: 2.5 } }, opset: 2 },
  { name: 'Pad reflect (2, 3) pads attribute (0, 1, 0, 1) (opset 2)', op: 'Pad', inputs: [{ dims: [2, 3] }], attrs: { pads: [0, 1, 0, 1], mode: 'reflect' }, opset: 2 },
];

describe('shape ops against onnxruntime', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => check(c));
});

const refusals: Refusal[] = [
  { name: 'Reshape (2, 3, 4) to (5, −1)', op: 'Reshape', inputs: [cube, ints(5, -1)], error: 'bad-node: /Reshape: cannot reshape (2, 3, 4) to (5, -1)' },
  { name: 'Reshape (2, 3, 4) to (5, 5)', op: 'Reshape', inputs: [cube, ints(5, 5)], error: 'bad-node: /Reshape: cannot reshape (2, 3, 4) to (5, 5)' },
  { name: 'Reshape (2, 3, 4) to (−2, −12)', op: 'Reshape', inputs: [cube, ints(-2, -12)], error: 'bad-node: /Reshape: cannot reshape (2, 3, 4) to (-2, -12)' },
  { name: 'Reshape (2, 3, 4) to (0, 0) with allowzero 1', op: 'Reshape', inputs: [cube, ints(0, 0)], attrs: { allowzero: 1 }, opset: 14, error: 'bad-node: /Reshape: cannot reshape (2, 3, 4) to (0, 0)' },
  { name: 'Reshape (5, 0) to (0, 5) without allowzero: 0 copies the 5', op: 'Reshape', inputs: [{ dims: [5, 0] }, ints(0, 5)], opset: 14, error: 'bad-node: /Reshape: cannot reshape (5, 0) to (0, 5)' },
  { name: 'Reshape with no shape input', op: 'Reshape', inputs: [cube], error: 'not-constant: /Reshape: shape' },
  { name: 'Reshape with no input', op: 'Reshape', inputs: [], error: 'bad-node: /Reshape: no input' },
  { name: 'Squeeze (1, 3, 1, 5) axes (1): not a 1', op: 'Squeeze', inputs: [{ dims: [1, 3, 1, 5] }, ints(1)], error: 'bad-node: /Squeeze: squeezes a dimension that is not 1' },
  { name: 'Squeeze (1, 3, 1, 5) axes (0, 1): one of them not a 1', op: 'Squeeze', inputs: [{ dims: [1, 3, 1, 5] }, ints(0, 1)], error: 'bad-node: /Squeeze: squeezes a dimension that is not 1' },
  { name: 'Squeeze (1, 3) axes (2): beyond the rank', op: 'Squeeze', inputs: [{ dims: [1, 3] }, ints(2)], error: 'bad-node: /Squeeze: axis 2 of a rank-2 tensor' },
  { name: 'Squeeze (1, 3) axes (−3)', op: 'Squeeze', inputs: [{ dims: [1, 3] }, ints(-3)], error: 'bad-node: /Squeeze: axis -3 of a rank-2 tensor' },
  { name: 'Unsqueeze (2, 3) axes (3): beyond the new rank 3', op: 'Unsqueeze', inputs: [{ dims: [2, 3] }, ints(3)], error: 'bad-node: /Unsqueeze: axis 3 of a rank-3 tensor' },
  { name: 'Concat axis 1 of (1, 3, 4, 5) and (1, 2, 4, 4)', op: 'Concat', inputs: [map, { dims: [1, 2, 4, 4] }], attrs: { axis: 1 }, error: 'bad-node: /Concat: cannot join (1, 3, 4, 5), (1, 2, 4, 4) along axis 1' },
  { name: 'Concat of ranks 3 and 2', op: 'Concat', inputs: [cube, { dims: [2, 3] }], attrs: { axis: 0 }, error: 'bad-node: /Concat: cannot join (2, 3, 4), (2, 3) along axis 0' },
  { name: 'Concat axis 3 of rank-3 tensors', op: 'Concat', inputs: [cube, cube], attrs: { axis: 3 }, error: 'bad-node: /Concat: axis 3 of a rank-3 tensor' },
  { name: 'Concat axis −4 of rank-3 tensors', op: 'Concat', inputs: [cube, cube], attrs: { axis: -4 }, error: 'bad-node: /Concat: axis -4 of a rank-3 tensor' },
  { name: 'Gather (2, 3, 4) axis 1 index 3: one past the end', op: 'Gather', inputs: [cube, ints(3)], attrs: { axis: 1 }, error: 'bad-node: /Gather: an index beyond 3' },
  { name: 'Gather (2, 3, 4) axis 1 index −4: one before the start', op: 'Gather', inputs: [cube, ints(-4)], attrs: { axis: 1 }, error: 'bad-node: /Gather: an index beyond 3' },
  { name: 'Gather (2, 3, 4) axis 1 indices (0, 3): the second one past the end', op: 'Gather', inputs: [cube, ints(0, 3)], attrs: { axis: 1 }, error: 'bad-node: /Gather: an index beyond 3' },
  { name: 'Gather axis 3 of a rank-3 tensor', op: 'Gather', inputs: [cube, ints(0)], attrs: { axis: 3 }, error: 'bad-node: /Gather: axis 3 of a rank-3 tensor' },
  { name: 'Gather with no indices', op: 'Gather', inputs: [cube], error: 'bad-node: /Gather: no indices' },
  { name: 'Slice step 0', op: 'Slice', inputs: [cube, ints(0), ints(2), ints(0), ints(0)], error: 'bad-node: /Slice: a step of 0' },
  { name: 'Slice axis 3 of a rank-3 tensor', op: 'Slice', inputs: [cube, ints(0), ints(1), ints(3)], error: 'bad-node: /Slice: axis 3 of a rank-3 tensor' },
  { name: 'Pad reflect (2, 3) pads (0, 3, 0, 0): as wide as the axis', op: 'Pad', inputs: [{ dims: [2, 3] }, ints(0, 3, 0, 0)], attrs: { mode: 'reflect' }, error: 'bad-node: /Pad: pad mode reflect with these pads' },
  { name: 'Pad reflect (2, 3) pads (0, 0, 0, 3) after the axis', op: 'Pad', inputs: [{ dims: [2, 3] }, ints(0, 0, 0, 3)], attrs: { mode: 'reflect' }, error: 'bad-node: /Pad: pad mode reflect with these pads' },
  { name: 'Pad reflect (1, 3) pads (0, 0, 1, 0) on an axis of 1', op: 'Pad', inputs: [{ dims: [1, 3] }, ints(0, 0, 1, 0)], attrs: { mode: 'reflect' }, error: 'bad-node: /Pad: pad mode reflect with these pads' },
  { name: 'Pad (2, 3) pads (0, −2, 0, −2): a crop past nothing', op: 'Pad', inputs: [{ dims: [2, 3] }, ints(0, -2, 0, -2)], error: 'bad-dims: /Pad: (2, -1)' },
  { name: 'Pad (2, 3) pads (0, 0, 0, 2⁵³): beyond exact integers', op: 'Pad', inputs: [{ dims: [2, 3] }, ints(0, 0, 0, 2 ** 53)], error: /^bad-dims: \/Pad: \(2, 900719925474099\d\)$/ },
  { name: 'Pad (2, 3) pads (0, 0, 0, 10⁹): too large, checked before any index list', op: 'Pad', inputs: [{ dims: [2, 3] }, ints(0, 0, 0, 1e9)], error: 'tensor-too-large: /Pad: (2, 1000000003)' },
  { name: 'Pad wrap mode', op: 'Pad', inputs: [{ dims: [2, 3] }, ints(0, 1, 0, 0)], attrs: { mode: 'wrap' }, error: 'bad-node: /Pad: pad mode wrap with these pads' },
  { name: 'ConstantOfShape (2, −1)', op: 'ConstantOfShape', inputs: [ints(2, -1)], error: 'bad-dims: /ConstantOfShape: (2, -1)' },
  { name: 'Constant with no value', op: 'Constant', inputs: [], error: 'bad-node: /Constant: a Constant with no value this engine reads' },
  { name: 'Flatten with no input', op: 'Flatten', inputs: [], error: 'bad-node: /Flatten: no input' },
  { name: 'Shape with no input', op: 'Shape', inputs: [], error: 'bad-node: /Shape: no input' },
  { name: 'Transpose with no input', op: 'Transpose', inputs: [], error: 'bad-node: /Transpose: no input' },
  { name: 'Identity with no input', op: 'Identity', inputs: [], error: 'bad-node: /Identity: no input' },
];

describe('shape op refusals', () => {
  it.each(refusals.map((c) => [c.name, c] as const))('%s', (_, c) => refuse(c));
});

describe('shape ops: layouts and shape-only passes', () => {
  const node = (opType: string, attrs: [string, number | number[]][] = []) => ({ name: `/${opType}`, opType, domain: '', inputs: [], outputs: [], attrs: new Map(attrs) });
  const nchw = floatTensor([1, 2, 2, 3], Float32Array.from({ length: 12 }, (_, i) => i));
  it('Concat on channels keeps an NHWC map NHWC, mixing an NCHW one in pixel by pixel', () => {
    const other = floatTensor([1, 1, 2, 3], Float32Array.from({ length: 6 }, (_, i) => 100 + i));
    const out = runNode(node('Concat', [['axis', 1]]), [toNhwc(nchw), other], 13);
    expect(out.nhwc).toBe(true);
    expect(Array.from(logical(out).data!)).toEqual([...Array.from({ length: 12 }, (_, i) => i), 100, 101, 102, 103, 104, 105]);
    expect(runNode(node('Concat', [['axis', 2]]), [toNhwc(nchw), toNhwc(nchw)], 13).nhwc).toBe(false);
  });
  it('Concat with only empty inputs gives the first', () => {
    const empty = floatTensor([0, 3], new Float32Array(0));
    expect(runNode(node('Concat'), [empty, empty], 13)).toBe(empty);
  });
  it('a shape-only pass keeps the dtype and marks channel Concats of NHWC maps NHWC', () => {
    const meta = metaTensor('float', [1, 2, 2, 3], true);
    expect(runNode(node('Concat', [['axis', 1]]), [meta, nchw], 13)).toEqual(metaTensor('float', [1, 4, 2, 3], true));
    expect(runNode(node('Concat', [['axis', 0]]), [metaTensor('int', [2]), intTensor([1], [5])], 13)).toEqual(metaTensor('int', [3]));
    expect(runNode(node('Gather', [['axis', 0]]), [metaTensor('int', [4]), intTensor([2], [0, 1])], 13)).toEqual(metaTensor('int', [2]));
    expect(runNode(node('Transpose', [['perm', [1, 0]]]), [metaTensor('int', [2, 3])], 13)).toEqual(metaTensor('int', [3, 2]));
  });
  it('reads shapes from constants only: a shape input without values is refused', () => {
    expect(() => runNode(node('Reshape'), [nchw, metaTensor('int', [2])], 13)).toThrow(ModelError);
  });
});

describe('shape ops: inputs that are not constants, and nodes missing what they usually have', () => {
  const node = (opType: string, attrs: [string, number | number[]][] = []) => ({ name: `/${opType}`, opType, domain: '', inputs: [], outputs: [], attrs: new Map(attrs) });
  const x = floatTensor([1, 3, 1, 2], Float32Array.of(1, 2, 3, 4, 5, 6));
  const unknown = metaTensor('int', [1]), one = intTensor([1], [1]);
  const refusal = (opType: string, inputs: (Tensor | undefined)[], opset: number): string => {
    try {
      runNode(node(opType), inputs, opset);
    } catch (e) {
      return e instanceof ModelError ? e.message : String(e);
    }
    return 'no refusal';
  };
  it('names the input it needs the values of', () => {
    expect(refusal('Squeeze', [x, unknown], 13)).toBe('not-constant: /Squeeze: axes');
    expect(refusal('ConstantOfShape', [unknown], 13)).toBe('not-constant: /ConstantOfShape: shape');
    expect(refusal('Gather', [x, unknown], 13)).toBe('not-constant: /Gather: indices');
    expect(refusal('Slice', [x, unknown, one], 13)).toBe('not-constant: /Slice: starts');
    expect(refusal('Slice', [x, one, one, one, unknown], 13)).toBe('not-constant: /Slice: steps');
    expect(refusal('Pad', [x, metaTensor('int', [8])], 13)).toBe('not-constant: /Pad: pads');
    expect(refusal('Pad', [x, intTensor([2], [1, 1]), undefined, unknown], 18)).toBe('not-constant: /Pad: axes');
  });
  it('leaves a tensor as it is when a Slice, Pad or Unsqueeze names nothing to do', () => {
    const same = (t: Tensor) => [t.shape, Array.from(logical(t).data!)];
    expect(same(runNode(node('Slice'), [x], 13))).toEqual(same(x));
    expect(same(runNode(node('Pad'), [x], 2))).toEqual(same(x));
    expect(same(runNode(node('Unsqueeze'), [x], 13))).toEqual(same(x));
    // Before opset 18 a fourth input is not axes: the pads cover every axis.
    expect(runNode(node('Pad'), [x, intTensor([8], [0, 0, 0, 1, 0, 0, 0, 0]), undefined, unknown], 13).shape).toEqual([1, 3, 1, 3]);
  });
  it('Reshape of an empty (2, 0, 3) to (2, 0, −1): the −1 is 0 (not 0 / 0)', () => {
    expect(runNode(node('Reshape'), [floatTensor([2, 0, 3], new Float32Array(0)), intTensor([3], [2, 0, -1])], 13).shape).toEqual([2, 0, 0]);
  });
  it('Concat skips an input left out, and joins an int and a float tensor as float', () => {
    const a = intTensor([2], [1, 2]), b = floatTensor([1], Float32Array.of(0.5));
    const out = runNode(node('Concat', [['axis', 0]]), [a, undefined, b], 13);
    expect([out.dtype, Array.from(out.data!)]).toEqual(['float', [1, 2, 0.5]]);
  });
});
