/**
 * The one protocol between the main thread and the engine workers. Types only: both sides
 * import it with `import type`, so nothing here ends up in either bundle.
 *
 * A request is `{ id, type, params }`; the worker answers `{ id, ok: true, result }` or
 * `{ id, ok: false, error }`, and long jobs send `{ id, progress }` on the way. The client
 * may send `{ id, type: 'cancel' }` for a request it no longer wants.
 */
import type { PointwiseShape } from '../engine/data/layerData';
import type { LearnedFileName } from '../engine/data/learnedFileNames';
import type { InputSummary } from '../engine/data/channelStats';
import type { MapCombination, TermOrder } from '../engine/concepts/combine';
import type { FilterKind, FilterMode } from '../engine/data/photoLayer';
import type { TrainApplyParams, TrainApplyResult, TrainFeaturesGetParams, TrainFeaturesGetResult, TrainFeaturesParams, TrainFeaturesResult, TrainParams, TrainResult } from './trainProtocol';
import type { Conv2dRequestParams, Conv2dResult, DenseParams, DenseResult, FamilyParams, FamilyResult, NonlinearityParams, NonlinearityResult, ReductionParams, ReductionResult, WhatWhereParams, WhatWhereResult } from './conceptProtocol';
import type { ModelLayerParams, ModelLayerResult, ModelLayersParams, ModelLayersResult, ModelOpenParams, ModelOpenResult, PeerLinkParams } from './modelProtocol';

/**
 * Make the input, weights and bias of a walkthrough layer: from a photo (its first-layer
 * features, learned or random filters) or, without a photo, seeded synthetic activations.
 */
export interface GenerateParams {
  readonly shape: PointwiseShape;
  readonly seed: number;
  /** RGBA bytes of the photo at 4·width × 4·height (the first layer has stride 4). */
  readonly photo?: { readonly rgba: Uint8ClampedArray; readonly width: number; readonly height: number } | undefined;
  /** With a photo: learned (needs `bank`) or seeded random filters. */
  readonly filters?: FilterMode | undefined;
  /**
   * The learned bank's .npy files (public/learned/), as fetched: the first layer's three and
   * consecutive parts of the prototypes (all of them, or the part the first view needs).
   */
  readonly bank?: BankBuffers | undefined;
}

/** Some of the learned bank's files, name → bytes. */
export type BankBuffers = Readonly<Partial<Record<LearnedFileName, ArrayBuffer>>>;

export interface GenerateResult {
  /** H×W×Cin, channels-last. */
  readonly input: Float32Array;
  /** Cout×Cin. */
  readonly weights: Float32Array;
  /** Cout. */
  readonly bias: Float32Array;
  /** What the filters are ('random' for synthetic data). */
  readonly filterKind: FilterKind;
  /** The first layer's filters, F × 8 × 8 × 3, when a photo went through one. */
  readonly firstFilters?: Float32Array | undefined;
  /** A photo's input channels by variance and their colour scale, for scene 2's stack. */
  readonly inputSummary?: InputSummary | undefined;
  /** Only learned filters [from, to) are made (their part of the bank came first); the others are 0. */
  readonly filters?: readonly [from: number, to: number] | undefined;
}

/** The learned filters of a Cin → Cout photo layer from the whole bank (the input was made before). */
export interface LearnedWeightsParams {
  readonly inChannels: number;
  readonly outChannels: number;
  readonly bank: BankBuffers;
}

export interface LearnedWeightsResult {
  /** Cout×Cin. */
  readonly weights: Float32Array;
  /** Cout. */
  readonly bias: Float32Array;
}

/** Run the pointwise convolution on a band of `height` image rows. */
export interface ForwardParams {
  readonly height: number;
  readonly width: number;
  readonly inChannels: number;
  readonly outChannels: number;
  /**
   * height×width×inChannels, channels-last; transferred, so the sender's copy is gone.
   * Left out when the worker already holds the layer under `cacheKey`.
   */
  readonly input?: Float32Array | undefined;
  /** outChannels×inChannels; left out with `input`. */
  readonly weights?: Float32Array | undefined;
  /**
   * Names this band's input and weights. The worker keeps the last ones it was sent, so a
   * later pass over the same layer (a bias or ReLU toggle) sends neither again.
   */
  readonly cacheKey?: string | undefined;
  readonly bias?: Float32Array | undefined;
  readonly relu: boolean;
  /**
   * When set, the output buffer holds `totalRows` image rows and this band is written from
   * row `rowOffset` on: the worker allocates the whole map, so the main thread only copies
   * the other bands into it and never allocates (or zero-fills) the full output itself.
   */
  readonly placement?: { readonly totalRows: number; readonly rowOffset: number } | undefined;
}

export interface ForwardResult {
  /** height×width×outChannels, channels-last. */
  readonly output: Float32Array;
  /** Time the worker spent computing, in ms. */
  readonly computeMs: number;
  /** max |output| over the finite values, so the main thread need not scan the map for its colour scale. */
  readonly absMax: number;
  /** Outputs that overflowed float32 to ±Infinity (or are NaN): inputs and weights near 3.4e38. */
  readonly nonFinite: number;
}

/** Read a .npy file the student chose (parsed here, off the main thread). */
export interface ParseNpyParams {
  /** The file's bytes; transferred. */
  readonly bytes: ArrayBuffer;
}

export type ParseNpyResult =
  | {
      readonly status: 'read';
      readonly shape: readonly number[];
      readonly descr: string;
      readonly fortranOrder: boolean;
      readonly min: number;
      readonly max: number;
      /** False when a value is NaN or infinite. */
      readonly finite: boolean;
      /** True when a finite float64 value is beyond float32's range (it became ±Infinity). */
      readonly overflow: boolean;
      /** The values as float32 in C order. */
      readonly data: Float32Array;
    }
  | {
      readonly status: 'refused';
      /** An NpyErrorCode, which the UI turns into a sentence. */
      readonly code: string;
      readonly detail: string;
    };

/** Scene 5: filter k's output map as its Cin terms added in an order (engine/concepts/combine.ts). */
export interface CombineParams {
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  /** H×W×channels, channels-last (a copy). */
  readonly input: Float32Array;
  /** Filter k's `channels` weights. */
  readonly weights: Float32Array;
  /** Its bias (0 without one). */
  readonly bias: number;
  readonly order: TermOrder;
}

/** MapCombination without the filter's index (the page knows it). */
export type CombineResult = Omit<MapCombination, 'filterIndex'>;

/** Request type → [params, result]. */
export interface Requests {
  generate: [GenerateParams, GenerateResult];
  learnedWeights: [LearnedWeightsParams, LearnedWeightsResult];
  combine: [CombineParams, CombineResult];
  forward: [ForwardParams, ForwardResult];
  conv2d: [Conv2dRequestParams, Conv2dResult];
  reduction: [ReductionParams, ReductionResult];
  nonlinearity: [NonlinearityParams, NonlinearityResult];
  whatWhere: [WhatWhereParams, WhatWhereResult];
  family: [FamilyParams, FamilyResult];
  dense: [DenseParams, DenseResult];
  parseNpy: [ParseNpyParams, ParseNpyResult];
  modelOpen: [ModelOpenParams, ModelOpenResult];
  modelLayers: [ModelLayersParams, ModelLayersResult];
  modelLayer: [ModelLayerParams, ModelLayerResult];
  peerLink: [PeerLinkParams, Record<string, never>];
  trainFeatures: [TrainFeaturesParams, TrainFeaturesResult];
  train: [TrainParams, TrainResult];
  trainApply: [TrainApplyParams, TrainApplyResult];
  trainFeaturesGet: [TrainFeaturesGetParams, TrainFeaturesGetResult];
}

export type RequestType = keyof Requests;
export type ParamsOf<T extends RequestType> = Requests[T][0];
export type ResultOf<T extends RequestType> = Requests[T][1];

export type RequestMessage = {
  [T in RequestType]: { readonly id: number; readonly type: T; readonly params: ParamsOf<T> };
}[RequestType];

export interface CancelMessage {
  readonly id: number;
  readonly type: 'cancel';
}

export type ToWorker = RequestMessage | CancelMessage;

/** What went wrong, as a code the UI can translate and a message for developers. */
export interface WorkerError {
  /** cache-miss: a forward without data named a layer the worker does not hold. */
  readonly code: 'bad-request' | 'engine-error' | 'cancelled' | 'cache-miss';
  readonly message: string;
}

export type FromWorker =
  | { readonly id: number; readonly ok: true; readonly result: ResultOf<RequestType> }
  | { readonly id: number; readonly ok: false; readonly error: WorkerError }
  | { readonly id: number; readonly progress: number }
  | AliveMessage;

/**
 * Not a reply (id 0 answers no request): the worker is alive. Sent once with `lock`, the name of
 * the Web Lock the worker holds for as long as it lives (the page asks for the same lock and is
 * granted it the moment the worker closes or crashes), then as a heartbeat while a long job runs.
 */
export interface AliveMessage {
  readonly id: 0;
  readonly alive: true;
  readonly lock?: string;
}

/** The part of a Worker, a MessagePort or `self` that the protocol uses. */
export interface Endpoint {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}
