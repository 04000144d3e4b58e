/**
 * Listing a model's 1×1 layers (issue #27): a hostile shape is refused before it is allocated
 * and the layers behind it say why they are not reached; weights behind an Identity count; an
 * op of another domain is named with its domain.
 */
import onnxProto from 'onnx-proto';
import { describe, expect, it } from 'vitest';
import { runModelLayers, runModelOpen } from '../../../src/worker/modelJobs';
import { ModelBuilder } from '../../fixtures/onnxBuilder';

const { onnx } = onnxProto;

function open(bytes: Uint8Array, key: string) {
  // A copy that owns its buffer (protobufjs gives a Node Buffer, whose slice() is a view into a pool).
  const r = runModelOpen({ bytes: Uint8Array.from(bytes).buffer, key }, () => {});
  expect(r.status).toBe('read');
  return runModelLayers({ key, height: 8, width: 8 }).layers;
}

describe('runModelLayers(model) on hostile and unusual models', () => {
  it('an integer ConstantOfShape asking for 2·10⁹ values is refused at once, and the 1×1 layer behind it says which node failed and why', () => {
    const b = new ModelBuilder(3);
    const first = b.conv('input', 3, 4, { name: 'first' });
    const huge = b.node('ConstantOfShape', [b.ints('huge.shape', [2_000_000_000])], { value: { tensor: { dims: [1], ints: [0] } } }, 'huge');
    const joined = b.node('Add', [first, b.node('Cast', [huge], { to: 1 })], {}, 'join');
    const after = b.conv(joined, 4, 2, { name: 'after' });
    const started = performance.now();
    const layers = open(b.build({ name: 'input', dims: [1, 3, 8, 8] }, [after]), 'hostile');
    expect(performance.now() - started).toBeLessThan(5000);
    expect(layers.map((l) => l.node)).toEqual(['first', 'after']);
    expect(layers[0]!.height).toBe(8);
    expect(layers[0]!.failedAt).toBeUndefined();
    expect(layers[1]!.height).toBeUndefined();
    expect(layers[1]!.failedAt).toEqual({ node: 'huge', code: 'tensor-too-large', detail: 'huge: (2000000000)' });
  });

  it('a Conv with no weight input on the way says so (bad-node), instead of a bare "not reached"', () => {
    const b = new ModelBuilder(4);
    const first = b.conv('input', 3, 4, { name: 'first' });
    const broken = b.node('Conv', [first, ''], { kernel_shape: [3, 3] }, 'broken');
    const after = b.conv(broken, 4, 2, { name: 'after' });
    const layers = open(b.build({ name: 'input', dims: [1, 3, 8, 8] }, [after]), 'noweight');
    const failed = layers.find((l) => l.node === 'after')!.failedAt;
    expect(failed?.node).toBe('broken');
    expect(failed?.code).toBe('bad-node');
  });

  it('lists a 1×1 Conv whose weight reaches it through an Identity (as exporters write shared weights)', () => {
    const b = new ModelBuilder(5);
    const w = b.init('shared.weight', [4, 3, 1, 1]);
    const viaIdentity = b.node('Identity', [w], {}, 'shared.weight.copy');
    const y = b.node('Conv', ['input', viaIdentity], { kernel_shape: [1, 1] }, 'through-identity');
    const layers = open(b.build({ name: 'input', dims: [1, 3, 8, 8] }, [y]), 'identity');
    expect(layers.map((l) => [l.node, l.inChannels, l.outChannels, l.height])).toEqual([['through-identity', 3, 4, 8]]);
  });

  it('gives each layer the map its outputs cover, by the Conv’s own shape rule (stride, pads, auto_pad), so the page computes no sizes', () => {
    const b = new ModelBuilder(7);
    const strided = b.conv('input', 3, 4, { name: 'strided', stride: 2 });
    const same = b.node('Conv', [strided, b.init('same.weight', [2, 4, 1, 1])], { kernel_shape: [1, 1], strides: [3, 3], auto_pad: 'SAME_UPPER' }, 'same');
    const r = runModelOpen({ bytes: Uint8Array.from(b.build({ name: 'input', dims: [1, 3, 'h', 'w'] }, [same])).buffer, key: 'strides' }, () => {});
    expect(r.status).toBe('read');
    const layers = runModelLayers({ key: 'strides', height: 7, width: 11 }).layers;
    // 7×11 at stride 2 → 4×6; then SAME_UPPER at stride 3 → ⌈4/3⌉×⌈6/3⌉ = 2×2.
    expect(layers.map((l) => [l.node, l.height, l.width, l.outHeight, l.outWidth])).toEqual([['strided', 7, 11, 4, 6], ['same', 4, 6, 2, 2]]);
  });

  it('names an op of another domain with its domain: "com.microsoft.Relu", not "Relu"', () => {
    const b = new ModelBuilder(6);
    const act = b.relu(b.conv('input', 3, 4, { name: 'first' }));
    const after = b.conv(act, 4, 2, { name: 'after' });
    const m = onnx.ModelProto.decode(b.build({ name: 'input', dims: [1, 3, 8, 8] }, [after]));
    const relu = m.graph!.node!.find((n) => n.opType === 'Relu')!;
    relu.domain = 'com.microsoft';
    m.opsetImport!.push({ domain: 'com.microsoft', version: 1 });
    const layers = open(onnx.ModelProto.encode(m).finish(), 'msrelu');
    expect(layers.find((l) => l.node === 'after')!.blockedBy).toBe(`com.microsoft.Relu (${relu.name})`);
  });
});
