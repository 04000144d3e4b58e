import { useMemo } from 'react';
import { LUT_SIZE, lutColor, type ColorDomain, type Lut } from '../../lib/colormap';
import { legendTicks } from './legendTicks';

export interface LegendProps {
  domain: ColorDomain;
  lut: Lut;
  /** Accessible description of the scale. */
  label: string;
}

/** A colour bar with numeric ticks; the gradient is built from the same LUT as the maps. */
export function Legend({ domain, lut, label }: LegendProps) {
  const gradient = useMemo(() => {
    const stops = Array.from({ length: 9 }, (_, i) => `${lutColor(lut, i / 8)} ${(i / 8) * 100}%`);
    return `linear-gradient(to right, ${stops.join(', ')})`;
  }, [lut]);
  const ticks = useMemo(() => legendTicks(domain), [domain]);
  return (
    <figure className="legend" aria-label={label} role="group">
      <div className="legend-bar" style={{ background: gradient }} data-lut-size={LUT_SIZE} />
      <div className="legend-ticks" aria-hidden="true">
        {ticks.map((t) => (
          <span key={t.value} style={{ left: `${t.position * 100}%` }}>
            {t.label}
          </span>
        ))}
      </div>
    </figure>
  );
}
