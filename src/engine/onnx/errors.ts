/**
 * Why a model cannot be read or run, as a code the page turns into a sentence in the
 * reader's language, with the detail (a node name, an op, a size) it names.
 */
export type ModelErrorCode =
  | 'not-onnx'          // not a protobuf ModelProto, or one with no graph
  | 'truncated'         // the bytes end inside a field
  | 'external-data'     // weights in files beside the .onnx
  | 'quantized'         // integer weights / QLinear* / DequantizeLinear
  | 'control-flow'      // If, Loop, Scan
  | 'no-image-input'    // no 4-D float input
  | 'cycle'             // a node depends on itself
  | 'missing-input'     // a node reads a tensor nothing makes
  | 'initializer-size'  // an initializer's values disagree with its dims
  | 'bad-dims'          // negative or absurd dims
  | 'tensor-too-large'  // a tensor beyond the evaluator's limit
  | 'unsupported-op'    // an op on the path that the engine does not run
  | 'bad-node'          // an op with attributes or inputs it cannot have
  | 'not-constant'      // a shape or axes input that is not known before the picture
  | 'unknown-node';     // a layer name the model does not have

export class ModelError extends Error {
  constructor(readonly code: ModelErrorCode, readonly detail = '') {
    super(`${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'ModelError';
  }
}
