/**
 * The view state in the URL hash, as one declarative table (name, parse, serialize,
 * default). `parseUrlState` is total: any string gives a valid state, and each value that
 * was present but unusable is reported so the UI can say so. Versioned with `v=1`.
 *
 * Example: `#v=1&view=walkthrough&h=56&w=56&cin=512&cout=1024&seed=1&bias=0&relu=0&img=chelsea&filters=learned&scene=2&r=0&c=0&k=3&ch=40&speed=16&cmap=classic`
 */
import { LIMITS, checkShape } from '../engine/core/limits';
import { PALETTE_NAMES, type PaletteName } from '../lib/palettes';
import { PHOTO_IDS } from '../lib/photoIds';
import type { FilterMode } from '../engine/data/photoLayer';
import type { ImageSource } from './slices/config';
import { SPEEDS, type Speed } from './slices/walkthrough';
import { VIEWS, type View } from './slices/ui';
import { SCENES, type Scene } from './stepping';
import type { Stroke } from '../engine/train/strokes';
import { decodeClassNames, decodeStrokes, encodeClassNames, encodeStrokes, MAX_STROKE_CHARS } from '../lib/trainCode';
import { createAppStore, type AppState } from './index';
import { TRAIN_INPUTS } from './slices/train';
import type { PhotoId } from '../lib/photoIds';
import type { TrainInput } from '../worker/trainProtocol';

export const URL_STATE_VERSION = 1;

export interface UrlState {
  readonly view: View;
  readonly height: number;
  readonly width: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly seed: number;
  readonly useBias: boolean;
  readonly useRelu: boolean;
  readonly image: ImageSource;
  readonly filters: FilterMode;
  readonly scene: Scene;
  readonly row: number;
  readonly col: number;
  readonly filterIndex: number;
  readonly channel: number;
  readonly speed: Speed;
  readonly palette: PaletteName;
  /** The Train page: its picture, the layer's input, class names and strokes. */
  readonly trainPhoto: PhotoId;
  readonly trainInput: TrainInput;
  readonly trainClasses: readonly string[];
  readonly trainStrokes: readonly Stroke[];
}

/** What the address says of a state of the store. */
export function urlStateOf(s: AppState): UrlState {
  const { config, cursor } = s;
  return {
    view: s.view, height: config.height, width: config.width, inChannels: config.inChannels, outChannels: config.outChannels,
    seed: config.seed, useBias: config.useBias, useRelu: config.useRelu, image: config.image, filters: config.filters, scene: s.scene,
    row: cursor.row, col: cursor.col, filterIndex: cursor.filterIndex, channel: s.channel, speed: s.speed, palette: s.palette,
    trainPhoto: s.train.photo, trainInput: s.train.input, trainClasses: s.train.classes, trainStrokes: s.train.strokes,
  };
}

/**
 * The defaults a link may leave out: those of the store's initial state (the one source of
 * the app's defaults), so a link without keys opens what the app opens on.
 */
export const DEFAULT_URL_STATE: UrlState = urlStateOf(createAppStore().getInitialState());

/** A value that was in the URL but could not be used; the default took its place. */
export interface UrlProblem {
  readonly key: string;
  readonly value: string;
}

type Parser<T> = (raw: string, sofar: UrlState) => T | undefined;

const int = (min: number, max: (s: UrlState) => number): Parser<number> => (raw, s) => {
  if (!/^-?\d{1,10}$/.test(raw)) return undefined;
  const v = Number(raw);
  return v >= min && v <= max(s) ? v : undefined;
};
const flag: Parser<boolean> = (raw) => (raw === '1' ? true : raw === '0' ? false : undefined);
const oneOf = <T extends string | number>(values: readonly T[]): Parser<T> => (raw) =>
  values.find((v) => String(v) === raw);

interface Field<K extends keyof UrlState> {
  readonly key: string;
  readonly field: K;
  readonly parse: Parser<UrlState[K]>;
  readonly serialize: (v: UrlState[K]) => string;
  /** Written only when it differs from the default (the Train page's keys, long and rarely set). */
  readonly optional?: boolean;
}
const field = <K extends keyof UrlState>(key: string, f: K, parse: Parser<UrlState[K]>, serialize: (v: UrlState[K]) => string = String): Field<K> =>
  ({ key, field: f, parse, serialize });
const optional = <K extends keyof UrlState>(f: Field<K>): Field<K> => ({ ...f, optional: true });

/** In dependency order: the shape comes before the cursor that it bounds. */
const FIELDS = [
  field('view', 'view', oneOf(VIEWS)),
  field('h', 'height', int(LIMITS.height.min, () => LIMITS.height.max)),
  field('w', 'width', int(LIMITS.width.min, () => LIMITS.width.max)),
  field('cin', 'inChannels', int(LIMITS.inChannels.min, () => LIMITS.inChannels.max)),
  field('cout', 'outChannels', int(LIMITS.outChannels.min, () => LIMITS.outChannels.max)),
  field('seed', 'seed', int(LIMITS.seed.min, () => LIMITS.seed.max)),
  field('bias', 'useBias', flag, (v) => (v ? '1' : '0')),
  field('relu', 'useRelu', flag, (v) => (v ? '1' : '0')),
  field('img', 'image', oneOf<ImageSource>([...PHOTO_IDS, 'noise'])),
  field('filters', 'filters', oneOf<FilterMode>(['learned', 'random'])),
  field('scene', 'scene', oneOf(SCENES)),
  field('r', 'row', int(0, (s) => s.height - 1)),
  field('c', 'col', int(0, (s) => s.width - 1)),
  field('k', 'filterIndex', int(0, (s) => s.outChannels - 1)),
  field('ch', 'channel', int(0, (s) => s.inChannels - 1)),
  field('speed', 'speed', oneOf(SPEEDS)),
  field('cmap', 'palette', oneOf(PALETTE_NAMES)),
  optional(field('tp', 'trainPhoto', oneOf(PHOTO_IDS))),
  optional(field('ti', 'trainInput', oneOf(TRAIN_INPUTS))),
  optional(field('tc', 'trainClasses', (raw) => decodeClassNames(raw), encodeClassNames)),
  // After the class names: a stroke's class must be one of them.
  optional(field('ts', 'trainStrokes', (raw, s) => decodeStrokes(raw, s.trainClasses.length), encodeStrokes)),
] as const;

/** Keys whose values may be longer than LONG_VALUE: the strokes. */
const LONG_KEYS: ReadonlySet<string> = new Set(['ts']);
const LONG_VALUE = 64;

/** Parses a hash (with or without '#'); never throws. */
export function parseUrlState(hash: string): { state: UrlState; problems: UrlProblem[] } {
  const text = hash.replace(/^#/, '');
  const problems: UrlProblem[] = [];
  // The short forms "#explorer" and "#walkthrough" name just the view.
  if ((VIEWS as readonly string[]).includes(text)) return { state: { ...DEFAULT_URL_STATE, view: text as View }, problems };
  const params = new Map<string, string>();
  for (const part of text.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const k = safeDecode(eq < 0 ? part : part.slice(0, eq));
    const v = safeDecode(eq < 0 ? '' : part.slice(eq + 1));
    // A broken % escape cannot be read at all: it is named (as written) and otherwise ignored.
    if (k === null || v === null) problems.push({ key: (k ?? part.slice(0, eq < 0 ? undefined : eq)).slice(0, 16), value: eq < 0 ? '' : part.slice(eq + 1, eq + 65) });
    else if (k.length <= 16 && !params.has(k)) params.set(k, LONG_KEYS.has(k) ? (v.length > MAX_STROKE_CHARS ? '!too-long' : v) : v.slice(0, LONG_VALUE));
  }
  const version = params.get('v');
  if (version !== undefined && version !== String(URL_STATE_VERSION)) problems.push({ key: 'v', value: version });
  let state: UrlState = DEFAULT_URL_STATE;
  for (const f of FIELDS) {
    const raw = params.get(f.key);
    if (raw === undefined) continue;
    const v = (f.parse as Parser<unknown>)(raw, state);
    if (v === undefined) problems.push({ key: f.key, value: raw });
    else state = { ...state, [f.field]: v };
  }
  // A shape within each limit can still be too large as a whole: fall back to the default.
  if (checkShape(state)) {
    problems.push({ key: 'h', value: `${state.height}×${state.width}×${state.inChannels}→${state.outChannels}` });
    state = { ...state, height: DEFAULT_URL_STATE.height, width: DEFAULT_URL_STATE.width, inChannels: DEFAULT_URL_STATE.inChannels, outChannels: DEFAULT_URL_STATE.outChannels, row: 0, col: 0, filterIndex: 0, channel: 0 };
  }
  return { state, problems };
}

/** Writes every key, in table order, after `v=1`. */
export function serializeUrlState(state: UrlState): string {
  const parts = [`v=${URL_STATE_VERSION}`];
  for (const f of FIELDS) {
    const text = (f.serialize as (v: unknown) => string)(state[f.field]);
    if ('optional' in f && f.optional && text === (f.serialize as (v: unknown) => string)(DEFAULT_URL_STATE[f.field])) continue;
    parts.push(`${f.key}=${text}`);
  }
  return parts.join('&');
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}
