/** Tick values and positions for a colour legend (d3 computes, the component draws). */
import { linearScale } from '../../lib/linearScale';
import type { ColorDomain } from '../../lib/colormap';

export interface LegendTick {
  readonly value: number;
  /** 0…1 along the bar. */
  readonly position: number;
  /** The value as d3 formats ticks of this scale (with a real minus sign). */
  readonly label: string;
}

export function legendTicks(domain: ColorDomain, count = 5): LegendTick[] {
  const scale = linearScale([domain.lo, domain.hi], [0, 1]);
  const format = scale.tickFormat(count);
  return scale.ticks(count).map((value) => ({ value, position: scale(value), label: format(value) }));
}
