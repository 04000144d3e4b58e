/** Training a 1×1 layer from painted pixels (the Train page's engine). */
export { MAX_CLASSES, paramCount, softmaxLoss, softmaxLossPlain, softmaxInPlace, type LossStats, type TrainSet } from './softmaxLoss';
export { lbfgsAsk, lbfgsSteps, type LbfgsAsk, type LbfgsOptions, type LbfgsResult, type LbfgsStep, type Objective } from './lbfgs';
export { train, trainAsk, trainSteps, type TrainAsk, type TrainOptions, type TrainOutcome, type TrainStep } from './trainLayer';
export { ERASER, heldOutStrokes, paintStrokes, splitPainted, type PaintedPixels, type PixelSplit, type Stroke } from './strokes';
export { accuracy, argmax, classProbabilities, classScores, softmaxMap } from './predict';
export { packFeatures, packSet, softmaxLossPacked, type PackedSet } from './packedLoss';
export { doubles, packedGradient, packedScores } from './rowKernels';
export { lineLoss, moveScores, scoreGradient } from './softmaxLine';
export { resampleNearest } from './resampleMap';
