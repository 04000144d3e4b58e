/** The Train page's state: the picture painted on, the layer's input, its classes and the strokes. */
import type { StateCreator } from 'zustand/vanilla';
import type { Stroke } from '../../engine/train/strokes';
import type { PhotoId } from '../../lib/photoIds';
import { MAX_STROKES } from '../../lib/trainCode';
import type { TrainInput } from '../../worker/trainProtocol';
import type { AppState } from '../index';

/** 'model': the input of the 1×1 layer in use of the student's model (a link to it works once that model is loaded). */
export const TRAIN_INPUTS = ['learned', 'random', 'rgb', 'model'] as const satisfies readonly TrainInput[];

export interface TrainConfig {
  readonly photo: PhotoId;
  readonly input: TrainInput;
  /** Class names; their count is the layer's K (2–6). */
  readonly classes: readonly string[];
  readonly strokes: readonly Stroke[];
}

export const DEFAULT_TRAIN: TrainConfig = { photo: 'rocket', input: 'learned', classes: ['rocket', 'sky'], strokes: [] };

export interface TrainSlice {
  train: TrainConfig;
  /** Strokes taken back by Undo, for Redo (not in the link). */
  trainRedo: readonly Stroke[];
  setTrain: (patch: Partial<TrainConfig>) => void;
  /** Adds a stroke (the oldest goes when there are MAX_STROKES). */
  addStroke: (stroke: Stroke) => void;
  undoStroke: () => void;
  redoStroke: () => void;
}

export const createTrainSlice: StateCreator<AppState, [], [], TrainSlice> = (set) => ({
  train: DEFAULT_TRAIN,
  trainRedo: [],
  // Fewer classes drop the strokes of the classes that went.
  setTrain: (patch) => set((s) => {
    const train = { ...s.train, ...patch };
    const k = train.classes.length;
    const strokes = train.strokes.some((st) => st.cls >= k) ? train.strokes.filter((st) => st.cls < k) : train.strokes;
    return { train: { ...train, strokes }, ...(patch.strokes ? { trainRedo: [] } : {}) };
  }),
  addStroke: (stroke) => set((s) => ({ train: { ...s.train, strokes: [...s.train.strokes, stroke].slice(-MAX_STROKES) }, trainRedo: [] })),
  undoStroke: () => set((s) => {
    const last = s.train.strokes[s.train.strokes.length - 1];
    return last ? { train: { ...s.train, strokes: s.train.strokes.slice(0, -1) }, trainRedo: [...s.trainRedo, last] } : {};
  }),
  redoStroke: () => set((s) => {
    const next = s.trainRedo[s.trainRedo.length - 1];
    return next ? { train: { ...s.train, strokes: [...s.train.strokes, next] }, trainRedo: s.trainRedo.slice(0, -1) } : {};
  }),
});
