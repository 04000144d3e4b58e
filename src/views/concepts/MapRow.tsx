import { CanvasHeatmap } from '../../components/CanvasHeatmap/CanvasHeatmap';
import type { ColorDomain, Lut } from '../../lib/colormap';
import { formatValue } from '../../lib/format';

/** The value under the pointer of a concept page's map: (row, col) = value. */
const probe = (row: number, col: number, v: number) => `(${row}, ${col}) = ${formatValue(v)}`;

export interface MapItem {
  /** Visible caption under the map. */
  readonly caption: string;
  /** Accessible name: what the map shows. */
  readonly label: string;
  /** H×W values, row-major (or a channel of an H×W×C map through offset/stride). */
  readonly values: ArrayLike<number>;
  readonly height: number;
  readonly width: number;
  readonly offset?: number;
  readonly stride?: number;
}

/** A row of small heatmaps on one colour scale, each with a caption. */
export function MapRow({ items, domain, lut, className }: { items: readonly MapItem[]; domain: ColorDomain; lut: Lut; className?: string }) {
  return (
    <div className={`map-row ${className ?? ''}`}>
      {items.map((m, i) => (
        <figure key={i} className="map-cell">
          <CanvasHeatmap source={m} domain={domain} lut={lut} label={m.label} probe={probe} cellText={formatValue} />
          <figcaption>{m.caption}</figcaption>
        </figure>
      ))}
    </div>
  );
}
