/**
 * One runner for the op tables: a case is one ONNX node with constant inputs, built as a
 * one-node model, run by the engine (`runNode` on the decoded node, the real attribute and
 * initializer reading) and by onnxruntime-web, which must agree. Each case also runs in a
 * shape-only pass (float inputs without data: the same output shape) and, where it has 4-D
 * float inputs, with them in NHWC layout (all, and each alone), which must not change a value.
 *
 * onnxruntime's answers are kept on disk (the OS temp folder), keyed by its version and the
 * model's bytes: a mutation-testing run re-runs a case hundreds of times, and onnxruntime's
 * answer for the same model cannot change (a session costs more than the engine's run).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';
import { expect } from 'vitest';
import { decodeModel } from '../../../../../src/engine/onnx/decode';
import { ModelError } from '../../../../../src/engine/onnx/errors';
import { runNode } from '../../../../../src/engine/onnx/ops';
import { logical, metaTensor, toNhwc, type Tensor } from '../../../../../src/engine/onnx/tensor';
import { mulberry32 } from '../../../../../src/engine/core/random';

const { onnx } = onnxProto;

/** TensorProto data types. */
const TYPES = { float: 1, int64: 7, bool: 9, double: 11 } as const;
type TypeName = keyof typeof TYPES;

/** A constant input: its type (float by default), dims, and values (seeded ones in [−3, 3) when left out). */
export interface In {
  readonly type?: TypeName;
  readonly dims: readonly number[];
  readonly values?: readonly number[];
}

/** An attribute: an int, { f } a float, int[] ints, { floats }, a string, or { tensor } a constant. */
export type Attr = number | { f: number } | readonly number[] | { floats: readonly number[] } | string | { tensor: In };

export interface OpCase {
  /** States the op, the shapes and the attributes, e.g. 'MaxPool 3×3 s2 p1 on (1, 2, 7, 7)'. */
  readonly name: string;
  readonly op: string;
  /** null: an optional input left out (''). */
  readonly inputs: readonly (In | null)[];
  readonly attrs?: Readonly<Record<string, Attr>>;
  readonly opset?: number;
  /** The output's type (float by default). */
  readonly out?: TypeName;
  /** Largest |engine − onnxruntime| relative to the largest |value| (0: exact). */
  readonly tolerance?: number;
}

export interface Refusal extends Omit<OpCase, 'out' | 'tolerance'> {
  /** The ModelError's "code: detail", whole. */
  readonly error: string | RegExp;
}

/** Values for an input: as given, or seeded ones in [−3, 3) on a grid of 1/8 (exact in every type). */
function valuesOf(t: In, seed: number): number[] {
  if (t.values) return [...t.values];
  const rand = mulberry32(seed), n = t.dims.reduce((a, b) => a * b, 1);
  return Array.from({ length: n }, () => Math.floor(rand() * 48 - 24) / 8);
}

function tensorProto(name: string, t: In, seed: number): onnxProto.onnx.ITensorProto {
  const type = t.type ?? 'float', values = valuesOf(t, seed), dims = [...t.dims];
  if (type === 'float') return { name, dims, dataType: 1, rawData: new Uint8Array(Float32Array.from(values).buffer) };
  if (type === 'double') return { name, dims, dataType: 11, doubleData: values };
  if (type === 'bool') return { name, dims, dataType: 9, int32Data: values.map((v) => (v ? 1 : 0)) };
  return { name, dims, dataType: 7, int64Data: values };
}

function attribute(name: string, v: Attr): onnxProto.onnx.IAttributeProto {
  if (typeof v === 'number') return { name, type: 2, i: v };
  if (typeof v === 'string') return { name, type: 3, s: new TextEncoder().encode(v) };
  if ('f' in v) return { name, type: 1, f: v.f };
  if ('floats' in v) return { name, type: 6, floats: [...v.floats] };
  if ('tensor' in v) return { name, type: 4, t: tensorProto('', v.tensor, 99) };
  return { name, type: 7, ints: [...v] };
}

/** The one-node model: inputs as initializers x0, x1, …; an unused 4-D image input (the engine's reader needs one). */
export function oneNodeModel(c: Omit<OpCase, 'name'>): Uint8Array {
  const names = c.inputs.map((t, i) => (t ? `x${i}` : ''));
  const model = onnx.ModelProto.create({
    irVersion: 8, producerName: 'pointwise-op-tables', opsetImport: [{ domain: '', version: c.opset ?? 13 }],
    graph: {
      name: 'op', node: [{ opType: c.op, name: `/${c.op}`, input: names, output: ['y'], attribute: Object.entries(c.attrs ?? {}).map(([k, v]) => attribute(k, v)) }],
      initializer: c.inputs.flatMap((t, i) => (t ? [tensorProto(`x${i}`, t, i + 1)] : [])),
      input: [{ name: 'image', type: { tensorType: { elemType: 1, shape: { dim: [1, 1, 1, 1].map((d) => ({ dimValue: d })) } } } }],
      output: [{ name: 'y', type: { tensorType: { elemType: TYPES[c.out ?? 'float'] } } }],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

/** The engine's output for the case, with each input through `relay` (a layout or a shape-only pass). */
export function engineRun(c: Omit<OpCase, 'name'>, relay: (t: Tensor, i: number) => Tensor = (t) => t): Tensor {
  const model = decodeModel(oneNodeModel(c));
  const node = model.nodes[0]!;
  const inputs = node.inputs.map((n, i) => {
    const t = n ? model.initializers.get(n) : undefined;
    return t && relay(t, i);
  });
  return runNode(node, inputs, model.opset);
}

interface Answer {
  readonly dims: number[];
  readonly data: number[];
}

const CACHE = join(tmpdir(), 'pointwise-onnxruntime-answers');
const ORT_VERSION = (JSON.parse(readFileSync('node_modules/onnxruntime-web/package.json', 'utf8')) as { version: string }).version;

async function ortRun(c: OpCase): Promise<Answer> {
  const bytes = oneNodeModel(c);
  const file = join(CACHE, `${createHash('sha256').update(ORT_VERSION).update(bytes).digest('hex')}.json`);
  try {
    // NaN and ±Infinity are written as strings (JSON has no such numbers).
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { dims: number[]; data: (number | string)[] };
    return { dims: kept.dims, data: kept.data.map(Number) };
  } catch {
    // Not kept yet: ask onnxruntime.
  }
  const ort = await import('onnxruntime-web');
  ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'disabled' });
  try {
    const y = (await session.run({ image: new ort.Tensor('float32', new Float32Array(1), [1, 1, 1, 1]) })).y!;
    const answer = { dims: [...y.dims], data: Array.from(y.data as ArrayLike<number | bigint>, Number) };
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(file, JSON.stringify({ dims: answer.dims, data: answer.data.map((v) => (Number.isFinite(v) ? v : String(v))) }));
    return answer;
  } finally {
    await session.release();
  }
}

function expectClose(got: Tensor, want: Answer, tolerance: number, what: string): void {
  const g = logical(got);
  expect(g.shape, what).toEqual(want.dims);
  const data = Array.from(g.data!);
  expect(data.length, `${what}: values`).toBe(want.data.length);
  if (tolerance === 0) {
    expect(data, what).toEqual(want.data);
    return;
  }
  const scale = Math.max(1, ...want.data.filter(Number.isFinite).map(Math.abs));
  data.forEach((v, i) => {
    const w = want.data[i]!;
    if (!Number.isFinite(w)) expect(v, `${what} [${i}]`).toBe(w);
    else expect(Math.abs(v - w) / scale, `${what} [${i}]: ${v} against ${w}`).toBeLessThanOrEqual(tolerance);
  });
}

const is4dFloat = (t: Tensor) => t.dtype === 'float' && t.shape.length === 4;

/** Runs one case every way and compares each with onnxruntime. */
export async function check(c: OpCase): Promise<void> {
  const want = await ortRun(c);
  const tolerance = c.tolerance ?? 1e-6;
  const got = engineRun(c);
  expectClose(got, want, tolerance, 'row-major');
  expect(got.dtype, 'the output type').toBe(c.out === undefined || c.out === 'float' || c.out === 'double' ? 'float' : 'int');
  // The engine's storage: float32 for floats (what its kernels read), float64 for integers (exact to 2⁵³).
  expect(got.data, 'the storage').toBeInstanceOf(got.dtype === 'float' ? Float32Array : Float64Array);
  // A shape-only pass (as the layer list runs) gives the same shape.
  const meta = engineRun(c, (t) => (t.dtype === 'float' && c.op !== 'Constant' ? metaTensor('float', t.shape) : t));
  expect(meta.shape, 'shape-only').toEqual(want.dims);
  // A Conv's weights are 4-D but no map: only its input changes layout.
  const maps = c.inputs.map((t, i) => (t && (t.type ?? 'float') === 'float' && t.dims.length === 4 && (c.op !== 'Conv' || i === 0) ? i : -1)).filter((i) => i >= 0);
  if (maps.length === 0) return;
  expectClose(engineRun(c, (t, i) => (maps.includes(i) && is4dFloat(t) ? toNhwc(t) : t)), want, tolerance, 'all NHWC');
  for (const only of maps.length > 1 ? maps : []) expectClose(engineRun(c, (t, i) => (i === only && is4dFloat(t) ? toNhwc(t) : t)), want, tolerance, `input ${only} NHWC`);
}

/** Runs a refusal: the engine throws a ModelError with exactly this "code: detail". */
export function refuse(c: Refusal): void {
  let thrown: unknown;
  try {
    engineRun(c);
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(ModelError);
  if (typeof c.error === 'string') expect((thrown as ModelError).message).toBe(c.error);
  else expect((thrown as ModelError).message).toMatch(c.error);
}
