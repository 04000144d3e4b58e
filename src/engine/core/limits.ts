/**
 * The app's limits, in the one module both threads import: the page checks what the student
 * enters against them (and states them in its messages), the worker refuses what goes beyond
 * them. Pure: no DOM, so the worker and the engine can import it.
 */

/** The layer the app shows: every shape a user can enter (form, URL, file, model layer) is checked here. */
export const LIMITS = {
  height: { min: 1, max: 128 },
  width: { min: 1, max: 128 },
  inChannels: { min: 1, max: 2048 },
  outChannels: { min: 1, max: 2048 },
  seed: { min: 0, max: 2 ** 31 - 1 },
  /** H·W·max(Cin, Cout): 16,777,216 floats = 64 MB per tensor at most (128×128×1024 fits, 128×128×2048 does not). */
  maxValues: 16 * 1024 * 1024,
} as const;

/**
 * The largest tensor a request may carry or ask for, and the largest the model evaluator
 * allocates: 64 M values (256 MB of float32). A model's inner tensors may be larger than the
 * layer the app shows; the layer taken from it is checked against LIMITS.
 */
export const MAX_TENSOR_VALUES = 64 * 1024 * 1024;

/** A student's .npy file holds at most the app's largest tensor. */
export const MAX_FILE_VALUES = LIMITS.maxValues;
/** .npy files above this size are refused before they are read (MAX_FILE_VALUES float64 values and a header). */
export const MAX_FILE_BYTES = MAX_FILE_VALUES * 8 + 65_536;
/** Model files above this are refused before reading (a browser tab holds the file and its weights). */
export const MAX_MODEL_BYTES = 512 * 1024 * 1024;
/** The most pixels a picture may have (e.g. 8,000 × 5,000): decoded, it takes 4 bytes a pixel. */
export const MAX_PICTURE_PIXELS = 40_000_000;

export type ShapeKey = 'height' | 'width' | 'inChannels' | 'outChannels';

export interface ShapeProblem {
  readonly key: ShapeKey | 'size';
  readonly min?: number;
  readonly max?: number;
}

/** The first problem with a shape, or null when it is within the limits. */
export function checkShape(shape: Record<ShapeKey, number>): ShapeProblem | null {
  for (const key of ['height', 'width', 'inChannels', 'outChannels'] as const) {
    const v = shape[key];
    const { min, max } = LIMITS[key];
    if (!Number.isInteger(v) || v < min || v > max) return { key, min, max };
  }
  if (shape.height * shape.width * Math.max(shape.inChannels, shape.outChannels) > LIMITS.maxValues) {
    return { key: 'size', max: LIMITS.maxValues };
  }
  return null;
}
