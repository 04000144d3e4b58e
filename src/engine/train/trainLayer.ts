/**
 * Training a 1×1 layer on painted pixels: L-BFGS on the softmax cross-entropy with weight
 * decay, from the current weights, reporting the loss and the painted pixels' accuracy at
 * every step.
 *
 * trainAsk does the optimisation and asks its caller for the two passes over the features
 * (rowKernels.ts): the scores of a set of filters, and the gradient sums of a set of score
 * gradients, each over all painted pixels. trainSteps answers them in this thread; the
 * worker answers them with two workers, each over half of the pixels (worker/trainPeer.ts).
 * A step costs one pass of each kind: the line search's trials move along the scores
 * (softmaxLine.ts), and only the accepted point's gradient is computed.
 */
import { lbfgsAsk } from './lbfgs';
import { packSet } from './packedLoss';
import { doubles, packedGradient, packedScores } from './rowKernels';
import { lineLoss, moveScores, scoreGradient } from './softmaxLine';
import { MAX_CLASSES, paramCount, type TrainSet } from './softmaxLoss';

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

/**
 * What trainAsk asks (answered by filling the arrays, then next()):
 * - `scores`: out (n×6) = the painted pixels' scores under the six interleaved filters `w` (6·Cin), no bias;
 * - `gradient`: gw (6·Cin, zeroed) += Σ over the painted pixels of g (n×6) times their features;
 * - `step`: a step was taken (`params` are the live parameters, not a copy).
 */
export type TrainAsk =
  | { readonly kind: 'scores'; readonly w: readonly number[]; readonly out: Float64Array }
  | { readonly kind: 'gradient'; readonly g: Float64Array; readonly gw: number[] }
  | { readonly kind: 'step'; readonly step: TrainStep & { readonly params: Float64Array } };

/** Trains a layer on `labels.length` painted pixels of `channels` features (the caller holds the features). */
export function* trainAsk(shape: { readonly channels: number; readonly labels: Uint8Array }, options: TrainOptions): Generator<TrainAsk, TrainOutcome, void> {
  const { classes: k, decay } = options, { channels: d, labels } = shape;
  if (k < 1 || k > MAX_CLASSES) throw new RangeError(`classes must be 1…${MAX_CLASSES}`);
  const n = labels.length, size = paramCount(k, d), kd = k * d;
  const params = new Float64Array(size);
  if (options.init?.length === size) params.set(options.init);
  const w = doubles(MAX_CLASSES * d), gw = doubles(MAX_CLASSES * d);
  const z = new Float64Array(6 * n), dz = new Float64Array(6 * n), g = new Float64Array(6 * n);
  const trial = new Float64Array(size);
  let base: Float64Array = params, dir: Float64Array = params, correct = 0;
  /** The scores of `v`'s filters (W then b) into `out`. */
  function* scoresOf(v: Float64Array, out: Float64Array): Generator<TrainAsk, void, void> {
    for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) w[6 * j + c] = v[c * d + j]!;
    yield { kind: 'scores', w, out };
    for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) out[6 * i + c] = out[6 * i + c]! + v[kd + c]!;
  }
  /** The gradient at the point `at` whose scores are z, into `grad`. */
  function* gradientAt(at: Float64Array, grad: Float64Array): Generator<TrainAsk, void, void> {
    const gb = new Float64Array(k);
    correct = scoreGradient(z, labels, k, g, gb);
    gw.fill(0);
    yield { kind: 'gradient', g, gw };
    for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) grad[c * d + j] = gw[6 * j + c]! + decay * at[c * d + j]!;
    grad.set(gb, kd);
  }
  const decayOf = (v: Float64Array) => {
    if (decay === 0) return 0;
    let sq = 0;
    for (let j = 0; j < kd; j++) sq += v[j]! * v[j]!;
    return 0.5 * decay * sq;
  };
  const asks = lbfgsAsk(params, { maxIterations: options.maxIterations, gradientTolerance: 1e-6 });
  let answer: number | undefined;
  const history: TrainStep[] = [];
  const accuracy = () => correct / Math.max(1, n);
  for (;;) {
    const r = asks.next(answer);
    if (r.done) return { params, history, evaluations: r.value.evaluations, converged: r.value.converged };
    const ask = r.value;
    answer = undefined;
    switch (ask.kind) {
      case 'start':
        yield* scoresOf(ask.x, z);
        yield* gradientAt(ask.x, ask.grad);
        answer = lineLoss(z, dz, 0, labels, k) + decayOf(ask.x);
        history.push({ iteration: 0, loss: answer, accuracy: accuracy() });
        break;
      case 'line':
        base = ask.x;
        dir = ask.dir;
        yield* scoresOf(dir, dz);
        break;
      case 'value':
        // The trial point, as lbfgsAsk forms it, for the decay term (and the gradient if accepted).
        for (let i = 0; i < size; i++) trial[i] = base[i]! + ask.t * dir[i]!;
        answer = lineLoss(z, dz, ask.t, labels, k) + decayOf(trial);
        break;
      case 'accept':
        moveScores(z, dz, ask.t, 6 * n);
        yield* gradientAt(trial, ask.grad);
        break;
      case 'step': {
        const step = { iteration: ask.step.iteration, loss: ask.step.loss, accuracy: accuracy() };
        history.push(step);
        yield { kind: 'step', step: { ...step, params } };
      }
    }
  }
}

/** Trains on `set` in this thread, yielding after every L-BFGS step with the parameters so far; the history starts with the starting point. */
export function* trainSteps(set: TrainSet, options: TrainOptions): Generator<TrainStep & { readonly params: Float64Array }, TrainOutcome, void> {
  const packed = packSet(set, options.packed);
  const { features: x, channels: d, pixels } = packed;
  const asks = trainAsk({ channels: d, labels: set.labels }, options);
  for (;;) {
    const r = asks.next();
    if (r.done) return r.value;
    const ask = r.value;
    if (ask.kind === 'scores') packedScores(x, d, pixels, 0, pixels.length, ask.w, ask.out);
    else if (ask.kind === 'gradient') packedGradient(x, d, pixels, 0, pixels.length, ask.g, ask.gw);
    else yield ask.step;
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
