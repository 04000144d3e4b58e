/**
 * Where the parts of the whole-layer figure sit, in the SVG's user units: the input and output
 * as blocks in a fixed oblique projection (front faces flat, depth drawn up and to the right),
 * the filter as a rod between them. Pure: no DOM, so tests check the layout directly.
 *
 * Rows and columns are drawn to scale. Channels cannot be (512 channels to scale would be nine
 * times deeper than the block is wide), so depth has a scale of its own, the same for both
 * blocks and the rod: 1,024 channels are drawn twice as deep as 512. `depthSqueeze` says how
 * much shorter than to scale that is, and the figure says so.
 */

export interface LayerShape {
  readonly height: number;
  readonly width: number;
  readonly inChannels: number;
  readonly outChannels: number;
}

export interface Point { readonly x: number; readonly y: number }
export interface Rect { readonly x: number; readonly y: number; readonly w: number; readonly h: number }

export interface LayerGeometry {
  readonly viewWidth: number;
  readonly viewHeight: number;
  /** Depth direction: one unit of depth moves (dx, −dy) on screen. */
  readonly dx: number;
  readonly dy: number;
  /** The fanned input cards, front first (rects of their map faces), and the block's front face. */
  readonly cards: readonly Rect[];
  readonly inFace: Rect;
  /** Depth of the input block behind its front face, and of the whole input (cards + block). */
  readonly inDepth: number;
  readonly inTotalDepth: number;
  readonly outFace: Rect;
  readonly outDepth: number;
  /** The rod's front square and its depth (Cin channels, on the blocks' depth scale). */
  readonly rod: Rect;
  readonly rodDepth: number;
  /** How many times shorter than to scale depth is drawn (≥ 1). */
  readonly depthSqueeze: number;
  /** True when the shallower block is drawn deeper than its scale, to stay visible. */
  readonly depthClamped: boolean;
}

/** Largest side of a front face, and the deepest block, in user units. */
const FACE = 100, MAX_DEPTH = 80, MIN_DEPTH = 5, CARD_GAP = 7, ROD = 5;
/** The depth axis: 30° up from the horizontal. */
const DX = Math.cos(Math.PI / 6), DY = Math.sin(Math.PI / 6);
const MARGIN = 18, GAP = 26;

/** How many input channel maps are fanned out in front of the input block. */
export const FANNED = 3;

export function layerGeometry(shape: LayerShape): LayerGeometry {
  const { height, width, inChannels, outChannels } = shape;
  const side = Math.max(height, width);
  const fw = (FACE * width) / side, fh = (FACE * height) / side;
  const deepest = Math.max(inChannels, outChannels);
  const depthOf = (c: number) => Math.max(MIN_DEPTH, (MAX_DEPTH * c) / deepest);
  const fanned = Math.min(FANNED, inChannels - 1);
  const inDepth = depthOf(inChannels);
  const inTotalDepth = fanned * CARD_GAP + inDepth;
  const outDepth = depthOf(outChannels);
  // Depth rises to the right, so the tallest stack sets the top; faces sit on one baseline.
  const rise = Math.max(inTotalDepth, outDepth) * DY;
  const top = MARGIN + rise;
  const x0 = MARGIN;
  const cards = Array.from({ length: fanned }, (_, i) => ({ x: x0 + i * CARD_GAP * DX, y: top - i * CARD_GAP * DY, w: fw, h: fh }));
  const inFace = { x: x0 + fanned * CARD_GAP * DX, y: top - fanned * CARD_GAP * DY, w: fw, h: fh };
  const inRight = x0 + fw + inTotalDepth * DX;
  const rodDepth = inDepth;
  const rod = { x: inRight + GAP, y: top + fh / 2 - ROD / 2 + (rodDepth * DY) / 2, w: ROD, h: ROD };
  const outFace = { x: rod.x + ROD + rodDepth * DX + GAP, y: top, w: fw, h: fh };
  const viewWidth = outFace.x + fw + outDepth * DX + MARGIN + 14;
  // Below the faces: their width, name and the map's label, in text that keeps its screen size.
  const viewHeight = top + fh + 40;
  // To scale, a channel would be as deep as a pixel is wide: FACE / side units.
  const depthSqueeze = Math.max(1, (deepest * FACE) / side / MAX_DEPTH);
  const depthClamped = (MAX_DEPTH * Math.min(inChannels, outChannels)) / deepest < MIN_DEPTH;
  return { viewWidth, viewHeight, dx: DX, dy: DY, cards, inFace, inDepth, inTotalDepth, outFace, outDepth, rod, rodDepth, depthSqueeze, depthClamped };
}

/** A point moved `depth` units back along the depth axis. */
export function back(g: Pick<LayerGeometry, 'dx' | 'dy'>, p: Point, depth: number): Point {
  return { x: p.x + depth * g.dx, y: p.y - depth * g.dy };
}

/** The cell of pixel (row, col) on a front face of a map of height×width pixels. */
export function cellRect(face: Rect, row: number, col: number, height: number, width: number): Rect {
  const w = face.w / width, h = face.h / height;
  return { x: face.x + col * w, y: face.y + row * h, w, h };
}

/** The pixel under a point given as fractions (0…1) of a face, clamped to the map. */
export function pixelAt(fx: number, fy: number, height: number, width: number): { row: number; col: number } {
  const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, Math.floor(v * n)));
  return { row: clamp(fy, height), col: clamp(fx, width) };
}

/** SVG points of the top and right faces of a box whose front face is `face`, `depth` deep. */
export function sideFaces(g: Pick<LayerGeometry, 'dx' | 'dy'>, face: Rect, depth: number): { top: string; right: string } {
  const tl = { x: face.x, y: face.y }, tr = { x: face.x + face.w, y: face.y }, br = { x: face.x + face.w, y: face.y + face.h };
  const pts = (ps: Point[]) => ps.map((p) => `${p.x.toFixed(2)},${p.y.toFixed(2)}`).join(' ');
  return {
    top: pts([tl, tr, back(g, tr, depth), back(g, tl, depth)]),
    right: pts([tr, br, back(g, br, depth), back(g, tr, depth)]),
  };
}

/** The outline of a 1×1×depth column whose front is `cell`: front square and its top and right sides. */
export function columnPoints(g: Pick<LayerGeometry, 'dx' | 'dy'>, cell: Rect, depth: number): string {
  const tl = { x: cell.x, y: cell.y }, tr = { x: cell.x + cell.w, y: cell.y };
  const br = { x: cell.x + cell.w, y: cell.y + cell.h }, bl = { x: cell.x, y: cell.y + cell.h };
  return [bl, tl, back(g, tl, depth), back(g, tr, depth), back(g, br, depth), br]
    .map((p) => `${p.x.toFixed(2)},${p.y.toFixed(2)}`).join(' ');
}
