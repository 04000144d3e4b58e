/**
 * Draws one moment of the whole-layer figure into elements React made once: moves the lit
 * column, cells and leader lines, fills the output map's new cells, and writes the dot-product
 * readout. Each frame touches a few attributes, at most ~10 cells and three 1×Cin strips, so
 * a frame stays well under a millisecond; nothing here re-renders React.
 */
import { paintMap } from '../../../components/CanvasHeatmap/drawHeatmap';
import { symmetricDomain, type ColorDomain, type Lut } from '../../../lib/colormap';
import { formatValue } from '../../../lib/format';
import { outputChannel } from '../../../engine/kernels/pixelOutputs';
import { coutCinWeights, hwcTensor } from '../../../engine/core/tensor';
import { back, cellRect, columnPoints, type LayerGeometry, type Rect } from './geometry';

export interface FigureData {
  readonly height: number;
  readonly width: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly input: Float32Array;
  readonly weights: Float32Array;
  readonly bias: Float32Array | undefined;
  readonly relu: boolean;
  /**
   * The engine's whole output (H×W×Cout), or null while the workers compute it: the figure
   * then computes the map it shows itself (one 1×1 filter over every pixel, a few ms), so the
   * opening view moves as soon as the layer's data is here.
   */
  readonly output: Float32Array | null;
}

export interface FigureElements {
  readonly outMap: HTMLCanvasElement;
  readonly column: SVGPolygonElement;
  readonly cells: readonly SVGRectElement[];
  readonly outCell: SVGRectElement;
  readonly leads: readonly [SVGLineElement, SVGLineElement];
  readonly rodImage: SVGImageElement;
  readonly values: HTMLCanvasElement;
  readonly weights: HTMLCanvasElement;
  readonly products: HTMLCanvasElement;
  readonly terms: HTMLElement;
  readonly result: HTMLElement;
  readonly texts: { readonly filter: SVGTextElement; readonly map: SVGTextElement; readonly pixel: HTMLElement; readonly valuesLabel: HTMLElement; readonly weightsLabel: HTMLElement };
}

export interface Colours {
  readonly inputs: Lut;
  readonly weights: Lut;
  readonly signed: Lut;
  readonly inputDomain: ColorDomain;
  readonly weightDomain: ColorDomain;
}

export interface Moment {
  readonly pixel: number;
  readonly filterIndex: number;
  /** Pixels 0…filled − 1 of map k are drawn. */
  readonly filled: number;
}

/** How many terms of the dot product the readout writes out. */
const TERMS = 3;

export interface Labels {
  filter: (k: number) => string;
  map: (k: number) => string;
  values: (row: number, col: number) => string;
  weights: (k: number) => string;
  pixelOf: (n: number, total: number) => string;
  terms: (count: number) => string;
}

export class FigurePainter {
  private k = -1;
  private shown: Moment = { pixel: -1, filterIndex: -1, filled: -1 };
  private filled = 0;
  private mapDomain: ColorDomain = { lo: -1, hi: 1 };
  /** RGBA of the output map (W×H) and of one 1×Cin strip. */
  private readonly image: Uint8ClampedArray;
  private readonly strip: Uint8ClampedArray;
  private readonly products: Float32Array;
  /** Map k's values (H×W), from the engine's output or computed here. */
  private map: Float32Array;

  constructor(
    private readonly g: LayerGeometry,
    private readonly d: FigureData,
    private readonly el: FigureElements,
    private readonly colours: Colours,
    private readonly labels: Labels,
  ) {
    this.image = new Uint8ClampedArray(d.width * d.height * 4);
    this.strip = new Uint8ClampedArray(d.inChannels * 4);
    this.products = new Float32Array(d.inChannels);
    this.map = new Float32Array(d.width * d.height);
  }

  /** How much of map k a still figure at pixel p shows: what the loop filled, the pixel at least; a new map whole. */
  filledFor(k: number, p: number): number {
    return k === this.k ? Math.max(this.filled, p + 1) : this.d.height * this.d.width;
  }

  /** The engine's y(row, col, k) at pixel index p. */
  outputAt(p: number, k: number): number {
    return (k === this.k ? this.map : this.mapOf(k))[p]!;
  }

  /** Map k of the output: the engine's whole output when it is here, else computed from k's filter alone. */
  private mapOf(k: number): Float32Array {
    const { height: h, width: w, inChannels: cin, outChannels: cout, output, input, weights, bias, relu } = this.d;
    if (!output) {
      return outputChannel(hwcTensor(h, w, cin, input), { weights: coutCinWeights(cout, cin, weights), bias, relu }, k);
    }
    const values = new Float32Array(h * w);
    for (let p = 0; p < values.length; p++) values[p] = output[p * cout + k]!;
    return values;
  }

  draw(m: Moment): void {
    // Most frames of the slow start show the same moment: nothing to do.
    if (m.pixel === this.shown.pixel && m.filterIndex === this.shown.filterIndex && m.filled === this.shown.filled) return;
    this.shown = m;
    const { height: h, width: w, inChannels: cin } = this.d;
    const row = Math.floor(m.pixel / w), col = m.pixel % w;
    if (m.filterIndex !== this.k) this.setFilter(m.filterIndex);
    this.fill(Math.max(m.filled, 0));
    // The lit column through the input, its cell on every face, and the output cell.
    const front = cellRect(this.g.cards[0] ?? this.g.inFace, row, col, h, w);
    this.el.column.setAttribute('points', columnPoints(this.g, front, this.g.inTotalDepth));
    const faces = [...this.g.cards, this.g.inFace];
    this.el.cells.forEach((c, i) => setRect(c, cellRect(faces[i]!, row, col, h, w)));
    const out = cellRect(this.g.outFace, row, col, h, w);
    setRect(this.el.outCell, out);
    // Leader lines: from the column's far end to the rod, from the rod's far end to the output cell.
    const colEnd = back(this.g, { x: front.x + front.w / 2, y: front.y + front.h / 2 }, this.g.inTotalDepth);
    const rod = this.g.rod;
    const rodEnd = back(this.g, { x: rod.x + rod.w / 2, y: rod.y + rod.h / 2 }, this.g.rodDepth);
    setLine(this.el.leads[0], colEnd.x, colEnd.y, rod.x, rod.y + rod.h / 2);
    setLine(this.el.leads[1], rodEnd.x, rodEnd.y, out.x + out.w / 2, out.y + out.h / 2);
    this.readout(m.pixel, row, col, m.filterIndex, cin);
  }

  private setFilter(k: number): void {
    const { inChannels: cin, weights } = this.d;
    this.k = k;
    this.filled = 0;
    this.map = this.mapOf(k);
    this.mapDomain = symmetricDomain(this.map);
    this.image.fill(0);
    put(this.el.outMap, this.image, this.d.width, this.d.height);
    // The rod and the weights strip: filter k's Cin weights.
    const filter = weights.subarray(k * cin, (k + 1) * cin);
    paintMap(this.strip, cin, 0, 0, { values: filter, height: 1, width: cin }, this.colours.weightDomain, this.colours.weights);
    put(this.el.weights, this.strip, cin, 1);
    // (No canvas, as in tests without one: the rod keeps its plain fill.)
    const url = this.el.weights.getContext('2d') ? this.el.weights.toDataURL() : '';
    if (typeof url === 'string' && url.startsWith('data:')) this.el.rodImage.setAttribute('href', url);
    this.el.texts.filter.textContent = this.labels.filter(k);
    this.el.texts.map.textContent = this.labels.map(k);
    this.el.texts.weightsLabel.textContent = this.labels.weights(k);
  }

  /** Paints cells [this.filled, filled) of map k (all of them again when the map shrank). */
  private fill(filled: number): void {
    const { width: w, height: h } = this.d;
    const total = h * w;
    const to = Math.min(total, filled);
    if (to < this.filled) {
      this.image.fill(0);
      this.filled = 0;
    }
    if (to === this.filled) return;
    const from = this.filled;
    // Cells as a 1-row map each: the same colour rule as every heatmap of the app.
    for (let p = from; p < to; p++) {
      paintMap(this.image, w, p % w, Math.floor(p / w), { values: this.map, height: 1, width: 1, offset: p }, this.mapDomain, this.colours.signed);
    }
    this.filled = to;
    put(this.el.outMap, this.image, this.d.width, this.d.height);
  }

  private readout(p: number, row: number, col: number, k: number, cin: number): void {
    const { input, weights, bias, relu, height, width } = this.d;
    const x = input.subarray(p * cin, (p + 1) * cin);
    paintMap(this.strip, cin, 0, 0, { values: x, height: 1, width: cin }, this.colours.inputDomain, this.colours.inputs);
    put(this.el.values, this.strip, cin, 1);
    let m = 0;
    for (let i = 0; i < cin; i++) {
      const v = x[i]! * weights[k * cin + i]!;
      this.products[i] = v;
      if (Math.abs(v) > m && Math.abs(v) !== Infinity) m = Math.abs(v);
    }
    paintMap(this.strip, cin, 0, 0, { values: this.products, height: 1, width: cin }, { lo: -(m || 1), hi: m || 1 }, this.colours.signed);
    put(this.el.products, this.strip, cin, 1);
    const shown = Math.min(TERMS, cin);
    const terms: string[] = [];
    for (let i = 0; i < shown; i++) terms.push(`${formatValue(x[i]!)}·${paren(weights[k * cin + i]!)}`);
    const more = cin > shown ? ` + … (${this.labels.terms(cin)})` : '';
    const sum = `${terms.join(' + ')}${more}${bias ? ` + b ${paren(bias[k]!)}` : ''}`;
    this.el.terms.textContent = relu ? `max(0, ${sum})` : sum;
    this.el.result.textContent = `y(${row}, ${col}, ${k}) = ${formatValue(this.outputAt(p, k))}`;
    this.el.texts.pixel.textContent = this.labels.pixelOf(p + 1, height * width);
    this.el.texts.valuesLabel.textContent = this.labels.values(row, col);
  }
}

/** Puts RGBA bytes on a canvas of their size (a no-op where there is no 2-D context). */
function put(canvas: HTMLCanvasElement, rgba: Uint8ClampedArray, width: number, height: number): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const image = ctx.createImageData(width, height);
  image.data.set(rgba);
  ctx.putImageData(image, 0, 0);
}

const paren = (v: number) => (v < 0 ? `(${formatValue(v)})` : formatValue(v));

function setRect(el: SVGRectElement, r: Rect): void {
  el.setAttribute('x', r.x.toFixed(2));
  el.setAttribute('y', r.y.toFixed(2));
  el.setAttribute('width', r.w.toFixed(2));
  el.setAttribute('height', r.h.toFixed(2));
}

function setLine(el: SVGLineElement, x1: number, y1: number, x2: number, y2: number): void {
  el.setAttribute('x1', x1.toFixed(2));
  el.setAttribute('y1', y1.toFixed(2));
  el.setAttribute('x2', x2.toFixed(2));
  el.setAttribute('y2', y2.toFixed(2));
}
