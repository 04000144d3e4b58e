/**
 * The learned bank as the app ships it: four float16 .npy files in public/learned/, read by
 * the engine's own .npy reader. Float16 halves the download; the app computes with the
 * rounded values, so what the page shows is exactly what the files hold.
 */
import { FIRST_LAYER_SHAPE } from './firstLayer';
import type { LearnedBank } from './learnBank';
import { parseNpy, writeNpy } from './npy';
import { coutCinWeights } from './tensor';
import type { LearnedFileName } from './learnedFileNames';

export { LEARNED_FILES, type LearnedFileName } from './learnedFileNames';

/** The bank's files: name → .npy bytes. */
export function bankToNpy(bank: LearnedBank): Record<LearnedFileName, Uint8Array> {
  const { kernel } = bank.first;
  const f = bank.first.bias.length;
  return {
    'first-filters': writeNpy(bank.first.filters, [f, kernel, kernel, 3], 'f2'),
    'first-bias': writeNpy(bank.first.bias, [f], 'f2'),
    pointwise: writeNpy(bank.pointwise.data, [bank.pointwise.outChannels, bank.pointwise.inChannels], 'f2'),
    'feature-mean': writeNpy(bank.featureMean, [bank.featureMean.length], 'f2'),
  };
}

/** Reads the bank back from its files; throws a RangeError when they do not fit together. */
export function bankFromNpy(files: Record<LearnedFileName, Uint8Array>): LearnedBank {
  const read = (name: LearnedFileName) => parseNpy(files[name], 1 << 22);
  const filters = read('first-filters'), bias = read('first-bias'), pointwise = read('pointwise'), mean = read('feature-mean');
  const [f, k1, k2, c] = filters.shape;
  const { kernel } = FIRST_LAYER_SHAPE;
  const [cout, cin] = pointwise.shape;
  if (filters.shape.length !== 4 || k1 !== kernel || k2 !== kernel || c !== 3 || bias.shape[0] !== f || cin !== 2 * f! || cout === undefined || mean.shape[0] !== cin) {
    throw new RangeError('the learned files do not fit together');
  }
  return {
    first: { ...FIRST_LAYER_SHAPE, filters: filters.data, bias: bias.data },
    pointwise: coutCinWeights(cout, cin, pointwise.data),
    featureMean: mean.data,
  };
}

/** The bank rounded through its files, as the app sees it. */
export const roundTripBank = (bank: LearnedBank): LearnedBank => bankFromNpy(bankToNpy(bank));
