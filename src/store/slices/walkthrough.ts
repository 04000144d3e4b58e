/** The walkthrough's own state: scene, how far the dot product has got, playback. */
import type { StateCreator } from 'zustand/vanilla';
import { atEnd, step, type Scene, type StepAction, type StepPosition } from '../stepping';
import type { AppState } from '../index';

export const SPEEDS = [1, 4, 16, 64, 256] as const;
export type Speed = (typeof SPEEDS)[number];

export interface WalkthroughSlice {
  scene: Scene;
  /** Channels 0…channel of the dot product are summed (scene 2). */
  channel: number;
  playing: boolean;
  /** Steps per second while playing. */
  speed: Speed;
  setScene: (scene: Scene) => void;
  applyStep: (action: StepAction) => void;
  /** Applies `action` up to `count` times in one state update; false once the scene has ended. */
  applySteps: (action: StepAction, count: number) => boolean;
  setChannel: (channel: number) => void;
  setPlaying: (playing: boolean) => void;
  setSpeed: (speed: Speed) => void;
}

export const createWalkthroughSlice: StateCreator<AppState, [], [], WalkthroughSlice> = (set, get) => ({
  scene: 0,
  channel: 0,
  playing: false,
  speed: 16,
  setScene: (scene) => {
    const s = get();
    // Scene 2 restarts the current pixel's dot product from its first channel; scene 3, "move
    // to the next pixel", moves on one pixel when it is reached from scenes 1–2 (from any
    // pixel but the last), and otherwise keeps the cursor.
    const complete = s.config.inChannels - 1;
    // Scene 5 starts with no term added: the bias alone.
    if (scene === 2 || scene === 5) set({ scene, channel: 0, playing: false });
    else if (scene === 3 && s.scene > 0 && s.scene < 3) {
      const next = step({ scene, channel: complete, ...s.cursor }, 'pixel+', s.config);
      set({ scene, playing: false, channel: complete, cursor: { row: next.row, col: next.col, filterIndex: next.filterIndex } });
    } else set({ scene, playing: false, channel: complete });
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
