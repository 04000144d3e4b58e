import './layer.css';
import { useMemo } from 'react';
import { useAppStore } from '../../../store/useAppStore';
import { back, cellRect, columnPoints, layerGeometry, sideFaces, type Rect } from './geometry';
import { useFigureT } from '../../shared/text/useFigureT';

/**
 * A small copy of the whole-layer figure for scenes 1–5: where the step is in the layer —
 * the filter (scene 1), the pixel's column and the channel reached (2, 5), the output cell
 * (3) or map (4). A button: it opens the whole layer (scene 0).
 */
export function MiniLayer() {
  const t = useFigureT();
  const scene = useAppStore((s) => s.scene);
  const { height: h, width: w, inChannels: cin, outChannels: cout } = useAppStore((s) => s.config);
  const { row, col, filterIndex: k } = useAppStore((s) => s.cursor);
  const channel = useAppStore((s) => Math.min(s.channel, s.config.inChannels - 1));
  const setScene = useAppStore((s) => s.setScene);
  const g = useMemo(() => layerGeometry({ height: h, width: w, inChannels: cin, outChannels: cout }), [h, w, cin, cout]);
  const front: Rect = g.cards[0] ?? g.inFace;
  const inSides = sideFaces(g, front, g.inTotalDepth);
  const outSides = sideFaces(g, g.outFace, g.outDepth);
  const rodSides = sideFaces(g, g.rod, g.rodDepth);
  const cell = cellRect(front, row, col, h, w);
  const out = cellRect(g.outFace, row, col, h, w);
  const showsChannel = scene === 2 || scene === 5;
  const slice = back(g, front, (g.inTotalDepth * (channel + 0.5)) / cin);
  // The output channel k as a slice through the output block's depth.
  const outSlice = back(g, g.outFace, (g.outDepth * (k + 0.5)) / cout);
  const label = t(showsChannel ? 'layer.miniChannel' : 'layer.mini', { row, col, k, channel });
  return (
    <button type="button" className="mini-layer" onClick={() => setScene(0)} title={t('layer.open.0')} aria-label={`${label}. ${t('layer.open.0')}`}>
      <svg viewBox={`0 0 ${g.viewWidth.toFixed(1)} ${g.viewHeight.toFixed(1)}`} aria-hidden="true" data-scene={scene}>
        <polygon className="ml-side" points={inSides.top} />
        <polygon className="ml-side" points={inSides.right} />
        <rect className="ml-face" x={front.x} y={front.y} width={front.w} height={front.h} />
        {showsChannel && <rect className="ml-slice" x={slice.x} y={slice.y} width={front.w} height={front.h} />}
        {scene !== 1 && <polygon className="ml-column" points={columnPoints(g, cell, g.inTotalDepth)} />}
        <g className={scene === 1 ? 'ml-rod lit' : 'ml-rod'}>
          <polygon points={rodSides.top} />
          <polygon points={rodSides.right} />
          <rect x={g.rod.x} y={g.rod.y} width={g.rod.w} height={g.rod.h} />
        </g>
        <polygon className="ml-side" points={outSides.top} />
        <polygon className="ml-side" points={outSides.right} />
        <rect className={scene === 4 || scene === 5 ? 'ml-face lit' : 'ml-face'} x={g.outFace.x} y={g.outFace.y} width={g.outFace.w} height={g.outFace.h} />
        <rect className="ml-slice out" x={outSlice.x} y={outSlice.y} width={g.outFace.w} height={g.outFace.h} />
        {(scene === 2 || scene === 3) && <rect className="ml-cell" x={out.x} y={out.y} width={Math.max(out.w, 3)} height={Math.max(out.h, 3)} />}
      </svg>
    </button>
  );
}
