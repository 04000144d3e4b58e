import { useMemo } from 'react';
import { lut, type Lut } from '../lib/colormap';
import { PALETTES, type ColourRole } from '../lib/palettes';
import { useAppStore } from '../store/useAppStore';

/** The colour tables of the chosen palette, by role. */
export function usePalette(): Record<ColourRole, Lut> {
  const name = useAppStore((s) => s.palette);
  return useMemo(() => {
    const p = PALETTES[name];
    return { signed: lut(p.signed), weights: lut(p.weights), inputs: lut(p.inputs), positive: lut(p.positive) };
  }, [name]);
}
