/** What the engine produced for the current configuration, and how the job is going. */
import type { StateCreator } from 'zustand/vanilla';
import type { InputSummary } from '../../engine/data/channelStats';
import type { LayerData } from '../../engine/data/layerData';
import type { FilterKind } from '../../engine/data/photoLayer';
import type { ColorDomain } from '../../lib/colormap';
import type { AppState } from '../index';

export type JobStatus = 'idle' | 'generating' | 'computing' | 'done' | 'error';

export interface Job {
  readonly status: JobStatus;
  /** 0…1 while computing. */
  readonly progress: number;
  readonly error?: string | undefined;
  readonly computeMs?: number | undefined;
  /** 1 or 2 workers, or 0 when the engine runs on the main thread. */
  readonly workers?: number | undefined;
  /** Outputs that overflowed float32 (±Infinity) or are NaN. */
  readonly nonFinite?: number | undefined;
}

/** A photo's pixels as the first layer saw them (4W × 4H RGBA), for receptive-field crops. */
export interface PhotoPixels {
  readonly rgba: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/** The layer's data and where it came from. */
export interface LayerSnapshot extends LayerData {
  /** What the filters are (learned, named, random), or the student's own. */
  readonly filterKind: FilterKind | 'user';
  /** The first layer's filters (F × 8 × 8 × 3) when the input is a photo's features. */
  readonly firstFilters?: Float32Array | undefined;
  /** The photo (shipped or the student's) the input was made from. */
  readonly photo?: PhotoPixels | undefined;
  /** A photo's input channels by variance and their colour scale (made in the worker with them). */
  readonly inputSummary?: InputSummary | undefined;
  /**
   * Only learned filters [from, to) have their weights and biases yet (the others are 0): the
   * first view needs one filter, and the rest of the bank is still on its way. The views that
   * need every filter see no data until it is complete (selectSnapshot); scene 2 starts with it.
   */
  readonly filters?: readonly [from: number, to: number] | undefined;
}

export interface ResultsSlice {
  /** Input, weights and bias of the current shape and seed. */
  data: LayerSnapshot | null;
  /** H×W×Cout output of `data` with the current bias and ReLU settings. */
  output: Float32Array | null;
  /** Colour domain of `output`: symmetric around zero, from the worker's max |value|. */
  outputDomain: ColorDomain;
  job: Job;
  /** Why the engine runs on the main thread, when it does. */
  fallbackReason: string | null;
  /**
   * The data scene 2 has drawn (it says so once the first number is on screen): data made
   * from part of the bank waits for it before the rest of the bank takes the network.
   */
  shownData: LayerSnapshot | null;
}

export const createResultsSlice: StateCreator<AppState, [], [], ResultsSlice> = () => ({
  data: null,
  output: null,
  outputDomain: { lo: -1, hi: 1 },
  job: { status: 'idle', progress: 0 },
  fallbackReason: null,
  shownData: null,
});
