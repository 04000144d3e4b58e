/**
 * The names of the learned bank's files (public/learned/<name>.npy); no code, so the page can
 * import it cheaply. The 1,024 prototypes come in POINTWISE_PARTS files of 128 filters each, so
 * the first view fetches the part that holds its filter and the rest follows.
 */

export const POINTWISE_FILES = ['pointwise-0', 'pointwise-1', 'pointwise-2', 'pointwise-3', 'pointwise-4', 'pointwise-5', 'pointwise-6', 'pointwise-7'] as const;
export const POINTWISE_PARTS = POINTWISE_FILES.length;
/** Prototypes (1×1 filters) in each part: filter k is in part ⌊k / 128⌋. */
export const POINTWISE_PART_ROWS = 128;
/** What every photo layer needs first: the first layer and the photos' mean channel vector. */
export const FIRST_LAYER_FILES = ['first-filters', 'first-bias', 'feature-mean'] as const;
export const LEARNED_FILES = [...FIRST_LAYER_FILES, ...POINTWISE_FILES] as const;
export type LearnedFileName = (typeof LEARNED_FILES)[number];
export type PointwiseFileName = (typeof POINTWISE_FILES)[number];
