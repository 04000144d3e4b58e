/**
 * The evaluator's view of an ONNX model: nodes in an order where every node comes after the
 * nodes it reads (checked: a cycle or a tensor nothing makes is refused), initializers as
 * tensors, and the image input. Made by decode.ts from a ModelProto; tests may build one.
 */
import type { Tensor } from './tensor';

export type AttrValue = number | string | readonly number[] | readonly string[] | Tensor;

export interface OnnxNode {
  /** The node's name, or `<op>_<index>` when the exporter gave none. */
  readonly name: string;
  readonly opType: string;
  /** '' for the standard operator set. */
  readonly domain: string;
  /** Tensor names; '' marks a left-out optional input. */
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attrs: ReadonlyMap<string, AttrValue>;
}

export interface ImageInput {
  readonly name: string;
  /** N, C, H, W as the model declares them: a number, or a name for a size chosen at run time. */
  readonly dims: readonly (number | string)[];
  /** (N, H, W, C), as Keras models converted by tf2onnx take pictures; otherwise (N, C, H, W). */
  readonly channelsLast: boolean;
}

/** The image input's (channels, height, width), with `height` and `width` where the model leaves them open. */
export function inputSize(input: ImageInput, height: number, width: number): { channels: number; height: number; width: number } {
  const [, a, b, c] = input.dims;
  const num = (v: number | string | undefined, fallback: number) => (typeof v === 'number' ? v : fallback);
  return input.channelsLast
    ? { channels: num(c, 3), height: num(a, height), width: num(b, width) }
    : { channels: num(a, 3), height: num(b, height), width: num(c, width) };
}

export interface OnnxModel {
  readonly irVersion: number;
  /** The default domain's operator set version. */
  readonly opset: number;
  readonly producer: string;
  /** In dependency order. */
  readonly nodes: readonly OnnxNode[];
  readonly initializers: ReadonlyMap<string, Tensor>;
  readonly input: ImageInput;
  /** Values in float initializers (the model's parameters). */
  readonly parameters: number;
}

/** An attribute as a whole number, or `fallback`. */
export function attrInt(node: OnnxNode, name: string, fallback: number): number {
  const v = node.attrs.get(name);
  return typeof v === 'number' ? Math.trunc(v) : fallback;
}

export function attrFloat(node: OnnxNode, name: string, fallback: number): number {
  const v = node.attrs.get(name);
  return typeof v === 'number' ? v : fallback;
}

export function attrInts(node: OnnxNode, name: string): number[] | undefined {
  const v = node.attrs.get(name);
  if (v === undefined) return undefined;
  if (Array.isArray(v)) return (v as readonly unknown[]).map((x) => Math.trunc(Number(x)));
  if (typeof v === 'number') return [Math.trunc(v)];
  return undefined;
}

export function attrString(node: OnnxNode, name: string, fallback: string): string {
  const v = node.attrs.get(name);
  return typeof v === 'string' ? v : fallback;
}

export function attrTensor(node: OnnxNode, name: string): Tensor | undefined {
  const v = node.attrs.get(name);
  return v !== undefined && typeof v === 'object' && 'dtype' in v ? v : undefined;
}
