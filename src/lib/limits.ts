/**
 * The one place that bounds a layer's shape, so memory stays sane in a browser tab.
 * Every shape a user can enter (form, URL, file) is checked here.
 */

export const LIMITS = {
  height: { min: 1, max: 128 },
  width: { min: 1, max: 128 },
  inChannels: { min: 1, max: 2048 },
  outChannels: { min: 1, max: 2048 },
  seed: { min: 0, max: 2 ** 31 - 1 },
  /** H·W·max(Cin, Cout): 16,777,216 floats = 64 MB per tensor at most (128×128×1024 fits, 128×128×2048 does not). */
  maxValues: 16 * 1024 * 1024,
} as const;

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
