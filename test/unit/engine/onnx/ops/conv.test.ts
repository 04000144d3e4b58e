/** Conv on its own against onnxruntime: every path (GEMM on the map, im2col, Winograd, grouped, depthwise), with its refusals. */
import { describe, expect, it } from 'vitest';
import { convLayer, convRows } from '../../../../../src/engine/onnx/ops/conv';
import { mulberry32 } from '../../../../../src/engine/core/random';
import { runNode } from '../../../../../src/engine/onnx/ops';
import { floatTensor, metaTensor } from '../../../../../src/engine/onnx/tensor';
import { check, refuse, type In, type OpCase, type Refusal } from './opTable';

const x = (c: number, h: number, w: number): In => ({ dims: [1, c, h, w] });
const weights = (cout: number, cinG: number, kh: number, kw = kh): In => ({ dims: [cout, cinG, kh, kw] });
const bias = (cout: number): In => ({ dims: [cout] });
const conv = (name: string, inputs: (In | null)[], attrs: OpCase['attrs'] = {}): OpCase => ({ name, op: 'Conv', inputs, attrs, tolerance: 1e-5 });

const cases: OpCase[] = [
  conv('1×1 on (1, 8, 5, 6) → 4 (the GEMM on the map)', [x(8, 5, 6), weights(4, 8, 1)]),
  conv('1×1 on (1, 8, 5, 6) → 4 with bias', [x(8, 5, 6), weights(4, 8, 1), bias(4)]),
  conv('1×1 s2 on (1, 8, 5, 6) → 4 with bias (im2col)', [x(8, 5, 6), weights(4, 8, 1), bias(4)], { strides: [2, 2] }),
  conv('1×1 p1 on (1, 3, 4, 4) → 2 (padded)', [x(3, 4, 4), weights(2, 3, 1)], { pads: [1, 1, 1, 1] }),
  conv('1×1 p(0, 1, 0, 0) on (1, 3, 4, 4) → 2 (one pad)', [x(3, 4, 4), weights(2, 3, 1)], { pads: [0, 1, 0, 0] }),
  conv('1×1 p(0, 0, 1, 0) on (1, 3, 4, 4) → 2', [x(3, 4, 4), weights(2, 3, 1)], { pads: [0, 0, 1, 0] }),
  conv('1×1 p(0, 0, 0, 1) on (1, 3, 4, 4) → 2', [x(3, 4, 4), weights(2, 3, 1)], { pads: [0, 0, 0, 1] }),
  conv('1×1 p(1, 1, 0, 0) on (1, 3, 4, 4) → 2 (pads at the start only)', [x(3, 4, 4), weights(2, 3, 1)], { pads: [1, 1, 0, 0] }),
  conv('1×1 p(0, 0, 1, 1) on (1, 3, 4, 4) → 2 (pads at the end only)', [x(3, 4, 4), weights(2, 3, 1)], { pads: [0, 0, 1, 1] }),
  conv('1×3 on (1, 3, 4, 6) → 2 (a row kernel: not the GEMM on the map)', [x(3, 4, 6), weights(2, 3, 1, 3)]),
  conv('3×1 on (1, 3, 6, 4) → 2 (a column kernel)', [x(3, 6, 4), weights(2, 3, 3, 1)]),
  conv('1×1 s(1, 2) on (1, 3, 4, 6) → 2', [x(3, 4, 6), weights(2, 3, 1)], { strides: [1, 2] }),
  conv('1×1 s(2, 1) on (1, 3, 4, 6) → 2', [x(3, 4, 6), weights(2, 3, 1)], { strides: [2, 1] }),
  conv('3×3 p1 on (1, 4, 6, 7) → 5 with bias (Winograd)', [x(4, 6, 7), weights(5, 4, 3), bias(5)], { pads: [1, 1, 1, 1], kernel_shape: [3, 3] }),
  conv('3×3 on (1, 4, 6, 7) → 5 (Winograd, no pads)', [x(4, 6, 7), weights(5, 4, 3)]),
  conv('3×3 s2 p1 on (1, 3, 9, 9) → 4 (im2col)', [x(3, 9, 9), weights(4, 3, 3), bias(4)], { strides: [2, 2], pads: [1, 1, 1, 1] }),
  conv('3×3 d2 p2 on (1, 3, 9, 9) → 4 (dilated)', [x(3, 9, 9), weights(4, 3, 3)], { dilations: [2, 2], pads: [2, 2, 2, 2] }),
  conv('3×2 s(1, 2) p(1, 0, 1, 1) on (1, 6, 7, 8) → 3', [x(6, 7, 8), weights(3, 6, 3, 2)], { strides: [1, 2], pads: [1, 0, 1, 1] }),
  conv('5×5 p2 on (1, 8, 6, 6) → 3 (runs of 40 values copied)', [x(8, 6, 6), weights(3, 8, 5)], { pads: [2, 2, 2, 2], strides: [2, 2] }),
  conv('3×3 s2 on (1, 20, 5, 5) → 2 (runs of 60 values)', [x(20, 5, 5), weights(2, 20, 3)], { strides: [2, 2] }),
  conv('3×3 auto_pad SAME_UPPER s2 on (1, 3, 6, 7) → 2', [x(3, 6, 7), weights(2, 3, 3)], { auto_pad: 'SAME_UPPER', strides: [2, 2] }),
  conv('2×2 auto_pad SAME_LOWER on (1, 3, 5, 5) → 2', [x(3, 5, 5), weights(2, 3, 2)], { auto_pad: 'SAME_LOWER' }),
  conv('3×3 auto_pad VALID on (1, 3, 5, 5) → 2', [x(3, 5, 5), weights(2, 3, 3)], { auto_pad: 'VALID' }),
  conv('3×3 s2 p1 on (1, 64, 6, 20) → 3: one output row per chunk', [x(64, 6, 20), weights(3, 64, 3), bias(3)], { strides: [1, 1], pads: [1, 1, 1, 1], dilations: [1, 2] }),
  conv('3×3 d(1, 2) p1 on (1, 96, 4, 24) → 2: one window row is more than a chunk', [x(96, 4, 24), weights(2, 96, 3), bias(2)], { pads: [1, 1, 1, 1], dilations: [1, 2] }),
  conv('3×3 d(1, 2) p(0, 0, 1, 1) on (1, 64, 5, 20) → 3: pads only after, a row a chunk (stale columns must be zeroed)', [x(64, 5, 20), weights(3, 64, 3)], { pads: [0, 0, 1, 1], dilations: [1, 2] }),
  conv('3×3 group 2 p1 on (1, 4, 5, 6) → 6 with bias', [x(4, 5, 6), weights(6, 2, 3), bias(6)], { group: 2, pads: [1, 1, 1, 1] }),
  conv('1×1 group 2 on (1, 4, 5, 6) → 4', [x(4, 5, 6), weights(4, 2, 1)], { group: 2 }),
  conv('3×3 group 2 s2 on (1, 40, 7, 7) → 4: 20 channels a group, pads', [x(40, 7, 7), weights(4, 20, 3), bias(4)], { group: 2, strides: [2, 2], pads: [1, 1, 1, 1] }),
  conv('3×3 group 2 p1 on (1, 128, 4, 20) → 4: several chunks of a group', [x(128, 4, 20), weights(4, 64, 3)], { group: 2, pads: [1, 1, 1, 1] }),
  conv('3×3 depthwise (group 4) p1 on (1, 4, 5, 6) with bias', [x(4, 5, 6), weights(4, 1, 3), bias(4)], { group: 4, pads: [1, 1, 1, 1] }),
  conv('3×3 depthwise (group 3) s2 on (1, 3, 7, 7) → 6 (multiplier 2)', [x(3, 7, 7), weights(6, 1, 3)], { group: 3, strides: [2, 2] }),
];

describe('Conv against onnxruntime', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => check(c));
});

const refusals: Refusal[] = [
  { name: 'no input', op: 'Conv', inputs: [], error: 'bad-node: /Conv: no input' },
  { name: 'no weights', op: 'Conv', inputs: [x(3, 4, 4)], error: 'bad-node: /Conv: no weights' },
  { name: 'a 3-D input (1, 3, 4)', op: 'Conv', inputs: [{ dims: [1, 3, 4] }, weights(2, 3, 1)], error: 'bad-node: /Conv: only 2-D convolutions (4-D tensors) are supported' },
  { name: '3-D weights (2, 3, 1)', op: 'Conv', inputs: [x(3, 4, 4), { dims: [2, 3, 1] }], error: 'bad-node: /Conv: only 2-D convolutions (4-D tensors) are supported' },
  { name: 'kernel_shape (3, 3) for 1×1 weights', op: 'Conv', inputs: [x(3, 4, 4), weights(2, 3, 1)], attrs: { kernel_shape: [3, 3] }, error: 'bad-node: /Conv: kernel_shape disagrees with the weights' },
  { name: 'kernel_shape (3, 1) for 1×1 weights', op: 'Conv', inputs: [x(3, 4, 4), weights(2, 3, 1)], attrs: { kernel_shape: [3, 1] }, error: 'bad-node: /Conv: kernel_shape disagrees with the weights' },
  { name: 'kernel_shape (1, 3) for 1×1 weights', op: 'Conv', inputs: [x(3, 4, 4), weights(2, 3, 1)], attrs: { kernel_shape: [1, 3] }, error: 'bad-node: /Conv: kernel_shape disagrees with the weights' },
  { name: 'group 2 with 3 input channels', op: 'Conv', inputs: [x(3, 4, 4), weights(2, 1, 1)], attrs: { group: 2 }, error: 'bad-node: /Conv: weights (2, 1, 1, 1) with group 2 do not fit 3 input channels' },
  { name: 'group 2 with 3 filters', op: 'Conv', inputs: [x(4, 4, 4), weights(3, 2, 1)], attrs: { group: 2 }, error: 'bad-node: /Conv: weights (3, 2, 1, 1) with group 2 do not fit 4 input channels' },
  { name: 'group 0', op: 'Conv', inputs: [x(4, 4, 4), weights(2, 4, 1)], attrs: { group: 0 }, error: 'bad-node: /Conv: weights (2, 4, 1, 1) with group 0 do not fit 4 input channels' },
  { name: 'group −1 on a map of no channels (the only case the channel counts let through)', op: 'Conv', inputs: [x(0, 4, 4), weights(2, 0, 1)], attrs: { group: -1 }, error: 'bad-node: /Conv: weights (2, 0, 1, 1) with group -1 do not fit 0 input channels' },
  { name: 'weights for 3 channels on 4', op: 'Conv', inputs: [x(4, 4, 4), weights(2, 3, 1)], error: 'bad-node: /Conv: weights (2, 3, 1, 1) with group 1 do not fit 4 input channels' },
  { name: 'a bias of 3 for 2 filters', op: 'Conv', inputs: [x(3, 4, 4), weights(2, 3, 1), bias(3)], error: 'bad-node: /Conv: bias (3) for 2 filters' },
  { name: 'a 2-D bias (1, 2) for 2 filters', op: 'Conv', inputs: [x(3, 4, 4), weights(2, 3, 1), { dims: [1, 2] }], error: 'bad-node: /Conv: bias (1, 2) for 2 filters' },
  { name: 'a 2-D bias (2, 1) for 2 filters: 2 first, but not 1-D', op: 'Conv', inputs: [x(3, 4, 4), weights(2, 3, 1), { dims: [2, 1] }], error: 'bad-node: /Conv: bias (2, 1) for 2 filters' },
  { name: 'a batch of 2', op: 'Conv', inputs: [{ dims: [2, 3, 4, 4] }, weights(2, 3, 1)], error: 'bad-node: /Conv: a batch of 2 (the engine runs one picture)' },
  { name: 'a 5×5 kernel on a 4×4 map', op: 'Conv', inputs: [x(3, 4, 4), weights(2, 3, 5)], error: 'bad-node: /Conv: a 5×5 window does not fit a 4×4 map' },
];

describe('Conv refusals', () => {
  it.each(refusals.map((c) => [c.name, c] as const))('%s', (_, c) => refuse(c));
});

describe('convLayer and shape-only Convs', () => {
  const node = (attrs: [string, number | number[]][] = []) => ({ name: '/c', opType: 'Conv', domain: '', inputs: [], outputs: [], attrs: new Map(attrs) });
  it('describes the layer: geometry, groups, channels; weights without values give none', () => {
    const { layer, weights, bias } = convLayer(node([['group', 2], ['strides', [2, 1]]]), metaTensor('float', [1, 4, 6, 5]), metaTensor('float', [6, 2, 3, 3]), undefined);
    expect(layer).toMatchObject({ groups: 2, inChannels: 4, outChannels: 6, geometry: { oh: 2, ow: 3, kh: 3, kw: 3, sy: 2, sx: 1 } });
    expect([weights, bias]).toEqual([null, undefined]);
  });
  it('convRows with a fused clamp (ReLU, ReLU6, any [lo, hi]) equals the plain convolution clamped, on every path, by bands', () => {
    const rand = mulberry32(5);
    const fill = (n: number) => Float32Array.from({ length: n }, () => rand() * 4 - 2);
    const paths: [string, [string, number | number[]][], number, number, number][] = [
      ['1×1 GEMM', [], 1, 6, 1], ['3×3 Winograd', [['pads', [1, 1, 1, 1]]], 3, 6, 1], ['3×3 s2 im2col', [['strides', [2, 2]], ['pads', [1, 1, 1, 1]]], 3, 6, 1],
      ['grouped', [['group', 2], ['pads', [1, 1, 1, 1]]], 3, 6, 2], ['depthwise', [['group', 6], ['pads', [1, 1, 1, 1]]], 3, 6, 6],
    ];
    for (const [what, attrs, k, cout, groups] of paths) {
      const x = metaTensor('float', [1, 6, 5, 7]);
      const w = fill(cout * (6 / groups) * k * k), bias = fill(cout), input = fill(5 * 7 * 6);
      const { layer } = convLayer(node(attrs), x, metaTensor('float', [cout, 6 / groups, k, k]), undefined);
      const size = layer.geometry.oh * layer.geometry.ow * cout;
      const plain = new Float32Array(size);
      convRows(input, { ...layer, weights: w, bias }, plain, 0, layer.geometry.oh);
      for (const [lo, hi] of [[0, Infinity], [0, 0.5], [-0.5, 0.75], [-Infinity, 0.25], [-1, Infinity]] as const) {
        const fused = new Float32Array(size);
        // Two bands, so a band's clamp covers just its rows.
        const mid = Math.floor(layer.geometry.oh / 2), row = layer.geometry.ow * cout;
        convRows(input, { ...layer, weights: w, bias, lo, hi }, fused.subarray(0, mid * row), 0, mid);
        convRows(input, { ...layer, weights: w, bias, lo, hi }, fused.subarray(mid * row), mid, layer.geometry.oh);
        const want = plain.map((v) => Math.min(hi, Math.max(lo, v)));
        fused.forEach((v, i) => expect(Math.abs(v - want[i]!), `${what} [${lo}, ${hi}] at ${i}`).toBeLessThan(1e-5));
      }
    }
  });
  it('a shape-only pass gives an NHWC map of the output shape, a batch included', () => {
    expect(runNode(node([['pads', [1, 1, 1, 1]]]), [metaTensor('float', [2, 3, 5, 5]), metaTensor('float', [4, 3, 3, 3])], 13)).toEqual(metaTensor('float', [2, 4, 5, 5], true));
    // Either input without values is enough (the layer list runs the map shape-only with the model's weights).
    const w = floatTensor([4, 3, 1, 1], new Float32Array(12).fill(1));
    expect(runNode(node(), [metaTensor('float', [1, 3, 5, 5]), w], 13)).toEqual(metaTensor('float', [1, 4, 5, 5], true));
    expect(runNode(node(), [floatTensor([1, 3, 2, 2], new Float32Array(12)), metaTensor('float', [4, 3, 1, 1])], 13)).toEqual(metaTensor('float', [1, 4, 2, 2], true));
  });
});
