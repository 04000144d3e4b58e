/** What layer is shown: its shape, the seed of its data, bias and ReLU, and the student's own tensors. */
import type { StateCreator } from 'zustand/vanilla';
import type { PointwiseShape } from '../../engine/data/layerData';
import type { FilterMode } from '../../engine/data/photoLayer';
import type { CoutCinWeights, HwcTensor } from '../../engine/core/tensor';
import type { PhotoId } from '../../lib/photoIds';
import { PRESETS } from '../presets';
import { clampCursor } from './cursor';
import type { AppState } from '../index';

/** Where the input comes from: a shipped photo (through the first layer) or seeded synthetic activations. */
export type ImageSource = PhotoId | 'noise';

export interface LayerConfig extends PointwiseShape {
  readonly seed: number;
  readonly useBias: boolean;
  readonly useRelu: boolean;
  readonly image: ImageSource;
  /** With a photo: learned filters, or seeded He-random ones (the untrained network). */
  readonly filters: FilterMode;
}

/**
 * Tensors the student loaded (.npy files or a picture). Parts left out are made from the
 * seed; the shape of the layer follows what was loaded.
 */
export interface UserData {
  /** Changes with every load, so the worker sync knows the data is new. */
  readonly id: number;
  readonly input?: HwcTensor | undefined;
  readonly weights?: CoutCinWeights | undefined;
  readonly bias?: Float32Array | undefined;
  /** The student's picture: it takes the shipped photo's place (any shape fits it). */
  readonly picture?: Blob | undefined;
  /** Where it came from, e.g. "x.npy + conv.npy", for the status line. */
  readonly label: string;
  /** For a layer of the student's model: which model, node, picture and preprocessing (kept in exports). */
  readonly provenance?: Provenance | undefined;
}

export interface Provenance {
  readonly model: string;
  readonly node: string;
  /** The picture's title or file name, and the size it was given to the model at. */
  readonly picture: string;
  readonly size: string;
  /** "ImageNet mean/std · RGB"; "BN folded" when a BatchNormalization was folded in. */
  readonly preprocessing: string;
  readonly folded?: string | undefined;
  /** The picture as the model was given it (RGBA at the model's input size), and the nodes run to reach the layer. */
  readonly crop?: { readonly rgba: Uint8ClampedArray; readonly width: number; readonly height: number } | undefined;
  readonly nodes?: number | undefined;
}

export interface ConfigSlice {
  config: LayerConfig;
  userData: UserData | null;
  setConfig: (patch: Partial<LayerConfig>) => void;
  /** Uses the student's tensors; their shapes must agree (the loader checks). */
  setUserData: (data: Omit<UserData, 'id'> | null) => void;
}

export const DEFAULT_CONFIG: LayerConfig = { ...PRESETS.headline, seed: 1, useBias: true, useRelu: false, image: 'chelsea', filters: 'learned' };

/** Whether `d` fits the layer shape `c`. */
export function userDataFits(d: UserData, c: PointwiseShape): boolean {
  const i = d.input, w = d.weights;
  return (!i || (i.height === c.height && i.width === c.width && i.channels === c.inChannels))
    && (!w || (w.inChannels === c.inChannels && w.outChannels === c.outChannels))
    && (!d.bias || d.bias.length === c.outChannels);
}

/** The layer shape that loaded tensors imply; what they do not say comes from `c`. */
export function userDataShape(d: Omit<UserData, 'id' | 'label'>, c: PointwiseShape): PointwiseShape {
  return {
    height: d.input?.height ?? c.height,
    width: d.input?.width ?? c.width,
    inChannels: d.input?.channels ?? d.weights?.inChannels ?? c.inChannels,
    outChannels: d.weights?.outChannels ?? d.bias?.length ?? c.outChannels,
  };
}

let nextId = 1;

/** The cursor and channel clamped to `config`'s shape, so no view pairs a cursor with a shape it does not fit. */
function fitCursor(s: AppState, config: LayerConfig): Pick<AppState, 'cursor' | 'channel'> {
  return {
    cursor: clampCursor(s.cursor, config.height, config.width, config.outChannels),
    channel: Math.max(0, Math.min(config.inChannels - 1, s.channel)),
  };
}

export const createConfigSlice: StateCreator<AppState, [], [], ConfigSlice> = (set) => ({
  config: DEFAULT_CONFIG,
  userData: null,
  // A new shape that the loaded tensors do not fit returns the layer to seeded data; picking
  // another image puts the student's picture away.
  setConfig: (patch) => set((s) => {
    const config = { ...s.config, ...patch };
    const keep = s.userData && userDataFits(s.userData, config) && !(patch.image !== undefined && s.userData.picture);
    return { config, userData: keep ? s.userData : null, ...fitCursor(s, config) };
  }),
  setUserData: (data) => set((s) => {
    if (!data) return { userData: null };
    const userData = { ...data, id: nextId++ };
    const config = { ...s.config, ...userDataShape(data, s.config), useBias: data.bias ? true : s.config.useBias };
    return { userData, config, ...fitCursor(s, config) };
  }),
});
