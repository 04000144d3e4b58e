/**
 * Hand-made 3×3 kernels for the convolution-basics view (concepts.md §3): each a row-major
 * list of 9 weights, applied as a cross-correlation, as deep-learning frameworks do.
 */
export const IMAGE_KERNELS = {
  identity: [0, 0, 0, 0, 1, 0, 0, 0, 0],
  boxBlur: [1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
  gaussianBlur: [1 / 16, 2 / 16, 1 / 16, 2 / 16, 4 / 16, 2 / 16, 1 / 16, 2 / 16, 1 / 16],
  sharpen: [0, -1, 0, -1, 5, -1, 0, -1, 0],
  emboss: [-2, -1, 0, -1, 1, 1, 0, 1, 2],
  outline: [-1, -1, -1, -1, 8, -1, -1, -1, -1],
  sobelX: [-1, 0, 1, -2, 0, 2, -1, 0, 1],
  sobelY: [-1, -2, -1, 0, 0, 0, 1, 2, 1],
} as const satisfies Record<string, readonly number[]>;

export type ImageKernelName = keyof typeof IMAGE_KERNELS;
export const IMAGE_KERNEL_NAMES = Object.keys(IMAGE_KERNELS) as ImageKernelName[];
