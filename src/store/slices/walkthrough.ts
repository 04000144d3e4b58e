/** The walkthrough's own state: scene, how far the dot product has got, playback. */
import type { StateCreator } from 'zustand/vanilla';
import { atEnd, step, type Scene, type StepAction, type StepPosition } from '../stepping';
import type { AppState } from '../index';

export const SPEEDS = [1, 4, 16, 64, 256] as const;
export type Speed = (typeof SPEEDS)[number];

export interface BuildUp { readonly channel: number; readonly row: number; readonly col: number; readonly filterIndex: number }

export interface WalkthroughSlice {
  scene: Scene;
  /** Channels 0…channel of the dot product are summed (scene 2). */
  channel: number;
  playing: boolean;
  /** Steps per second while playing. */
  speed: Speed;
  /**
   * How far the build-ups of scenes 2 and 5 had got when last left, and for which pixel and
   * filter: coming back to the same one carries on from there instead of starting over.
   */
  buildUps: Partial<Record<2 | 5, BuildUp>>;
  setScene: (scene: Scene) => void;
  applyStep: (action: StepAction) => void;
  /** Applies `action` up to `count` times in one state update; false once the scene has ended. */
  applySteps: (action: StepAction, count: number) => boolean;
  setChannel: (channel: number) => void;
  setPlaying: (playing: boolean) => void;
  setSpeed: (speed: Speed) => void;
}

export const createWalkthroughSlice: StateCreator<AppState, [], [], WalkthroughSlice> = (set, get) => ({
  scene: 1,
  channel: 0,
  playing: false,
  speed: 16,
  buildUps: {},
  setScene: (scene) => {
    const s = get();
    // The scene shown already (its tab clicked again): nothing is reset.
    if (scene === s.scene) return;
    const { row, col, filterIndex } = s.cursor;
    const buildUps = s.scene === 2 || s.scene === 5 ? { ...s.buildUps, [s.scene]: { channel: s.channel, row, col, filterIndex } } : s.buildUps;
    // Scene 2 restarts the current pixel's dot product from its first channel; scene 3, "move
    // to the next pixel", moves on one pixel when it is reached from scenes 1–2 (from any
    // pixel but the last), and otherwise keeps the cursor.
    const complete = s.config.inChannels - 1;
    // Scene 5 starts with no term added: the bias alone. Scene 2's dot product (its pixel and
    // filter) and scene 5's sum (its filter) carry on where they were left, if they are the same.
    if (scene === 2 || scene === 5) {
      const b = buildUps[scene];
      // Scene 3 moves on one pixel from scene 2's: back from there, scene 2 shows its own pixel again.
      const here = row * s.config.width + col, there = b ? b.row * s.config.width + b.col : -1;
      const same = b !== undefined && b.filterIndex === filterIndex && (scene === 5 || here === there || (s.scene === 3 && here === there + 1));
      if (same && scene === 2) set({ cursor: { row: b.row, col: b.col, filterIndex } });
      set({ scene, channel: same ? Math.min(b.channel, complete) : 0, playing: false, buildUps });
    } else if (scene === 3 && s.scene < 3) {
      const next = step({ scene, channel: complete, ...s.cursor }, 'pixel+', s.config);
      set({ scene, playing: false, channel: complete, buildUps, cursor: { row: next.row, col: next.col, filterIndex: next.filterIndex } });
    } else set({ scene, playing: false, channel: complete, buildUps });
  },
  applyStep: (action) => {
    const s = get();
    const next = step({ scene: s.scene, channel: s.channel, ...s.cursor }, action, s.config);
    set({ scene: next.scene, channel: next.channel, cursor: { row: next.row, col: next.col, filterIndex: next.filterIndex } });
  },
  applySteps: (action, count) => {
    const s = get();
    let p: StepPosition = { scene: s.scene, channel: s.channel, ...s.cursor };
    let moved = true;
    for (let i = 0; i < count && moved; i++) {
      moved = !atEnd(p, s.config);
      if (moved) p = step(p, action, s.config);
    }
    set({ channel: p.channel, cursor: { row: p.row, col: p.col, filterIndex: p.filterIndex } });
    return !atEnd(p, s.config);
  },
  setChannel: (channel) => set((s) => ({ channel: Math.max(0, Math.min(s.config.inChannels - 1, Math.round(channel) || 0)) })),
  setPlaying: (playing) => set({ playing }),
  setSpeed: (speed) => set({ speed }),
});
