import onnxProto from 'onnx-proto';
import { describe, expect, it } from 'vitest';
import { decodeModel } from '../../../../src/engine/onnx/decode';
import { evaluate, inferShapes } from '../../../../src/engine/onnx/graph';
import { extractLayer, pointwiseLayers } from '../../../../src/engine/onnx/layers';
import { floatTensor, logical, metaTensor } from '../../../../src/engine/onnx/tensor';
import { mulberry32 } from '../../../../src/engine/core/random';
import { mobilenetLike, resnetLike, squeezenetLike, type TestModel } from '../../../fixtures/onnxBuilder';
import { ortRun, relativeError } from './reference';

function picture(size: number, seed: number): Float32Array {
  const rand = mulberry32(seed);
  return Float32Array.from({ length: 3 * size * size }, () => rand() * 4 - 2);
}

/** Every probe of `m` (the input of each 1×1 Conv and the final map), engine against onnxruntime. */
async function compare(m: TestModel): Promise<{ name: string; error: number }[]> {
  const x = picture(m.size, 7);
  const dims = [1, 3, m.size, m.size];
  const want = await ortRun(m.bytes, m.input, x, dims);
  const model = decodeModel(m.bytes);
  const got = await evaluate(model, floatTensor(dims, x), m.probes);
  return m.probes.map((name) => {
    const g = logical(got.get(name)!);
    expect(g.shape).toEqual([...want[name]!.dims]);
    return { name, error: relativeError(g.data!, want[name]!.data) };
  });
}

describe('the ONNX evaluator against onnxruntime', () => {
  it('runs a ResNet-like graph (bottlenecks, strided 1×1 downsamples, the Shape/Gather/Reshape flatten) to 1e-4', async () => {
    const m = resnetLike({ size: 64, width: 8, blocks: [2, 2] });
    const errors = await compare(m);
    expect(errors.length).toBeGreaterThanOrEqual(8);
    for (const e of errors) expect(e.error, e.name).toBeLessThan(1e-4);
  });

  it('runs a MobileNet-v2-like graph (ReLU6 as Clip, depthwise, residual Add) to 1e-4', async () => {
    const m = mobilenetLike({ size: 48, stages: [[1, 16, 1, 1], [6, 24, 2, 2], [6, 32, 2, 2]] });
    const errors = await compare(m);
    expect(errors.length).toBeGreaterThanOrEqual(9);
    for (const e of errors) expect(e.error, e.name).toBeLessThan(1e-4);
  });

  it('runs MobileNet v3 pieces (squeeze-excite on 1×1 maps, HardSigmoid, HardSwish) to 1e-4', async () => {
    const m = mobilenetLike({ size: 32, stages: [[4, 24, 2, 2]], se: true });
    for (const e of await compare(m)) expect(e.error, e.name).toBeLessThan(1e-4);
  });

  it('runs a SqueezeNet-like graph (Concat of 1×1 and 3×3 expands, ceil-mode pools, GoogLeNet input transform, Slice, padded strided 1×1) to 1e-4', async () => {
    const m = squeezenetLike({ size: 57 });
    const errors = await compare(m);
    expect(errors.length).toBeGreaterThanOrEqual(7);
    for (const e of errors) expect(e.error, e.name).toBeLessThan(1e-4);
  });
});

describe('pointwise layers of a model', () => {
  const m = resnetLike({ size: 64, width: 8, blocks: [2, 2] });
  const model = decodeModel(m.bytes);

  it('lists every 1×1 Conv with its channels, stride and the map size it sees', () => {
    const shapes = inferShapes(model, metaTensor('float', [1, 3, 64, 64]));
    const layers = pointwiseLayers(model, shapes);
    // Per bottleneck two 1×1 Convs, a downsample in each stage's first block, and the next stage's first 1×1.
    expect(layers).toHaveLength(2 * 4 + 2 + 1);
    expect(layers.at(-1)).toMatchObject({ node: '/next/conv1/Conv', inChannels: 64, outChannels: 32, height: 8, width: 8 });
    expect(layers[0]).toMatchObject({ inChannels: 8, outChannels: 8, stride: [1, 1], height: 16, width: 16, groups: 1 });
    const down = layers.filter((l) => l.stride[0] === 2);
    expect(down).toHaveLength(1);
    expect(down[0]).toMatchObject({ inChannels: 32, outChannels: 64, height: 16, width: 16, outHeight: 8, outWidth: 8 });
    // Stride 1: the map the layer covers is the map it reads.
    expect(layers.filter((l) => l.stride[0] === 1).every((l) => l.outHeight === l.height && l.outWidth === l.width)).toBe(true);
    expect(layers.slice(0, -1).every((l) => l.batchNorm)).toBe(true);
    // A different input size changes the sizes, not the list.
    const at128 = pointwiseLayers(model, inferShapes(model, metaTensor('float', [1, 3, 128, 128])));
    expect(at128[0]).toMatchObject({ height: 32, width: 32 });
  });

  it('extracts a layer whose 1×1 product is the Conv’s output, and with BN folded the BatchNormalization’s', async () => {
    const layer = pointwiseLayers(model).find((l) => l.stride[0] === 2)!;
    const conv = model.nodes.find((n) => n.name === layer.node)!;
    const bnOut = model.nodes.find((n) => n.name === layer.batchNorm)!.outputs[0]!;
    const x = picture(64, 3);
    const { [layer.input]: input } = Object.fromEntries(await evaluate(model, floatTensor([1, 3, 64, 64], x), [layer.input]));
    const ref = await ortRunWithOutputs(m, x, [conv.outputs[0]!, bnOut]);
    for (const [fold, target] of [[false, conv.outputs[0]!], [true, bnOut]] as const) {
      const l = extractLayer(model, layer, input!, fold);
      expect([l.height, l.width, l.inChannels, l.outChannels]).toEqual([8, 8, 32, 64]);
      // The listing said so before the layer was made (the page shows and checks that size).
      const listed = pointwiseLayers(model, inferShapes(model, metaTensor('float', [1, 3, 64, 64]))).find((x) => x.node === layer.node)!;
      expect([listed.outHeight, listed.outWidth]).toEqual([l.height, l.width]);
      expect(Boolean(l.fold)).toBe(fold);
      const want = ref[target]!.data; // NCHW
      const got = new Float64Array(want.length);
      for (let p = 0; p < 64; p++) for (let k = 0; k < 64; k++) {
        let s = l.bias[k]!;
        for (let i = 0; i < 32; i++) s += l.input[p * 32 + i]! * l.weights[k * 32 + i]!;
        got[k * 64 + p] = s;
      }
      expect(relativeError(got, want)).toBeLessThan(1e-5);
    }
  });
});

async function ortRunWithOutputs(m: TestModel, x: Float32Array, outputs: string[]) {
  const proto = onnxProto.onnx.ModelProto.decode(m.bytes);
  proto.graph!.output = outputs.map((name) => onnxProto.onnx.ValueInfoProto.create({ name, type: { tensorType: { elemType: 1 } } }));
  return ortRun(onnxProto.onnx.ModelProto.encode(proto).finish(), m.input, x, [1, 3, m.size, m.size]);
}

describe('ReduceMean as exporters write a global pool (and over channels)', () => {
  it('matches onnxruntime, keepdims or not, on the spatial axes and on the channel axis', async () => {
    const { ModelBuilder } = await import('../../../fixtures/onnxBuilder');
    const b = new ModelBuilder(12, 13);
    const y = b.relu(b.conv('input', 3, 8, { k: 3, pad: 1, bias: true }));
    const pooled = b.node('ReduceMean', [y], { axes: [2, 3], keepdims: 1 });
    const se = b.node('Mul', [y, b.node('Sigmoid', [b.conv(pooled, 8, 8, { bias: true })])]);
    const flat = b.node('ReduceMean', [se], { axes: [-1, -2], keepdims: 0 });
    const channels = b.node('ReduceMean', [se], { axes: [1], keepdims: 1 });
    const bytes = b.build({ name: 'input', dims: [1, 3, 9, 7] }, [se, flat, channels]);
    const x = picture(9, 5).subarray(0, 3 * 9 * 7);
    const want = await ortRun(bytes, 'input', x, [1, 3, 9, 7]);
    const got = await evaluate(decodeModel(bytes), floatTensor([1, 3, 9, 7], x), [se, flat, channels]);
    for (const name of [se, flat, channels]) {
      const g = logical(got.get(name)!);
      expect(g.shape).toEqual([...want[name]!.dims]);
      expect(relativeError(g.data!, want[name]!.data)).toBeLessThan(1e-5);
    }
  });
});

describe('a Keras model converted by tf2onnx (channels-last input)', () => {
  it('takes (1, H, W, 3) pictures through its Transpose, as onnxruntime does', async () => {
    const { ModelBuilder } = await import('../../../fixtures/onnxBuilder');
    const b = new ModelBuilder(9, 13);
    const t = b.node('Transpose', ['input'], { perm: [0, 3, 1, 2] });
    const y = b.relu(b.conv(t, 3, 8, { k: 3, pad: 1, bias: true }));
    const probe = b.conv(y, 8, 4, { bias: true });
    const bytes = b.build({ name: 'input', dims: ['N', 12, 10, 3] }, [y, probe]);
    const model = decodeModel(bytes);
    expect(model.input.channelsLast).toBe(true);
    const x = picture(12, 4).subarray(0, 12 * 10 * 3);
    const want = await ortRun(bytes, 'input', x, [1, 12, 10, 3]);
    const got = await evaluate(model, floatTensor([1, 12, 10, 3], x), [y, probe]);
    for (const name of [y, probe]) expect(relativeError(logical(got.get(name)!).data!, want[name]!.data)).toBeLessThan(1e-5);
  });
});

describe('operator sets and weight encodings', () => {
  it('runs a ResNet-like graph exported at opset 18 to 1e-4', async () => {
    const m = resnetLike({ size: 40, width: 8, blocks: [1, 1], opset: 18 });
    expect(decodeModel(m.bytes).opset).toBe(18);
    for (const e of await compare(m)) expect(e.error, e.name).toBeLessThan(1e-4);
  });

  it('reads float16, bfloat16 and float64 initializers, raw or in typed fields, as the same numbers', async () => {
    const { float16Bits } = await import('../../../../src/engine/io/npy');
    const m = resnetLike({ size: 32, width: 4, blocks: [1] });
    const proto = onnxProto.onnx.ModelProto.decode(m.bytes);
    const f32 = decodeModel(m.bytes);
    const encodings = [
      // float16 raw, float16 in int32_data, float64 raw, float64 in double_data, bfloat16 raw.
      (t: onnxProto.onnx.ITensorProto, v: Float32Array) => { const h = Uint16Array.from(v, float16Bits); Object.assign(t, { dataType: 10, rawData: new Uint8Array(h.buffer) }); },
      (t: onnxProto.onnx.ITensorProto, v: Float32Array) => { Object.assign(t, { dataType: 10, rawData: new Uint8Array(0), int32Data: Array.from(v, float16Bits) }); },
      (t: onnxProto.onnx.ITensorProto, v: Float32Array) => { Object.assign(t, { dataType: 11, rawData: new Uint8Array(Float64Array.from(v).buffer) }); },
      (t: onnxProto.onnx.ITensorProto, v: Float32Array) => { Object.assign(t, { dataType: 11, rawData: new Uint8Array(0), doubleData: Array.from(v) }); },
      (t: onnxProto.onnx.ITensorProto, v: Float32Array) => { const u = new Uint32Array(v.buffer.slice(0)); Object.assign(t, { dataType: 16, rawData: new Uint8Array(Uint16Array.from(u, (x) => x >>> 16).buffer) }); },
    ];
    const tolerance = [1e-3, 1e-3, 0, 0, 1e-2];
    for (const [e, encode] of encodings.entries()) {
      const copy = onnxProto.onnx.ModelProto.decode(m.bytes);
      for (const t of copy.graph!.initializer!) if (t.dataType === 1) encode(t, f32.initializers.get(t.name!)!.data as Float32Array);
      const model = decodeModel(onnxProto.onnx.ModelProto.encode(copy).finish());
      for (const [name, t] of f32.initializers) {
        if (t.dtype !== 'float') continue;
        const got = model.initializers.get(name)!;
        expect(got.dtype).toBe('float');
        // Each value as the encoding rounds it: exact for float64, to its precision for float16/bfloat16.
        expect(relativeError(got.data!, t.data!), `${name}, encoding ${e}`).toBeLessThanOrEqual(tolerance[e]!);
      }
    }
    expect(proto.graph!.initializer!.length).toBeGreaterThan(0);
  });
});
