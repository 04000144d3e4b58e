/** The operators the evaluator runs, by ONNX op type (default domain). */
import { ModelError } from '../errors';
import type { OnnxNode } from '../model';
import type { Tensor } from '../tensor';
import { conv } from './conv';
import { batchNorm, binary, BINARY_OPS, cast, unary, UNARY_OPS, where } from './elementwise';
import { globalPool, pool, reduceMean } from './pool';
import { concat, constant, constantOfShape, flatten, gather, identity, pad, reshape, shape, slice, squeeze, transpose, unsqueeze } from './shapeOps';

type Op = (node: OnnxNode, inputs: readonly (Tensor | undefined)[], opset: number) => Tensor;

const OPS: Record<string, Op> = {
  Conv: (node, inputs) => conv(node, inputs),
  BatchNormalization: batchNorm,
  MaxPool: pool,
  AveragePool: pool,
  GlobalAveragePool: globalPool,
  GlobalMaxPool: globalPool,
  ReduceMean: reduceMean,
  Concat: concat,
  Pad: pad,
  Identity: identity,
  Dropout: identity,
  Constant: constant,
  ConstantOfShape: constantOfShape,
  Reshape: reshape,
  Flatten: flatten,
  Squeeze: squeeze,
  Unsqueeze: unsqueeze,
  Shape: shape,
  Gather: gather,
  Slice: slice,
  Transpose: transpose,
  Cast: cast,
  Where: where,
  ...Object.fromEntries(UNARY_OPS.map((op) => [op, unary])),
  ...Object.fromEntries(BINARY_OPS.map((op) => [op, binary])),
};

/** Whether the engine runs this node's op. */
export const isSupported = (node: OnnxNode): boolean => node.domain === '' && Object.hasOwn(OPS, node.opType);

/** Every op type the engine runs, for the README and the page. */
export const SUPPORTED_OPS: readonly string[] = Object.keys(OPS).sort();

/** Runs one node; its first output (Dropout's mask and the like are not made). */
export function runNode(node: OnnxNode, inputs: readonly (Tensor | undefined)[], opset: number): Tensor {
  if (!isSupported(node)) throw new ModelError('unsupported-op', `${node.domain ? `${node.domain}.` : ''}${node.opType} (${node.name})`);
  return OPS[node.opType]!(node, inputs, opset);
}
