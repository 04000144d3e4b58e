/**
 * The protocol's requests for the student's own model (.onnx): types only, like protocol.ts.
 * The worker keeps the last model opened under the client's `key`; a request naming a key it
 * does not hold (a new worker after a crash) fails with 'cache-miss', and the page opens the
 * file again.
 */
import type { ExtractedLayer, PointwiseLayerInfo } from '../engine/onnx/layers';
import type { Preprocessing } from '../engine/onnx/preprocess';
import type { ModelErrorCode } from '../engine/onnx/errors';

export interface ModelOpenParams {
  /** The whole .onnx file; transferred. */
  readonly bytes: ArrayBuffer;
  readonly key: string;
}

export type ModelRefusal = { readonly status: 'refused'; readonly code: string; readonly detail: string };

export type ModelOpenResult =
  | {
      readonly status: 'read';
      readonly irVersion: number;
      readonly opset: number;
      readonly producer: string;
      readonly nodes: number;
      readonly parameters: number;
      readonly input: { readonly name: string; readonly dims: readonly (number | string)[]; readonly channelsLast: boolean };
      /** Op types in the model that the engine does not run (a layer after one cannot be used). */
      readonly unsupported: readonly string[];
    }
  | ModelRefusal;

/** The model's 1×1 layers for an input of height×width. */
export interface ModelLayersParams {
  readonly key: string;
  readonly height: number;
  readonly width: number;
}

export interface ModelLayer extends PointwiseLayerInfo {
  /** The first op on the way to this layer that the engine does not run: "Gelu (/blocks/0/act)". */
  readonly blockedBy?: string | undefined;
  /** The node on the way to this layer that failed when its shapes were worked out, and why. */
  readonly failedAt?: { readonly node: string; readonly code: ModelErrorCode; readonly detail: string } | undefined;
}

export interface ModelLayersResult {
  readonly layers: readonly ModelLayer[];
}

/** Run the model up to a 1×1 layer on a picture and return that layer. */
export interface ModelLayerParams {
  readonly key: string;
  readonly node: string;
  /** RGBA of the picture at the model's input size. */
  readonly rgba: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
  readonly preprocessing: Preprocessing;
  /** Fold the BatchNormalization that follows the layer into its weights and bias. */
  readonly fold: boolean;
}

/** The layer (H×W×Cin input, Cout×Cin weights, bias, the folded BatchNormalization's numbers), the nodes run and the time. */
export type ModelLayerResult =
  | (ExtractedLayer & { readonly status: 'ok'; readonly nodesRun: number; readonly computeMs: number })
  | ModelRefusal;

/**
 * Links two workers for a model's convolutions: the lead (the worker holding the model)
 * sends the helper bands of output rows over `port`.
 */
export interface PeerLinkParams {
  readonly port: MessagePort;
  readonly role: 'lead' | 'help';
}
