/** The layout every first layer of the app uses (no code, so the page can import it cheaply). */
export const FIRST_LAYER_SHAPE = { kernel: 8, stride: 4, pad: 2, contrastEps: 0.01, threshold: 0.25 } as const;
