/**
 * Colour palettes by role, so the whole app switches together and keeps one visual
 * language: signed values (outputs, products) on a diverging map centred on zero, weights on
 * a second diverging map, inputs (non-negative activations) and other non-negative maps on
 * sequential ones. Every palette is colour-blind safe.
 */
import type { ColormapName } from './colormap';

export type ColourRole = 'signed' | 'weights' | 'inputs' | 'positive';

export const PALETTES = {
  /** Red–blue outputs, purple–orange weights, teal inputs. */
  classic: { signed: 'rdbu', weights: 'puor', inputs: 'bugn', positive: 'cividis' },
  /** Purple–orange outputs, red–blue weights, cividis inputs. */
  cividis: { signed: 'puor', weights: 'rdbu', inputs: 'cividis', positive: 'cividis' },
  /** Red–blue outputs, purple–orange weights, viridis inputs. */
  viridis: { signed: 'rdbu', weights: 'puor', inputs: 'viridis', positive: 'viridis' },
} as const satisfies Record<string, Record<ColourRole, ColormapName>>;

export type PaletteName = keyof typeof PALETTES;
export const PALETTE_NAMES = Object.keys(PALETTES) as PaletteName[];
