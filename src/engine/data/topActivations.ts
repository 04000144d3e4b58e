/**
 * Where a filter responds most: the top positions of one output channel, kept apart so the
 * examples are not the same spot seen twice ("dataset examples", Olah et al., Feature
 * Visualization, Distill 2017).
 */

export interface Activation {
  readonly row: number;
  readonly col: number;
  readonly value: number;
}

/**
 * The `count` largest values of channel `channel` of an H×W×C map (channels-last), greedily,
 * each at least `minDistance` pixels (Chebyshev) from those already taken. Ties go to the
 * earlier pixel. Fewer are returned when the map has no more room.
 */
export function topActivations(data: Float32Array, height: number, width: number, channels: number, channel: number, count: number, minDistance: number): Activation[] {
  const order = Array.from({ length: height * width }, (_, p) => p);
  const at = (p: number) => data[p * channels + channel]!;
  order.sort((a, b) => at(b) - at(a) || a - b);
  const taken: Activation[] = [];
  for (const p of order) {
    if (taken.length >= count) break;
    const row = Math.floor(p / width), col = p % width;
    if (taken.some((t) => Math.max(Math.abs(t.row - row), Math.abs(t.col - col)) < minDistance)) continue;
    taken.push({ row, col, value: at(p) });
  }
  return taken;
}

/**
 * The photo window seen by output pixel (row, col) through the first layer (k×k at `stride`,
 * `pad`), as [top, left, size] in photo pixels; it may reach past the photo's edge.
 */
export function receptiveField(row: number, col: number, kernel: number, stride: number, pad: number): { top: number; left: number; size: number } {
  return { top: row * stride - pad, left: col * stride - pad, size: kernel };
}
