/**
 * What the student painted, as labels on the map's pixels. A stroke is a class (or the
 * eraser), a brush radius and the map cells its pointer passed through; it covers every cell
 * within the radius of the segments between them. Later strokes paint over earlier ones.
 *
 * Held-out pixels: every second stroke of each class (its 2nd, 4th, …) is kept out of
 * training, so the accuracy on them measures how the layer does on pixels it never saw.
 * Deterministic, so a shared link splits the same way.
 */

export const ERASER = -1;

export interface Stroke {
  /** The class painted, 0…K−1, or ERASER. */
  readonly cls: number;
  /** Brush radius in map cells (0 = one cell). */
  readonly radius: number;
  /** The cells passed through, as [row, col, row, col, …]. */
  readonly points: readonly number[];
}

export interface PaintedPixels {
  /** Each map pixel's class, or −1 when unpainted (H·W). */
  readonly labels: Int8Array;
  /** The index of the stroke that last painted each pixel, or −1 (H·W). */
  readonly strokeOf: Int16Array;
}

/** Paints `strokes` in order on an H×W map. */
export function paintStrokes(strokes: readonly Stroke[], height: number, width: number): PaintedPixels {
  const labels = new Int8Array(height * width).fill(-1);
  const strokeOf = new Int16Array(height * width).fill(-1);
  strokes.forEach((stroke, index) => {
    const { points, radius } = stroke;
    const stamp = (r: number, c: number) => {
      const rad = Math.max(0, radius);
      for (let dr = -Math.ceil(rad); dr <= rad; dr++) {
        for (let dc = -Math.ceil(rad); dc <= rad; dc++) {
          if (dr * dr + dc * dc > rad * rad + 0.5) continue;
          const rr = r + dr, cc = c + dc;
          if (rr < 0 || cc < 0 || rr >= height || cc >= width) continue;
          const p = rr * width + cc;
          labels[p] = stroke.cls === ERASER ? -1 : stroke.cls;
          strokeOf[p] = stroke.cls === ERASER ? -1 : index;
        }
      }
    };
    for (let i = 0; i + 1 < points.length; i += 2) {
      const r = points[i]!, c = points[i + 1]!;
      const pr = i >= 2 ? points[i - 2]! : r, pc = i >= 2 ? points[i - 1]! : c;
      // Cells along the segment from the previous point, so a fast drag leaves no gaps.
      const steps = Math.max(Math.abs(r - pr), Math.abs(c - pc), 1);
      for (let t = 1; t <= steps; t++) stamp(Math.round(pr + ((r - pr) * t) / steps), Math.round(pc + ((c - pc) * t) / steps));
    }
  });
  return { labels, strokeOf };
}

/** Whether stroke `index` is held out: its class's 2nd, 4th, … stroke. */
export function heldOutStrokes(strokes: readonly Stroke[]): boolean[] {
  const seen = new Map<number, number>();
  return strokes.map((s) => {
    if (s.cls === ERASER) return false;
    const n = seen.get(s.cls) ?? 0;
    seen.set(s.cls, n + 1);
    return n % 2 === 1;
  });
}

/** The painted pixels split in two: those trained on and those held out, with their classes. */
export interface PixelSplit {
  readonly trainPixels: Int32Array;
  readonly trainLabels: Uint8Array;
  readonly heldPixels: Int32Array;
  readonly heldLabels: Uint8Array;
}

export function splitPainted(painted: PaintedPixels, heldOut: readonly boolean[]): PixelSplit {
  const tp: number[] = [], tl: number[] = [], hp: number[] = [], hl: number[] = [];
  for (let p = 0; p < painted.labels.length; p++) {
    const cls = painted.labels[p]!;
    if (cls < 0) continue;
    if (heldOut[painted.strokeOf[p]!]) { hp.push(p); hl.push(cls); } else { tp.push(p); tl.push(cls); }
  }
  return { trainPixels: Int32Array.from(tp), trainLabels: Uint8Array.from(tl), heldPixels: Int32Array.from(hp), heldLabels: Uint8Array.from(hl) };
}
