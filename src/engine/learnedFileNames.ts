/** The names of the learned bank's files (public/learned/<name>.npy); no code, so the page can import it cheaply. */
export const LEARNED_FILES = ['first-filters', 'first-bias', 'pointwise', 'feature-mean'] as const;
export type LearnedFileName = (typeof LEARNED_FILES)[number];
