/** The operators the evaluator runs, by ONNX op type (default domain). */
import { ModelError } from '../errors';
import type { OnnxNode } from '../model';
import type { Runtime } from '../runtime';
import type { Tensor } from '../tensor';
import { conv } from './conv';
import { batchNorm, binary, BINARY_OPS, cast, unary, UNARY_OPS, where } from './elementwise';
import { globalPool, pool, reduceMean } from './pool';
import { concat, constant, constantOfShape, flatten, gather, identity, pad, reshape, shape, slice, squeeze, transpose, unsqueeze } from './shapeOps';

/** An op: `rt`, when given, lends it pooled storage and scratch (runtime.ts). */
type Op = (node: OnnxNode, inputs: readonly (Tensor | undefined)[], opset: number, rt: Runtime | undefined) => Tensor;

const OPS: Record<string, Op> = {
  Conv: (node, inputs, _, rt) => conv(node, inputs, rt),
  BatchNormalization: (node, inputs, _, rt) => batchNorm(node, inputs, rt),
  MaxPool: (node, inputs, _, rt) => pool(node, inputs, rt),
  AveragePool: (node, inputs, _, rt) => pool(node, inputs, rt),
  GlobalAveragePool: globalPool,
  GlobalMaxPool: globalPool,
  ReduceMean: reduceMean,
  Concat: (node, inputs, _, rt) => concat(node, inputs, rt),
  Pad: pad,
  Identity: identity,
  Dropout: identity,
  Constant: constant,
  ConstantOfShape: (node, inputs, _, rt) => constantOfShape(node, inputs, rt),
  Reshape: reshape,
  Flatten: flatten,
  Squeeze: squeeze,
  Unsqueeze: unsqueeze,
  Shape: shape,
  Gather: (node, inputs, _, rt) => gather(node, inputs, rt),
  Slice: slice,
  Transpose: (node, inputs, _, rt) => transpose(node, inputs, rt),
  Cast: cast,
  Where: (node, inputs, _, rt) => where(node, inputs, rt),
  ...Object.fromEntries(UNARY_OPS.map((op) => [op, unary])),
  ...Object.fromEntries(BINARY_OPS.map((op) => [op, ((node, inputs, _, rt) => binary(node, inputs, rt)) satisfies Op])),
};

/** Whether the engine runs this node's op. */
export const isSupported = (node: OnnxNode): boolean => node.domain === '' && Object.hasOwn(OPS, node.opType);

/** Every op type the engine runs, for the README and the page. */
export const SUPPORTED_OPS: readonly string[] = Object.keys(OPS).sort();

/** Runs one node; its first output (Dropout's mask and the like are not made). */
export function runNode(node: OnnxNode, inputs: readonly (Tensor | undefined)[], opset: number, rt?: Runtime): Tensor {
  if (!isSupported(node)) throw new ModelError('unsupported-op', `${node.domain ? `${node.domain}.` : ''}${node.opType} (${node.name})`);
  return OPS[node.opType]!(node, inputs, opset, rt);
}
