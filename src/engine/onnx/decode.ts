/**
 * Reads an .onnx file (a protobuf ModelProto, decoded by onnx-proto's protobufjs code) into
 * the evaluator's OnnxModel, refusing with a ModelError what it cannot run: not a model, a
 * truncated file, weights stored outside it, quantised or control-flow models, a model with
 * no 4-D image input, a cycle, a tensor nothing makes, an initializer whose bytes disagree
 * with its dims, dims beyond any browser's memory.
 */
import onnxProto from 'onnx-proto';
import { ModelError } from './errors';
import type { AttrValue, ImageInput, OnnxModel, OnnxNode } from './model';
import { sortNodes } from './order';
import { float16Table } from '../io/npy';
import { MAX_TENSOR_VALUES, type Tensor } from './tensor';

const { onnx } = onnxProto;
type Int64 = number | { toNumber(): number } | { low: number; high: number };

/** protobufjs gives int64 fields as numbers or as Long objects (when the `long` package is present). */
export function toInt(v: Int64 | null | undefined): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') return v;
  if ('toNumber' in v) return v.toNumber();
  return v.high * 2 ** 32 + (v.low >>> 0);
}

const QUANTIZED_OPS = new Set(['QuantizeLinear', 'DequantizeLinear', 'DynamicQuantizeLinear', 'QLinearConv', 'QLinearMatMul', 'ConvInteger', 'MatMulInteger', 'QLinearAdd', 'QLinearMul']);
const CONTROL_FLOW_OPS = new Set(['If', 'Loop', 'Scan']);

/** DataType codes (onnx.TensorProto.DataType). */
const DT = { FLOAT: 1, UINT8: 2, INT8: 3, INT32: 6, INT64: 7, BOOL: 9, FLOAT16: 10, DOUBLE: 11, BFLOAT16: 16 } as const;

export interface DecodeProgress {
  (done: number, total: number): void;
}

/** Decodes `bytes` (the whole file). `onProgress` is told as initializers are read. */
export function decodeModel(bytes: Uint8Array, onProgress?: DecodeProgress): OnnxModel {
  let proto: ReturnType<typeof onnx.ModelProto.decode>;
  try {
    proto = onnx.ModelProto.decode(bytes);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new ModelError(/index out of range/i.test(msg) ? 'truncated' : 'not-onnx', msg);
  }
  const graph = proto.graph;
  if (!graph || !graph.node || graph.node.length === 0) throw new ModelError('not-onnx', 'no graph');
  const opset = (proto.opsetImport ?? []).filter((o) => !o.domain || o.domain === 'ai.onnx').map((o) => toInt(o.version))[0] ?? 0;
  if (opset < 1) throw new ModelError('not-onnx', 'no operator set');

  for (const n of graph.node) {
    const op = n.opType ?? '';
    if (QUANTIZED_OPS.has(op)) throw new ModelError('quantized', `${n.name || op} (${op})`);
    if (CONTROL_FLOW_OPS.has(op)) throw new ModelError('control-flow', `${n.name || op} (${op})`);
  }

  const initializers = new Map<string, Tensor>();
  let parameters = 0;
  const inits = graph.initializer ?? [];
  inits.forEach((t, i) => {
    const tensor = readTensor(t);
    initializers.set(t.name ?? '', tensor);
    if (tensor.dtype === 'float') parameters += tensor.data!.length;
    onProgress?.(i + 1, inits.length);
  });

  const nodes: OnnxNode[] = graph.node.map((n, i) => ({
    name: n.name || `${n.opType ?? 'node'}_${i}`,
    opType: n.opType ?? '',
    domain: n.domain === 'ai.onnx' ? '' : n.domain ?? '',
    inputs: n.input ?? [],
    outputs: n.output ?? [],
    attrs: new Map((n.attribute ?? []).map((a) => [a.name ?? '', attrValue(a, n.name || n.opType || '')] as const)),
  }));
  // Weights of integer type on a Conv are a quantised model exported without Q/DQ nodes.
  for (const n of nodes) {
    const w = n.opType === 'Conv' ? initializers.get(n.inputs[1] ?? '') : undefined;
    if (w && w.dtype === 'int') throw new ModelError('quantized', `${n.name} (integer weights)`);
  }

  const input = imageInput(graph, initializers);
  const known = new Set<string>([input.name, ...initializers.keys(), ...(graph.input ?? []).map((v) => v.name ?? '')]);
  return {
    irVersion: toInt(proto.irVersion),
    opset,
    producer: [proto.producerName, proto.producerVersion].filter(Boolean).join(' '),
    nodes: sortNodes(nodes, known),
    initializers,
    input,
    parameters,
  };
}

function checkDims(dims: readonly number[], name: string): number {
  let n = 1;
  for (const d of dims) {
    if (!Number.isSafeInteger(d) || d < 0) throw new ModelError('bad-dims', `${name}: (${dims.join(', ')})`);
    n *= d;
    if (n > MAX_TENSOR_VALUES) throw new ModelError('tensor-too-large', `${name}: (${dims.join(', ')})`);
  }
  return n;
}

/** A TensorProto (an initializer, or a Constant's value) as a tensor. */
function readTensor(t: onnxProto.onnx.ITensorProto): Tensor {
  const name = t.name ?? '';
  if (t.dataLocation === 1 || (t.externalData?.length ?? 0) > 0) throw new ModelError('external-data', name);
  const dims = (t.dims ?? []).map((d) => toInt(d as Int64));
  const n = checkDims(dims, name);
  const type = t.dataType ?? 0;
  const raw = t.rawData && t.rawData.length > 0 ? t.rawData : null;
  const sizeError = (have: number) => new ModelError('initializer-size', `${name}: (${dims.join(', ')}) needs ${n} values, the file has ${have}`);
  const fromRaw = (bytesPer: number, read: (view: DataView, offset: number) => number, out: Float32Array | Float64Array) => {
    if (raw!.length !== n * bytesPer) throw sizeError(Math.floor(raw!.length / bytesPer));
    const view = new DataView(raw!.buffer, raw!.byteOffset, raw!.byteLength);
    for (let i = 0; i < n; i++) out[i] = read(view, i * bytesPer);
    return out;
  };
  const fromList = (list: ArrayLike<number | Int64> | null | undefined, out: Float32Array | Float64Array, map: (v: number) => number = (v) => v) => {
    const len = list?.length ?? 0;
    if (len !== n) throw sizeError(len);
    for (let i = 0; i < n; i++) out[i] = map(toInt(list![i] as Int64));
    return out;
  };
  switch (type) {
    case DT.FLOAT: {
      if (raw) {
        if (raw.length !== n * 4) throw sizeError(Math.floor(raw.length / 4));
        // An aligned copy (the bytes may start anywhere in the file; in Node they are a
        // Buffer, whose slice() would be a view, not a copy).
        const copy = new Uint8Array(raw.length);
        copy.set(raw);
        return { dtype: 'float', shape: dims, data: new Float32Array(copy.buffer), nhwc: false };
      }
      return { dtype: 'float', shape: dims, data: fromList(t.floatData, new Float32Array(n)), nhwc: false };
    }
    case DT.FLOAT16: {
      const table = float16Table();
      const data = raw ? fromRaw(2, (v, o) => table[v.getUint16(o, true)]!, new Float32Array(n)) : fromList(t.int32Data, new Float32Array(n), (h) => table[h & 0xffff]!);
      return { dtype: 'float', shape: dims, data, nhwc: false };
    }
    case DT.BFLOAT16: {
      const f = new Float32Array(1), u = new Uint32Array(f.buffer);
      const bf = (h: number) => ((u[0] = (h & 0xffff) << 16), f[0]!);
      const data = raw ? fromRaw(2, (v, o) => bf(v.getUint16(o, true)), new Float32Array(n)) : fromList(t.int32Data, new Float32Array(n), bf);
      return { dtype: 'float', shape: dims, data, nhwc: false };
    }
    case DT.DOUBLE:
      return { dtype: 'float', shape: dims, data: raw ? fromRaw(8, (v, o) => v.getFloat64(o, true), new Float32Array(n)) : fromList(t.doubleData, new Float32Array(n)), nhwc: false };
    case DT.INT64:
      return { dtype: 'int', shape: dims, data: raw ? fromRaw(8, (v, o) => Number(v.getBigInt64(o, true)), new Float64Array(n)) : fromList(t.int64Data, new Float64Array(n)), nhwc: false };
    case DT.INT32:
      return { dtype: 'int', shape: dims, data: raw ? fromRaw(4, (v, o) => v.getInt32(o, true), new Float64Array(n)) : fromList(t.int32Data, new Float64Array(n)), nhwc: false };
    case DT.INT8:
      return { dtype: 'int', shape: dims, data: raw ? fromRaw(1, (v, o) => v.getInt8(o), new Float64Array(n)) : fromList(t.int32Data, new Float64Array(n)), nhwc: false };
    case DT.UINT8:
    case DT.BOOL:
      return { dtype: 'int', shape: dims, data: raw ? fromRaw(1, (v, o) => v.getUint8(o), new Float64Array(n)) : fromList(t.int32Data, new Float64Array(n)), nhwc: false };
    default:
      throw new ModelError('bad-node', `${name}: data type ${type} is not supported`);
  }
}

function attrValue(a: onnxProto.onnx.IAttributeProto, node: string): AttrValue {
  switch (a.type) {
    case 1: return a.f ?? 0;
    case 2: return toInt(a.i as Int64);
    case 3: return utf8(a.s);
    case 4: return readTensor(a.t ?? {});
    case 6: return a.floats ?? [];
    case 7: return (a.ints ?? []).map((v) => toInt(v as Int64));
    case 8: return (a.strings ?? []).map(utf8);
    case 5: case 10: throw new ModelError('control-flow', `${node} (a graph attribute)`);
    default: return [];
  }
}

/** The first graph input that is a 4-D float tensor and not an initializer. */
function imageInput(graph: NonNullable<ReturnType<typeof onnx.ModelProto.decode>['graph']>, initializers: ReadonlyMap<string, Tensor>): ImageInput {
  const seen: string[] = [];
  for (const v of graph.input ?? []) {
    const name = v.name ?? '';
    if (initializers.has(name)) continue;
    const tt = v.type?.tensorType;
    const dims = (tt?.shape?.dim ?? []).map((d) => (d.dimParam ? d.dimParam : d.dimValue !== null && d.dimValue !== undefined && toInt(d.dimValue as Int64) > 0 ? toInt(d.dimValue as Int64) : '?'));
    seen.push(`${name} (${dims.join(', ')})`);
    const elem = tt?.elemType ?? 0;
    if (dims.length === 4 && (elem === DT.FLOAT || elem === DT.FLOAT16 || elem === DT.DOUBLE)) {
      const colour = (d: number | string | undefined) => d === 1 || d === 3;
      return { name, dims, channelsLast: !colour(dims[1]) && colour(dims[3]) };
    }
  }
  throw new ModelError('no-image-input', seen.join('; ') || 'no inputs');
}

/** UTF-8 bytes as a string (attribute strings: auto_pad, a pad mode). */
function utf8(bytes: Uint8Array | null | undefined): string {
  let s = '';
  for (let i = 0; bytes && i < bytes.length; i++) s += '%' + bytes[i]!.toString(16).padStart(2, '0');
  try {
    return decodeURIComponent(s);
  } catch {
    return '';
  }
}
