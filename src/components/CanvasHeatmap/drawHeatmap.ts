/**
 * Pure pixel painting for heatmaps: values → LUT colours, written into an RGBA buffer.
 * No React and no canvas calls here, so tests check the bytes directly.
 */
import { LUT_SIZE, type ColorDomain, type Lut } from '../../lib/colormap';

/**
 * Where one map's values sit in a larger array: value (r, c) is
 * `values[offset + r * rowStride + c * stride]`, rowStride being width·stride unless given
 * (a rowStride of 1 with stride = height reads a column-major matrix without transposing it).
 */
export interface MapSource {
  readonly values: ArrayLike<number>;
  readonly height: number;
  readonly width: number;
  readonly offset?: number;
  readonly stride?: number;
  readonly rowStride?: number;
}

/** Where value (r, c) of a map sits in its array: offset + r·rowStride + c·stride. */
function addressing(src: MapSource): { offset: number; stride: number; rowStride: number } {
  const stride = src.stride ?? 1;
  return { offset: src.offset ?? 0, stride, rowStride: src.rowStride ?? src.width * stride };
}

/** Value (r, c) of a map. */
export function valueAt(src: MapSource, r: number, c: number): number {
  const { offset, stride, rowStride } = addressing(src);
  return src.values[offset + r * rowStride + c * stride]!;
}

/** Whether text on v's colour should be dark (the colour's relative luminance is above 0.4). */
export function wantsDarkInk(v: number, domain: ColorDomain, table: Lut): boolean {
  if (v !== v) return true;
  const scale = (LUT_SIZE - 1) / (domain.hi - domain.lo || 1);
  const i = Math.max(0, Math.min(LUT_SIZE - 1, Math.round((v - domain.lo) * scale))) * 4;
  const lin = (x: number) => ((x /= 255) <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(table[i]!) + 0.7152 * lin(table[i + 1]!) + 0.0722 * lin(table[i + 2]!) > 0.4;
}

/**
 * Paints a map into `rgba` (an image `targetWidth` pixels wide) with its top-left corner at
 * (x0, y0): all of it, or only rows [rowStart, rowEnd) (a large map painted in bands).
 * Values outside the domain take the end colours; NaN is left transparent.
 */
export function paintMap(
  rgba: Uint8ClampedArray,
  targetWidth: number,
  x0: number,
  y0: number,
  src: MapSource,
  domain: ColorDomain,
  table: Lut,
  rowStart = 0,
  rowEnd = src.height,
): void {
  const { values, width } = src;
  const { offset, stride, rowStride } = addressing(src);
  const scale = (LUT_SIZE - 1) / (domain.hi - domain.lo || 1);
  for (let r = rowStart; r < rowEnd; r++) {
    let o = ((y0 + r) * targetWidth + x0) * 4;
    let q = offset + r * rowStride;
    for (let c = 0; c < width; c++, o += 4, q += stride) {
      putColour(rgba, o, values[q]!, domain.lo, scale, table);
    }
  }
}

/**
 * Paints a map shrunk `factor` times in each direction (⌈H/factor⌉ × ⌈W/factor⌉ pixels), each
 * pixel the mean of its factor×factor block: a thumbnail that keeps every value's weight.
 */
export function paintShrunk(
  rgba: Uint8ClampedArray,
  targetWidth: number,
  x0: number,
  y0: number,
  src: MapSource,
  domain: ColorDomain,
  table: Lut,
  factor: number,
): void {
  if (factor === 1) return paintMap(rgba, targetWidth, x0, y0, src, domain, table);
  const { values, height, width } = src;
  const { offset, stride, rowStride } = addressing(src);
  const scale = (LUT_SIZE - 1) / (domain.hi - domain.lo || 1);
  for (let r0 = 0, y = y0; r0 < height; r0 += factor, y++) {
    const r1 = Math.min(height, r0 + factor);
    let o = (y * targetWidth + x0) * 4;
    for (let c0 = 0; c0 < width; c0 += factor, o += 4) {
      const c1 = Math.min(width, c0 + factor);
      let sum = 0;
      for (let r = r0; r < r1; r++) {
        for (let c = c0, q = offset + r * rowStride + c0 * stride; c < c1; c++, q += stride) sum += values[q]!;
      }
      putColour(rgba, o, sum / ((r1 - r0) * (c1 - c0)), domain.lo, scale, table);
    }
  }
}

/** Writes v's LUT colour at byte `o` (ends clamp to the end colours; NaN is transparent). */
function putColour(rgba: Uint8ClampedArray, o: number, v: number, lo: number, scale: number, table: Lut): void {
  if (v !== v) {
    rgba[o + 3] = 0;
    return;
  }
  let i = Math.round((v - lo) * scale);
  i = i < 0 ? 0 : i > LUT_SIZE - 1 ? LUT_SIZE - 1 : i;
  const t = i * 4;
  rgba[o] = table[t]!; rgba[o + 1] = table[t + 1]!; rgba[o + 2] = table[t + 2]!; rgba[o + 3] = 255;
}

/** A grid of `count` equal cells with a gap, as square as the count allows. */
export interface GridLayout {
  readonly cols: number;
  readonly rows: number;
  readonly cellWidth: number;
  readonly cellHeight: number;
  readonly gap: number;
  readonly width: number;
  readonly height: number;
}

export function gridLayout(count: number, cellWidth: number, cellHeight: number, gap = 1): GridLayout {
  const cols = Math.max(1, Math.ceil(Math.sqrt((count * cellHeight) / cellWidth)));
  const rows = Math.max(1, Math.ceil(count / cols));
  return { cols, rows, cellWidth, cellHeight, gap, width: cols * (cellWidth + gap) - gap, height: rows * (cellHeight + gap) - gap };
}

/** The grid of `count` maps of cellWidth×cellHeight pixels, gaps growing with the cells. */
export function mapGrid(count: number, cellWidth: number, cellHeight: number): GridLayout {
  return gridLayout(count, cellWidth, cellHeight, Math.max(1, Math.round(cellWidth / 14)));
}

/** The cell index under image position (x, y), or −1 over a gap or past the last cell. */
export function cellAt(layout: GridLayout, x: number, y: number, count: number): number {
  const col = Math.floor(x / (layout.cellWidth + layout.gap));
  const row = Math.floor(y / (layout.cellHeight + layout.gap));
  if (col < 0 || row < 0 || col >= layout.cols || row >= layout.rows) return -1;
  if (x - col * (layout.cellWidth + layout.gap) >= layout.cellWidth || y - row * (layout.cellHeight + layout.gap) >= layout.cellHeight) return -1;
  const i = row * layout.cols + col;
  return i < count ? i : -1;
}

/** Top-left corner of cell i in image pixels. */
export function cellOrigin(layout: GridLayout, i: number): { x: number; y: number } {
  return { x: (i % layout.cols) * (layout.cellWidth + layout.gap), y: Math.floor(i / layout.cols) * (layout.cellHeight + layout.gap) };
}
