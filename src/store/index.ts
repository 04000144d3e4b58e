/**
 * The app's one store, built from typed slices with vanilla `createStore`, so the worker
 * sync can subscribe outside React (and start before React loads); `useAppStore`
 * (useAppStore.ts) binds it to components.
 */
import { createStore } from 'zustand/vanilla';
import { createConfigSlice, type ConfigSlice } from './slices/config';
import { createCursorSlice, type CursorSlice } from './slices/cursor';
import { createResultsSlice, type ResultsSlice } from './slices/results';
import { createTrainSlice, type TrainSlice } from './slices/train';
import { createUiSlice, type UiSlice } from './slices/ui';
import { createWalkthroughSlice, type WalkthroughSlice } from './slices/walkthrough';

export type AppState = ConfigSlice & CursorSlice & ResultsSlice & TrainSlice & UiSlice & WalkthroughSlice;

export function createAppStore() {
  return createStore<AppState>()((...a) => ({
    ...createConfigSlice(...a),
    ...createCursorSlice(...a),
    ...createResultsSlice(...a),
    ...createTrainSlice(...a),
    ...createUiSlice(...a),
    ...createWalkthroughSlice(...a),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;

export const appStore = createAppStore();
