/**
 * Every request the worker answers, as one table typed by the protocol's `Requests` map: each
 * job takes its request's params and returns its `ResultOf`, so a job that answers the wrong
 * shape fails to compile (the old switch replied `result as never`). Jobs of the pages opened
 * less often (the student's model, the Train page) are chunks loaded on first use.
 */
import { runSteps, type Steps } from '../engine/core/steps';
import { runConv2d, runReduction } from './conceptJobs';
import { runFamily, runNonlinearity, runWhatWhere } from './conceptDemoJobs';
import { runDense } from './denseJob';
import { runCombine } from './combineJob';
import { runParseNpy } from './fileJobs';
import { generateSteps, runForward, runLearnedWeights, withCachedLayer, type LayerRuntime } from './layerJobs';
import { yieldTask } from './yieldTask';
import { Cancelled } from './requestChecks';
import type { ParamsOf, RequestType, ResultOf } from './protocol';

/** How serve runs long jobs: in a worker straight through; on the page's main thread in slices. */
export interface ServeOptions {
  /** Pause a generating job after this many milliseconds of work (none: run it through). */
  readonly sliceMs?: number | undefined;
  /** Send a heartbeat (`{ id: 0, alive: true }`) between a long job's steps this often (none: no heartbeat). */
  readonly heartbeatMs?: number | undefined;
  /** Multiply-adds per chunk of a forward pass (default 1.6e8, ≈ 50 ms here). */
  readonly chunkMultiplyAdds?: number | undefined;
}

/** What a running job may do besides computing: report, pause, be cancelled, say it is alive. */
export interface JobContext {
  readonly options: ServeOptions;
  /** The walkthrough layer kept between forward requests. */
  readonly layer: LayerRuntime;
  /** Sends the fraction done to the page. */
  readonly progress: (fraction: number) => void;
  readonly isCancelled: () => boolean;
  /** Lets the event loop run (a cancel may arrive), then throws `Cancelled` if it did. */
  readonly checkpoint: () => Promise<void>;
  /** Tells the page the worker is alive, at most every `options.heartbeatMs` (absent: no heartbeat). */
  readonly beat: (() => void) | undefined;
}

export type Job<T extends RequestType> = (params: ParamsOf<T>, ctx: JobContext) => ResultOf<T> | Promise<ResultOf<T>>;

/** Runs `steps`, pausing for the event loop whenever `sliceMs` of work have passed, beating between steps. */
async function drive<T>(steps: Steps<T>, ctx: JobContext): Promise<T> {
  const { sliceMs } = ctx.options;
  if (sliceMs === undefined && ctx.beat === undefined) return runSteps(steps);
  let since = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    ctx.beat?.();
    if (sliceMs !== undefined && performance.now() - since >= sliceMs) {
      await ctx.checkpoint();
      since = performance.now();
    }
  }
}

export const JOBS: { readonly [T in RequestType]: Job<T> } = {
  generate: (p, ctx) => drive(generateSteps(p), ctx),
  learnedWeights: (p) => runLearnedWeights(p),
  combine: (p) => runCombine(p),
  forward: (p, ctx) => runForward(withCachedLayer(p, ctx.layer), ctx.progress, ctx.isCancelled, ctx.options.chunkMultiplyAdds, ctx.layer),
  conv2d: (p) => runConv2d(p),
  reduction: (p) => runReduction(p),
  nonlinearity: (p) => runNonlinearity(p),
  whatWhere: (p) => runWhatWhere(p),
  family: (p) => runFamily(p),
  dense: (p) => runDense(p),
  parseNpy: (p) => runParseNpy(p),
  // The model's reader and evaluator are a chunk loaded on first use.
  modelOpen: async (p, ctx) => (await import('./modelJobs')).runModelOpen(p, ctx.progress),
  modelLayers: async (p) => (await import('./modelJobs')).runModelLayers(p),
  modelLayer: async (p, ctx) => (await import('./modelJobs')).runModelLayer(p, ctx.progress, ctx.checkpoint),
  peerLink: async (p) => (await import('./peer')).linkPeer(p),
  // Training a 1×1 layer (the Train page): a chunk loaded on first use.
  // A model layer's input: the model run on the picture (its chunk, with a look for a cancel every 20 ms).
  trainFeatures: async (p, ctx) => (p?.input === 'model'
    ? (await import('./trainModelFeatures')).runTrainModelFeatures(p, ctx.checkpoint)
    : (await import('./trainJobs')).runTrainFeatures(p)),
  // A re-train pauses every few tens of ms: it beats there, as the photo layer does between steps.
  train: async (p, ctx) => (await import('./trainJobs')).runTrain(p, async () => {
    ctx.beat?.();
    await ctx.checkpoint();
  }),
  trainApply: async (p) => (await import('./trainJobs')).runTrainApply(p),
  trainFeaturesGet: async (p) => (await import('./trainJobs')).runTrainFeaturesGet(p),
};

/** Runs request `type` (the table's job for it; `JOBS[type]` is that job's own type). */
export async function runJob<T extends RequestType>(type: T, params: ParamsOf<T>, ctx: JobContext): Promise<ResultOf<T>> {
  const job: Job<T> = JOBS[type];
  return job(params, ctx);
}

/** A checkpoint for `isCancelled`: one event-loop turn, then `Cancelled` if the page asked. */
export function checkpointFor(isCancelled: () => boolean): () => Promise<void> {
  return async () => {
    await yieldTask();
    if (isCancelled()) throw new Cancelled();
  };
}
