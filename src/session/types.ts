/**
 * The engine's protocol types the views need, re-exported: views import src/session, never
 * src/worker (eslint.config.js enforces it).
 */
export type { ParamsOf, ParseNpyResult, RequestType, ResultOf } from '../worker/protocol';
export type { ModelLayer, ModelLayerResult, ModelOpenResult } from '../worker/modelProtocol';
export type { TrainInput, TrainResult } from '../worker/trainProtocol';
export type { ReluStage } from '../worker/conceptProtocol';
