/**
 * Training a 1×1 layer on painted pixels: L-BFGS on the softmax cross-entropy with weight
 * decay, from the current weights, reporting the loss and the painted pixels' accuracy at
 * every step.
 */
import { lbfgsSteps } from './lbfgs';
import { packSet, softmaxLossPacked } from './packedLoss';
import { paramCount, type LossStats, type TrainSet } from './softmaxLoss';

export interface TrainStep {
  readonly iteration: number;
  readonly loss: number;
  /** Fraction of the training pixels classified as painted, at this step's weights. */
  readonly accuracy: number;
}

export interface TrainOptions {
  readonly classes: number;
  /** λ of the weight decay (λ/2)‖W‖². */
  readonly decay: number;
  readonly maxIterations: number;
  /** Starting parameters (W then b, float64); zeros when absent or of another size. */
  readonly init?: Float64Array | undefined;
  /** The set's whole feature map as plain doubles (packFeatures), kept by the caller across re-trains; else the painted rows are packed here. */
  readonly packed?: readonly number[] | undefined;
}

export interface TrainOutcome {
  /** W (K×Cin) then b (K). */
  readonly params: Float64Array;
  readonly history: readonly TrainStep[];
  readonly evaluations: number;
  readonly converged: boolean;
}

/** Trains on `set`, yielding after every L-BFGS step with the parameters so far; the history starts with the starting point. */
export function* trainSteps(set: TrainSet, options: TrainOptions): Generator<TrainStep & { readonly params: Float64Array }, TrainOutcome, void> {
  const { classes, decay } = options;
  const size = paramCount(classes, set.channels);
  const params = new Float64Array(size);
  if (options.init?.length === size) params.set(options.init);
  const stats: LossStats = { correct: 0 };
  const n = Math.max(1, set.pixels.length);
  // The optimizer's last evaluation is always at the point it moved to, so `stats` then
  // describe the new weights.
  const packed = packSet(set, options.packed);
  const objective = (x: Float64Array, g: Float64Array) => softmaxLossPacked(packed, classes, decay, x, g, stats);
  const start = objective(params, new Float64Array(size));
  const history: TrainStep[] = [{ iteration: 0, loss: start, accuracy: stats.correct / n }];
  const steps = lbfgsSteps(objective, params, { maxIterations: options.maxIterations, gradientTolerance: 1e-6 });
  for (;;) {
    const r = steps.next();
    if (r.done) return { params, history, evaluations: r.value.evaluations + 1, converged: r.value.converged };
    const step = { iteration: r.value.iteration, loss: r.value.loss, accuracy: stats.correct / n };
    history.push(step);
    // The live parameters (not a copy): a caller that stops here keeps what was learned so far.
    yield { ...step, params };
  }
}

/** trainSteps run through. */
export function train(set: TrainSet, options: TrainOptions): TrainOutcome {
  const steps = trainSteps(set, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
