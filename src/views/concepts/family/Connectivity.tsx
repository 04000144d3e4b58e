import { useConceptT } from '../text/useConceptT';
import { useMemo } from 'react';
import { CanvasHeatmap } from '../../../components/CanvasHeatmap/CanvasHeatmap';
import { channelConnectivity, type LayerKind } from '../../../engine/concepts/counts';
import type { Lut } from '../../../lib/colormap';

/** Two-colour table: 0 = not connected (panel), 1 = connected (accent). */
const CONNECTED: Lut = (() => {
  const t = new Uint8ClampedArray(256 * 4);
  for (let i = 0; i < 256; i++) t.set(i < 128 ? [236, 239, 245, 255] : [29, 78, 216, 255], i * 4);
  return t;
})();

/** Largest channel count drawn as individual lines; above it the matrix alone is shown. */
const MAX_LINES = 16;

/**
 * Which input channels feed which output channels, from the engine's connectivity matrix:
 * as lines between channel dots when there are few channels, and always as a Cout×Cin
 * matrix (a filled cell = that input channel is read by that output channel's filter).
 */
export function Connectivity({ kind, inChannels, outChannels, groups, label, matrixLabel }: { kind: LayerKind; inChannels: number; outChannels: number; groups: number; label: string; matrixLabel: string }) {
  const t = useConceptT();
  const stages: LayerKind[] = kind === 'separable' ? ['depthwise', 'pointwise'] : [kind];
  return (
    <div className="connectivity">
      {stages.map((stage, i) => {
        // A depthwise stage keeps Cin channels, so a separable layer's pointwise stage reads Cin too.
        return <Stage key={stage} kind={stage} cin={inChannels} cout={stage === 'depthwise' ? inChannels : outChannels} groups={groups} label={`${label}${stages.length > 1 ? ` (${i + 1}/2: ${t(`fam.kind.${stage}`)})` : ''}`} matrixLabel={matrixLabel} />;
      })}
    </div>
  );
}

function Stage({ kind, cin, cout, groups, label, matrixLabel }: { kind: LayerKind; cin: number; cout: number; groups: number; label: string; matrixLabel: string }) {
  const matrix = useMemo(() => channelConnectivity(kind, cin, cout, groups), [kind, cin, cout, groups]);
  const rows = kind === 'depthwise' ? cin : cout;
  const lines = cin <= MAX_LINES && rows <= MAX_LINES;
  const y = (i: number, n: number) => 10 + (i + 0.5) * (180 / n);
  return (
    <div className="connectivity-stage">
      {lines && (
        <svg viewBox="0 0 200 200" className="connect-lines" role="img" aria-label={label}>
          {Array.from({ length: rows }, (_, o) => Array.from({ length: cin }, (_, i) => matrix[o * cin + i] ? (
            <line key={`${o}-${i}`} x1={30} y1={y(i, cin)} x2={170} y2={y(o, rows)} />
          ) : null))}
          {Array.from({ length: cin }, (_, i) => <circle key={`i${i}`} cx={30} cy={y(i, cin)} r={4.5} className="in" />)}
          {Array.from({ length: rows }, (_, o) => <circle key={`o${o}`} cx={170} cy={y(o, rows)} r={4.5} className="out" />)}
        </svg>
      )}
      <CanvasHeatmap className="connect-matrix" source={{ values: matrix, height: rows, width: cin }} domain={{ lo: 0, hi: 1 }} lut={CONNECTED}
        label={`${matrixLabel} (${rows}×${cin})`} />
    </div>
  );
}
