import fc from 'fast-check';
import onnxProto from 'onnx-proto';
import { describe, expect, it } from 'vitest';
import { decodeModel } from '../../../../src/engine/onnx/decode';
import { ModelError } from '../../../../src/engine/onnx/errors';
import { evaluate } from '../../../../src/engine/onnx/graph';
import { floatTensor } from '../../../../src/engine/onnx/tensor';
import { ModelBuilder, resnetLike } from '../../../fixtures/onnxBuilder';

const { onnx } = onnxProto;

/** A small valid model: Conv 1×1 → Relu → Conv 1×1. */
function small(edit?: (m: onnxProto.onnx.ModelProto) => void): Uint8Array {
  const b = new ModelBuilder(5);
  const y = b.conv(b.relu(b.conv('input', 3, 4, { name: 'first' })), 4, 2, { name: 'second' });
  const bytes = b.build({ name: 'input', dims: [1, 3, 4, 4] }, [y]);
  if (!edit) return bytes;
  const m = onnx.ModelProto.decode(bytes);
  edit(m);
  return onnx.ModelProto.encode(m).finish();
}

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ModelError) return e.code;
    throw e;
  }
  return 'accepted';
}

describe('hostile .onnx files', () => {
  it('reads the valid one', () => {
    expect(decodeModel(small()).nodes.map((n) => n.opType)).toEqual(['Conv', 'Relu', 'Conv']);
  });

  it('refuses bytes that are not a model', () => {
    expect(refusal(() => decodeModel(new TextEncoder().encode('\x93NUMPY this is an .npy file, not a model')))).toMatch(/not-onnx|truncated/);
    expect(refusal(() => decodeModel(new Uint8Array(0)))).toBe('not-onnx');
    // A PNG's signature and header.
    expect(refusal(() => decodeModel(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])))).toMatch(/not-onnx|truncated/);
  });

  it('refuses a truncated file', () => {
    const bytes = resnetLike({ size: 32, width: 4, blocks: [1] }).bytes;
    expect(refusal(() => decodeModel(bytes.subarray(0, Math.floor(bytes.length * 0.6))))).toBe('truncated');
  });

  it('refuses a cycle, naming a node on it', () => {
    const code = refusal(() => decodeModel(small((m) => { m.graph!.node![0]!.input![0] = m.graph!.node![2]!.output![0]!; })));
    expect(code).toBe('cycle');
  });

  it('refuses a node reading a tensor nothing makes (a missing initializer)', () => {
    const bytes = small((m) => { m.graph!.initializer = m.graph!.initializer!.filter((t) => t.name !== 'second.weight'); });
    expect(() => decodeModel(bytes)).toThrow(/missing-input: second reads second.weight/);
  });

  it('refuses an initializer whose bytes disagree with its dims', () => {
    const bytes = small((m) => { m.graph!.initializer![0]!.dims = [4, 3, 1, 2]; });
    expect(() => decodeModel(bytes)).toThrow(/initializer-size: first.weight: \(4, 3, 1, 2\) needs 24 values, the file has 12/);
  });

  it('refuses dims claiming a gigabyte before allocating anything', () => {
    const bytes = small((m) => { m.graph!.initializer![0]!.dims = [1024, 1024, 256, 1]; });
    expect(refusal(() => decodeModel(bytes))).toBe('tensor-too-large');
    expect(refusal(() => decodeModel(small((m) => { m.graph!.initializer![0]!.dims = [-4, 3, 1, 1]; })))).toBe('bad-dims');
  });

  it('refuses weights stored outside the file, quantised models and control flow', () => {
    expect(refusal(() => decodeModel(small((m) => { m.graph!.initializer![0]!.dataLocation = 1; m.graph!.initializer![0]!.externalData = [{ key: 'location', value: 'w.bin' }]; })))).toBe('external-data');
    expect(refusal(() => decodeModel(small((m) => { m.graph!.node![1]!.opType = 'QuantizeLinear'; })))).toBe('quantized');
    expect(refusal(() => decodeModel(small((m) => { m.graph!.initializer![0]!.dataType = 3; m.graph!.initializer![0]!.rawData = new Uint8Array(12); })))).toBe('quantized');
    expect(refusal(() => decodeModel(small((m) => { m.graph!.node![1]!.opType = 'Loop'; })))).toBe('control-flow');
  });

  it('refuses a model without a 4-D image input', () => {
    const bytes = small((m) => { m.graph!.input![0]!.type!.tensorType!.shape!.dim = [{ dimValue: 1 }, { dimValue: 48 }]; });
    expect(() => decodeModel(bytes)).toThrow(/no-image-input: input \(1, 48\)/);
  });

  it('names an unsupported op on the path, and runs what does not need it', async () => {
    const model = decodeModel(small((m) => { m.graph!.node![1]!.opType = 'Gelu'; }));
    const x = floatTensor([1, 3, 4, 4], new Float32Array(48).fill(1));
    await expect(evaluate(model, x, [model.nodes[2]!.inputs[0]!])).rejects.toThrow(/unsupported-op: Gelu \(\/Relu_0\)/);
    const first = await evaluate(model, x, [model.nodes[0]!.outputs[0]!]);
    expect(first.values().next().value!.shape).toEqual([1, 4, 4, 4]);
  });

  it('never throws anything but a ModelError on random or cut files (property)', () => {
    const valid = small();
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
      refusal(() => decodeModel(bytes));
    }), { numRuns: 300 });
    fc.assert(fc.property(fc.integer({ min: 0, max: valid.length }), fc.integer({ min: 0, max: valid.length - 1 }), fc.integer({ min: 0, max: 255 }), (cut, at, value) => {
      const bytes = valid.slice(0, cut);
      if (at < bytes.length) bytes[at] = value;
      refusal(() => decodeModel(bytes));
    }), { numRuns: 300 });
  });
});
