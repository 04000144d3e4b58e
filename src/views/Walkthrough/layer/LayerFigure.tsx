import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { paintMap } from '../../../components/CanvasHeatmap/drawHeatmap';
import { formatInt } from '../../../lib/format';
import { useWidth } from '../../../components/useWidth';
import { appStore } from '../../../store';
import { useAppStore } from '../../../store/useAppStore';
import type { Scene } from '../../../store/stepping';
import { back, layerGeometry, pixelAt, sideFaces, type LayerGeometry, type Rect } from './geometry';
import { FigurePainter, type Colours, type FigureData, type FigureElements } from './painter';
import { DotReadout, type ReadoutRefs } from './DotReadout';
import { useT } from '../../../components/useT';
import { useLayerLoop, type FrameStats } from './useLayerLoop';

/** The parts of the figure a number of the sentence can point at, and the scene each opens. */
export type Part = 'face' | 'column' | 'rod' | 'cell' | 'outMap' | 'outDepth' | 'sum';
export const PART_SCENE: Record<Part, Scene> = { face: 2, column: 2, rod: 1, cell: 3, outMap: 4, outDepth: 4, sum: 5 };

export interface LayerFigureProps {
  data: FigureData;
  /** The input channels drawn on the fanned cards (front first) and on the block's face. */
  channels: readonly number[];
  colours: Colours;
  playing: boolean;
  /** The part the sentence's pointer is on, drawn lit. */
  lit: Part | null;
  onOpen: (part: Part) => void;
  children?: ReactNode;
}

const pct = (v: number, of: number) => `${(100 * v) / of}%`;
const faceStyle = (r: Rect, g: LayerGeometry) => ({ left: pct(r.x, g.viewWidth), top: pct(r.y, g.viewHeight), width: pct(r.w, g.viewWidth), height: pct(r.h, g.viewHeight) });

/**
 * The whole layer as the textbook draws it: the input as a block with a few of its real
 * channel maps fanned out in front, filter k as a rod, the output as a block with map k on
 * its face filling in pixel by pixel. React draws the structure once; the painter moves
 * the lit parts each frame (see painter.ts and useLayerLoop.ts).
 */
export function LayerFigure({ data, channels, colours, playing, lit, onOpen, children }: LayerFigureProps) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const cursor = useAppStore((s) => s.cursor);
  const { height: h, width: w, inChannels: cin, outChannels: cout } = data;
  const g = useMemo(() => layerGeometry({ height: h, width: w, inChannels: cin, outChannels: cout }), [h, w, cin, cout]);
  const root = useRef<HTMLElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  // User units per CSS pixel: the labels keep a readable size whatever the figure's width.
  const units = g.viewWidth / useWidth(stage, g.viewWidth);
  const cards = useRef<(HTMLCanvasElement | null)[]>([]);
  const outMap = useRef<HTMLCanvasElement>(null);
  const column = useRef<SVGPolygonElement>(null);
  const cells = useRef<(SVGRectElement | null)[]>([]);
  const outCell = useRef<SVGRectElement>(null);
  const lead0 = useRef<SVGLineElement>(null);
  const lead1 = useRef<SVGLineElement>(null);
  const rodImage = useRef<SVGImageElement>(null);
  const filterText = useRef<SVGTextElement>(null);
  const mapText = useRef<SVGTextElement>(null);
  const readout = useRef<ReadoutRefs>(null);
  const stats = useMemo<FrameStats>(() => ({ frames: 0, totalMs: 0, maxMs: 0 }), []);
  const [painter, setPainter] = useState<FigurePainter | null>(null);

  // The input's maps, painted once per layer and palette.
  useEffect(() => {
    const faces = [...channels];
    cards.current.forEach((canvas, i) => {
      const ch = faces[i];
      const ctx = canvas?.getContext('2d');
      if (!ctx || ch === undefined) return;
      const rgba = new Uint8ClampedArray(w * h * 4);
      paintMap(rgba, w, 0, 0, { values: data.input, height: h, width: w, offset: ch, stride: cin }, colours.inputDomain, colours.inputs);
      const image = ctx.createImageData(w, h);
      image.data.set(rgba);
      ctx.putImageData(image, 0, 0);
    });
  }, [data.input, channels, colours, h, w, cin]);

  useEffect(() => {
    const r = readout.current;
    const els = [outMap.current, column.current, outCell.current, lead0.current, lead1.current, rodImage.current, filterText.current, mapText.current];
    if (!r || els.some((e) => !e) || cells.current.some((c) => !c)) return;
    const el: FigureElements = {
      outMap: outMap.current!, column: column.current!, cells: cells.current.filter((c): c is SVGRectElement => c !== null),
      outCell: outCell.current!, leads: [lead0.current!, lead1.current!], rodImage: rodImage.current!,
      values: r.values, weights: r.weights, products: r.products, terms: r.terms, result: r.result,
      texts: { filter: filterText.current!, map: mapText.current!, pixel: r.pixel, valuesLabel: r.valuesLabel, weightsLabel: r.weightsLabel },
    };
    setPainter(new FigurePainter(g, data, el, colours, {
      filter: (k) => t('layer.filter', { k, cin: formatInt(cin, lang) }),
      map: (k) => `${t('layer.output')} · ${t('layer.map', { k })}`,
      values: (row, col) => t('layer.values', { row, col }),
      weights: (k) => t('layer.weights', { k }),
      pixelOf: (n, total) => t('layer.pixelOf', { n: formatInt(n, lang), total: formatInt(total, lang) }),
      terms: (count) => t('layer.terms', { count: formatInt(count, lang) }),
    }));
  }, [g, data, colours, t, lang, cin]);

  // Still (paused, or motion reduced): the store's cursor, on the map filled up to it at least.
  useEffect(() => {
    if (!painter || playing) return;
    const p = cursor.row * w + cursor.col;
    painter.draw({ pixel: p, filterIndex: cursor.filterIndex, filled: painter.filledFor(cursor.filterIndex, p) });
  }, [painter, playing, cursor, w]);

  useLayerLoop(painter, playing, root, stats);

  /** Hover (mouse) or touch on a face stops the loop at that pixel. */
  const pick = (e: PointerEvent<SVGRectElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const { row, col } = pixelAt((e.clientX - r.left) / r.width, (e.clientY - r.top) / r.height, h, w);
    const s = appStore.getState();
    if (s.playing) s.setPlaying(false);
    if (row !== s.cursor.row || col !== s.cursor.col) s.setCursor({ row, col });
  };
  // The labelled parts are buttons; the column and the cell, a few pixels wide, are pointer
  // shortcuts only: the sentence's numbers open the same steps from the keyboard.
  const part = (p: Part, label: string, node: ReactNode, isFocusable = true) => (
    <g className={`lf-part${lit === p ? ' lit' : ''}`} role={isFocusable ? 'button' : undefined} tabIndex={isFocusable ? 0 : undefined}
      aria-label={isFocusable ? label : undefined} data-part={p} onClick={() => onOpen(p)}
      onKeyDown={(e: KeyboardEvent) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onOpen(p); } }}>
      {isFocusable ? node : <><title>{label}</title>{node}</>}
    </g>
  );
  const front = g.cards[0] ?? g.inFace;
  const inSides = sideFaces(g, front, g.inTotalDepth);
  const outSides = sideFaces(g, g.outFace, g.outDepth);
  const rod = g.rod;
  const rodFaces = sideFaces(g, rod, g.rodDepth);
  const depthLabel = (r: Rect, depth: number, text: string) => {
    const p = back(g, { x: r.x, y: r.y }, depth / 2);
    return <text className="lf-dim" x={p.x - 4} y={p.y - 3} textAnchor="end" transform={`rotate(-30 ${p.x - 4} ${p.y - 3})`}>{text}</text>;
  };
  const faces = [...g.cards, g.inFace];
  const k = cursor.filterIndex;
  return (
    <figure className="layer-figure" ref={root} aria-label={t('layer.figureLabel', { h, w, cin, cout })}>
      <div className="lf-stage" ref={stage} style={{ ['--ratio' as string]: (g.viewWidth / g.viewHeight).toFixed(4), ['--u' as string]: units.toFixed(3) }}>
        <svg className="lf-back" viewBox={`0 0 ${g.viewWidth.toFixed(1)} ${g.viewHeight.toFixed(1)}`} aria-hidden="true">
          <polygon className="lf-side top" points={inSides.top} />
          <polygon className="lf-side right" points={inSides.right} />
          <g className={lit === 'outDepth' ? 'lit' : ''}>
            <polygon className="lf-side top out" points={outSides.top} />
            <polygon className="lf-side right out" points={outSides.right} />
          </g>
        </svg>
        {[...faces].reverse().map((r, j) => {
          const i = faces.length - 1 - j;
          return <canvas key={i} className="lf-face" width={w} height={h} style={faceStyle(r, g)} ref={(c) => { cards.current[i] = c; }} aria-hidden="true" />;
        })}
        <canvas className="lf-face lf-out" width={w} height={h} style={faceStyle(g.outFace, g)} ref={outMap} aria-hidden="true" />
        <svg className="lf-front" viewBox={`0 0 ${g.viewWidth.toFixed(1)} ${g.viewHeight.toFixed(1)}`}>
          {faces.map((r, i) => <rect key={i} className={`lf-outline${lit === 'face' ? ' lit' : ''}`} x={r.x} y={r.y} width={r.w} height={r.h} />)}
          <rect className={`lf-outline${lit === 'outMap' ? ' lit' : ''}`} x={g.outFace.x} y={g.outFace.y} width={g.outFace.w} height={g.outFace.h} />
          <rect className="lf-hit" x={front.x} y={front.y} width={front.w} height={front.h} onPointerMove={pick} onPointerDown={pick} role="img" aria-label={t('layer.inFace')} />
          <rect className="lf-hit" x={g.outFace.x} y={g.outFace.y} width={g.outFace.w} height={g.outFace.h} onPointerMove={pick} onPointerDown={pick} role="img" aria-label={t('layer.outFace', { k })} />
          {faces.map((_, i) => <rect key={i} className="lf-cell" ref={(c) => { cells.current[i] = c; }} />)}
          <line className="lf-lead" ref={lead0} />
          <line className="lf-lead" ref={lead1} />
          {part('column', t('layer.open.2', { row: cursor.row, col: cursor.col }), <polygon className="lf-column" ref={column} />, false)}
          {part('cell', t('layer.open.3', { row: cursor.row, col: cursor.col, k }), <rect className="lf-cell out" ref={outCell} />, false)}
          {/* Each part's name begins with its visible text (WCAG 2.5.3, label in name: "filter 0 1×1×512", "Σ w·x"); the
              leading space, not drawn (SVG drops it), keeps "filter 0" and "1×1×512" two words when the texts are read as one. */}
          {part('rod', t('layer.open.1', { k, cin: String(cin) }), <>
            <rect className="lf-pad" x={rod.x - 6} y={rod.y - g.dy * g.rodDepth - 6} width={rod.w + g.dx * g.rodDepth + 12} height={rod.h + g.dy * g.rodDepth + 12} />
            <polygon className="lf-rod-side" points={rodFaces.top} />
            <image ref={rodImage} preserveAspectRatio="none" width={cin} height={1}
              transform={`matrix(${(g.dx * g.rodDepth) / cin} ${(-g.dy * g.rodDepth) / cin} 0 ${rod.h} ${rod.x + rod.w} ${rod.y})`} />
            <rect className="lf-rod-front" x={rod.x} y={rod.y} width={rod.w} height={rod.h} />
            <text ref={filterText} className="lf-label" x={rod.x + (g.dx * g.rodDepth) / 2} y={rod.y + rod.h} dy="1.3em" textAnchor="middle" />
            <text className="lf-dim" x={rod.x + (g.dx * g.rodDepth) / 2} y={rod.y + rod.h} dy="2.6em" textAnchor="middle">{` 1×1×${cin}`}</text>
          </>)}
          {part('sum', t('layer.open.5'), <text className="lf-label" x={rod.x + (g.dx * g.rodDepth) / 2} y={rod.y - g.dy * g.rodDepth} dy="-0.6em" textAnchor="middle">{t('layer.sum')}</text>)}
          {part('outMap', t('layer.open.4', { k }), <text ref={mapText} className="lf-label" x={g.outFace.x + g.outFace.w / 2} y={g.outFace.y + g.outFace.h} dy="2.3em" textAnchor="middle" />)}
          <text className="lf-dim" x={front.x - 3} y={front.y + front.h / 2} textAnchor="end" dominantBaseline="middle">{h}</text>
          <text className="lf-dim" x={front.x + front.w / 2} y={front.y + front.h} dy="1.05em" textAnchor="middle">{w}</text>
          {depthLabel(front, g.inTotalDepth, formatInt(cin, lang))}
          <text className="lf-name" x={front.x + front.w / 2} y={front.y + front.h} dy="2.3em" textAnchor="middle">{t('layer.input')}</text>
          <text className="lf-dim" x={g.outFace.x - 3} y={g.outFace.y + g.outFace.h / 2} textAnchor="end" dominantBaseline="middle">{h}</text>
          <text className="lf-dim" x={g.outFace.x + g.outFace.w / 2} y={g.outFace.y + g.outFace.h} dy="1.05em" textAnchor="middle">{w}</text>
          {depthLabel(g.outFace, g.outDepth, formatInt(cout, lang))}
        </svg>
      </div>
      <DotReadout ref={readout} squeeze={g.depthSqueeze} isClamped={g.depthClamped}>{children}</DotReadout>
    </figure>
  );
}
