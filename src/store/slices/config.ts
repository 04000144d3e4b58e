/** What layer is shown: its shape, the seed of its data, bias and ReLU. */
import type { StateCreator } from 'zustand/vanilla';
import type { PointwiseShape } from '../../engine/layerData';
import { PRESETS } from '../presets';
import type { AppState } from '../index';

export interface LayerConfig extends PointwiseShape {
  readonly seed: number;
  readonly useBias: boolean;
  readonly useRelu: boolean;
}

export interface ConfigSlice {
  config: LayerConfig;
  setConfig: (patch: Partial<LayerConfig>) => void;
}

export const DEFAULT_CONFIG: LayerConfig = { ...PRESETS.headline, seed: 1, useBias: false, useRelu: false };

export const createConfigSlice: StateCreator<AppState, [], [], ConfigSlice> = (set) => ({
  config: DEFAULT_CONFIG,
  setConfig: (patch) => set((s) => ({ config: { ...s.config, ...patch } })),
});
