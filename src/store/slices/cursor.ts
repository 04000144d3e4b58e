/** Where the student is looking: pixel (row, col) and output channel (filter) k. */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from '../index';

export interface Cursor {
  readonly row: number;
  readonly col: number;
  readonly filterIndex: number;
}

export interface CursorSlice {
  cursor: Cursor;
  /** Moves the cursor, clamped to the current shape. */
  setCursor: (patch: Partial<Cursor>) => void;
}

export function clampCursor(c: Cursor, height: number, width: number, outChannels: number): Cursor {
  const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, Math.round(v) || 0));
  return { row: clamp(c.row, height), col: clamp(c.col, width), filterIndex: clamp(c.filterIndex, outChannels) };
}

export const createCursorSlice: StateCreator<AppState, [], [], CursorSlice> = (set) => ({
  cursor: { row: 0, col: 0, filterIndex: 0 },
  setCursor: (patch) =>
    set((s) => ({ cursor: clampCursor({ ...s.cursor, ...patch }, s.config.height, s.config.width, s.config.outChannels) })),
});
