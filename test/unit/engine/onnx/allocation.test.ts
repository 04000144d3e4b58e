/**
 * Every tensor the evaluator makes is sized before it is allocated (issue #27): a 13 KB model
 * whose integer ConstantOfShape asks for ~2·10⁹ values took ≈ 8 GB and 28 s to list. Each op
 * that makes a shape from values (not from an input it already holds) is run with hostile
 * numbers and must refuse at once with 'tensor-too-large', in a full pass and a shape-only one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ModelError } from '../../../../src/engine/onnx/errors';
import type { AttrValue, OnnxNode } from '../../../../src/engine/onnx/model';
import { runNode } from '../../../../src/engine/onnx/ops';
import { floatTensor, intTensor, MAX_TENSOR_VALUES, metaTensor, type Tensor } from '../../../../src/engine/onnx/tensor';

const node = (opType: string, attrs: Record<string, AttrValue> = {}): OnnxNode => ({
  name: `${opType}_hostile`, opType, domain: '', inputs: [], outputs: ['y'], attrs: new Map(Object.entries(attrs)),
});

/** What running `f` did: the ModelError's code, or 'made N values', and how long it took. */
function outcome(f: () => Tensor): { result: string; ms: number } {
  const start = performance.now();
  let result: string;
  try {
    const t = f();
    result = `made ${t.shape.reduce((a, b) => a * b, 1)} values`;
  } catch (e) {
    if (!(e instanceof ModelError)) throw e;
    result = e.code;
  }
  return { result, ms: performance.now() - start };
}

/** Dims whose product is past the evaluator's limit (up to ~10¹²), 1 to 4 of them. */
const hugeDims = fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 4 })
  .filter((d) => d.reduce((a, b) => a * b, 1) > MAX_TENSOR_VALUES);

const valueTensor = (dtype: 'float' | 'int', v: number): Tensor =>
  dtype === 'float' ? floatTensor([1], Float32Array.of(v)) : intTensor([1], [v]);

describe('ops that size their output from values refuse hostile sizes before allocating', () => {
  it('ConstantOfShape, float and integer, refuses any shape past the limit at once', () => {
    fc.assert(fc.property(hugeDims, fc.constantFrom('float', 'int'), (dims, dtype) => {
      const { result, ms } = outcome(() => runNode(node('ConstantOfShape', { value: valueTensor(dtype as 'float' | 'int', 7) }), [intTensor([dims.length], dims)], 13));
      expect(result).toBe('tensor-too-large');
      expect(ms).toBeLessThan(50);
    }), { numRuns: 60 });
  });

  it('ConstantOfShape just inside the limit is made, and holds the value (the check is not off by one the wrong way)', () => {
    const r = runNode(node('ConstantOfShape', { value: valueTensor('int', 3) }), [intTensor([2], [1024, 1024])], 13);
    expect(r.shape).toEqual([1024, 1024]);
    expect(r.data![1024 * 1024 - 1]).toBe(3);
    expect(outcome(() => runNode(node('ConstantOfShape', { value: valueTensor('int', 3) }), [intTensor([1], [MAX_TENSOR_VALUES + 1])], 13)).result).toBe('tensor-too-large');
  });

  it('Pad with hostile pads refuses at once, in a full pass and a shape-only pass, before building its index lists', () => {
    fc.assert(fc.property(fc.integer({ min: MAX_TENSOR_VALUES, max: 2 ** 40 }), fc.boolean(), fc.constantFrom('float', 'int'), (p, meta, dtype) => {
      const x = meta ? metaTensor(dtype as 'float' | 'int', [1, 2]) : dtype === 'float' ? floatTensor([1, 2], Float32Array.of(1, 2)) : intTensor([1, 2], [1, 2]);
      const { result, ms } = outcome(() => runNode(node('Pad'), [x, intTensor([4], [0, 0, 0, p])], 13));
      expect(result).toBe('tensor-too-large');
      expect(ms).toBeLessThan(50);
    }), { numRuns: 40 });
  });

  it('Pad whose pads make a negative size refuses it (bad-dims)', () => {
    expect(outcome(() => runNode(node('Pad'), [floatTensor([1, 2], Float32Array.of(1, 2)), intTensor([4], [0, 0, 0, -5])], 13)).result).toBe('bad-dims');
  });

  it('broadcasting two small tensors to a huge one (Add, Mul, Equal, Where) refuses at once, float and integer', () => {
    fc.assert(fc.property(fc.integer({ min: 8_193, max: 60_000 }), fc.constantFrom('Add', 'Mul', 'Equal'), fc.constantFrom('float', 'int'), (n, op, dtype) => {
      const column = (len: number, shape: number[]) => (dtype === 'float' ? floatTensor(shape, new Float32Array(len)) : intTensor(shape, new Array<number>(len).fill(1)));
      const { result, ms } = outcome(() => runNode(node(op), [column(n, [n, 1]), column(n, [1, n])], 13));
      expect(result).toBe('tensor-too-large');
      expect(ms).toBeLessThan(50);
    }), { numRuns: 30 });
  });

  it('the same broadcast within the limit is made (64×64 from 64×1 and 1×64)', () => {
    const r = runNode(node('Add'), [intTensor([64, 1], Array.from({ length: 64 }, (_, i) => i)), intTensor([1, 64], new Array<number>(64).fill(100))], 13);
    expect(r.shape).toEqual([64, 64]);
    expect(r.data![63 * 64 + 5]).toBe(163);
  });
});
