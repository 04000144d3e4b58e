/**
 * The walkthrough's stepping rules as one pure function: where the cursor goes for each
 * step action, clamped to the layer's shape. The keyboard, the buttons and playback all
 * go through it.
 */

/** Scene 0 is the whole layer at once (the opening view); 1–5 are the four steps and the sum of maps. */
export type Scene = 0 | 1 | 2 | 3 | 4 | 5;
export const SCENES: readonly Scene[] = [0, 1, 2, 3, 4, 5];
export const FIRST_SCENE: Scene = 0;
export const LAST_SCENE: Scene = 5;

/** Scenes whose own step is a channel: the dot product (2) and the maps adding up (5). */
const stepsChannels = (scene: Scene) => scene === 2 || scene === 5;

export interface StepPosition {
  readonly scene: Scene;
  readonly row: number;
  readonly col: number;
  readonly filterIndex: number;
  /** How far the sum has got: channels 0…channel are summed (scene 2), or terms 0…channel added (scene 5). */
  readonly channel: number;
}

export interface StepShape {
  readonly height: number;
  readonly width: number;
  readonly inChannels: number;
  readonly outChannels: number;
}

export type StepAction =
  | 'channel+' | 'channel-' | 'filter+' | 'filter-' | 'pixel+' | 'pixel-' | 'row+' | 'row-'
  | 'first' | 'last' | 'scene+' | 'scene-';

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** Pixel index in row-major order: row · W + col. */
export const pixelIndex = (p: { row: number; col: number }, width: number) => p.row * width + p.col;

/**
 * Moves to pixel index i (clamped), keeping the filter. Scene 2 keeps how far the dot product
 * has got (the same channel at the next pixel, to compare); the other scenes show whole sums.
 */
export function atPixel(p: StepPosition, i: number, shape: StepShape): StepPosition {
  const last = shape.height * shape.width - 1;
  const j = clamp(i, 0, last);
  return { ...p, row: Math.floor(j / shape.width), col: j % shape.width, channel: stepsChannels(p.scene) ? p.channel : shape.inChannels - 1 };
}

/** Applies one step action. */
export function step(p: StepPosition, action: StepAction, shape: StepShape): StepPosition {
  const { width, inChannels, outChannels } = shape;
  const here = pixelIndex(p, width);
  switch (action) {
    case 'channel+': return { ...p, channel: clamp(p.channel + 1, 0, inChannels - 1) };
    case 'channel-': return { ...p, channel: clamp(p.channel - 1, 0, inChannels - 1) };
    case 'filter+': return { ...p, filterIndex: clamp(p.filterIndex + 1, 0, outChannels - 1) };
    case 'filter-': return { ...p, filterIndex: clamp(p.filterIndex - 1, 0, outChannels - 1) };
    case 'pixel+': return atPixel(p, here + 1, shape);
    case 'pixel-': return atPixel(p, here - 1, shape);
    case 'row+': return atPixel(p, here + width, shape);
    case 'row-': return atPixel(p, here - width, shape);
    // Home and End go to the ends of the scene's own step: filters, channels or pixels.
    case 'first': return stepsChannels(p.scene) ? { ...p, channel: 0 } : p.scene === 1 ? { ...p, filterIndex: 0 } : atPixel(p, 0, shape);
    case 'last': return stepsChannels(p.scene) ? { ...p, channel: inChannels - 1 } : p.scene === 1 ? { ...p, filterIndex: outChannels - 1 } : atPixel(p, Number.MAX_SAFE_INTEGER, shape);
    case 'scene+': return { ...p, scene: clamp(p.scene + 1, FIRST_SCENE, LAST_SCENE) as Scene };
    case 'scene-': return { ...p, scene: clamp(p.scene - 1, FIRST_SCENE, 4) as Scene };
  }
}

/** What "next" means in a scene: a channel inside the dot product in scene 2, else a pixel. */
export function forwardAction(scene: Scene): StepAction {
  return stepsChannels(scene) ? 'channel+' : scene === 1 ? 'filter+' : 'pixel+';
}

export function backwardAction(scene: Scene): StepAction {
  return stepsChannels(scene) ? 'channel-' : scene === 1 ? 'filter-' : 'pixel-';
}

/** True when playing a scene has nothing left to do. */
export function atEnd(p: StepPosition, shape: StepShape): boolean {
  if (stepsChannels(p.scene)) return p.channel >= shape.inChannels - 1;
  if (p.scene === 1) return p.filterIndex >= shape.outChannels - 1;
  return pixelIndex(p, shape.width) >= shape.height * shape.width - 1;
}
