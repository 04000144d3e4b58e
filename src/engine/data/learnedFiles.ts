/**
 * The learned bank as the app ships it: float16 .npy files in public/learned/ (the first
 * layer, the mean channel vector, and the 1,024 prototypes in parts of 128), read by the
 * engine's own .npy reader. Float16 halves the download; the app computes with the rounded
 * values, so what the page shows is exactly what the files hold.
 */
import { FIRST_LAYER_SHAPE } from './firstLayer';
import type { LearnedBank } from './learnBank';
import { parseNpy, writeNpy } from '../io/npy';
import { coutCinWeights } from '../core/tensor';
import { POINTWISE_FILES, POINTWISE_PART_ROWS, POINTWISE_PARTS, type LearnedFileName } from './learnedFileNames';

export { FIRST_LAYER_FILES, LEARNED_FILES, POINTWISE_FILES, POINTWISE_PART_ROWS, POINTWISE_PARTS, type LearnedFileName, type PointwiseFileName } from './learnedFileNames';

/** The bank's files: name → .npy bytes. */
export function bankToNpy(bank: LearnedBank): Record<LearnedFileName, Uint8Array> {
  const { kernel } = bank.first;
  const f = bank.first.bias.length;
  const { outChannels: cout, inChannels: cin, data } = bank.pointwise;
  const rows = POINTWISE_PART_ROWS;
  if (cout !== rows * POINTWISE_PARTS) throw new RangeError(`${cout} prototypes are not ${POINTWISE_PARTS} parts of ${rows}`);
  const parts = Object.fromEntries(POINTWISE_FILES.map((name, j) => [name, writeNpy(data.subarray(j * rows * cin, (j + 1) * rows * cin), [rows, cin], 'f2')]));
  return {
    'first-filters': writeNpy(bank.first.filters, [f, kernel, kernel, 3], 'f2'),
    'first-bias': writeNpy(bank.first.bias, [f], 'f2'),
    'feature-mean': writeNpy(bank.featureMean, [bank.featureMean.length], 'f2'),
    ...(parts as Record<(typeof POINTWISE_FILES)[number], Uint8Array>),
  };
}

/** The bank read from some of its files: the prototypes of filters [from, to) are there, the others are 0. */
export interface PartialBank extends LearnedBank {
  readonly filters: readonly [from: number, to: number];
}

/**
 * Reads the bank back from its files: the first layer's three are needed, of the prototypes' parts
 * any run of consecutive ones (none, when only the first layer is wanted). Throws a RangeError
 * when the files do not fit together.
 */
export function bankFromNpy(files: Partial<Record<LearnedFileName, Uint8Array>>): PartialBank {
  const read = (name: LearnedFileName) => {
    const bytes = files[name];
    if (!bytes) throw new RangeError(`learned/${name}.npy is missing`);
    return parseNpy(bytes, 1 << 22);
  };
  const filters = read('first-filters'), bias = read('first-bias'), mean = read('feature-mean');
  const [f, k1, k2, c] = filters.shape;
  const { kernel } = FIRST_LAYER_SHAPE;
  const cin = 2 * f!;
  if (filters.shape.length !== 4 || k1 !== kernel || k2 !== kernel || c !== 3 || bias.shape[0] !== f || mean.shape[0] !== cin) {
    throw new RangeError('the learned files do not fit together');
  }
  const present = POINTWISE_FILES.flatMap((name, j) => (files[name] ? [j] : []));
  if (present.some((j, n) => j !== present[0]! + n)) throw new RangeError('the prototypes’ parts must be consecutive');
  const parts = present.map((j) => read(POINTWISE_FILES[j]!));
  const rows = parts[0]?.shape[0] ?? 0;
  if (parts.some((p) => p.shape.length !== 2 || p.shape[0] !== rows || p.shape[1] !== cin)) throw new RangeError('the learned files do not fit together');
  const pointwise = coutCinWeights(rows * POINTWISE_PARTS, cin);
  parts.forEach((p, n) => pointwise.data.set(p.data, (present[0]! + n) * rows * cin));
  const from = parts.length ? present[0]! * rows : 0;
  return {
    first: { ...FIRST_LAYER_SHAPE, filters: filters.data, bias: bias.data },
    pointwise,
    featureMean: mean.data,
    filters: [from, from + parts.length * rows],
  };
}

/** The bank rounded through its files, as the app sees it. */
export const roundTripBank = (bank: LearnedBank): LearnedBank => bankFromNpy(bankToNpy(bank));
