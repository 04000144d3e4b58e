/** The layers the app offers by name (concepts.md §1 and §2). */
import type { PointwiseShape } from '../engine/data/layerData';

export const PRESETS = {
  headline: { height: 56, width: 56, inChannels: 512, outChannels: 1024 },
  reduce: { height: 56, width: 56, inChannels: 250, outChannels: 10 },
  tiny: { height: 4, width: 4, inChannels: 3, outChannels: 2 },
} as const satisfies Record<string, PointwiseShape>;

export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

/** The preset a shape matches, or null for a custom shape. */
export function presetOf(shape: PointwiseShape): PresetName | null {
  for (const name of PRESET_NAMES) {
    const p = PRESETS[name];
    if (p.height === shape.height && p.width === shape.width && p.inChannels === shape.inChannels && p.outChannels === shape.outChannels) return name;
  }
  return null;
}
