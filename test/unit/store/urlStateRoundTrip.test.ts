/** The URL table key by key: limits on both sides, the round trip of non-default states, the writer's exact text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/store';
import { DEFAULT_URL_STATE, parseUrlState, serializeUrlState, URL_STATE_VERSION, urlStateOf, type UrlState } from '../../../src/store/urlState';

const DEFAULT_HASH = 'v=1&view=walkthrough&h=56&w=56&cin=512&cout=1024&seed=1&bias=1&relu=0&img=chelsea&filters=learned&scene=0&r=0&c=0&k=0&ch=0&speed=16&cmap=classic';

/** The Train page's parts of the link at their defaults (trainUrl.test.ts covers them). */
const TRAIN_DEFAULTS = { trainPhoto: 'rocket', trainInput: 'learned', trainClasses: ['rocket', 'sky'], trainStrokes: [] } as const satisfies Partial<UrlState>;

describe('the defaults and the writer', () => {
  it('the default state (bias on, ReLU off) and its hash, every key in table order after v=1', () => {
    expect(URL_STATE_VERSION).toBe(1);
    expect(DEFAULT_URL_STATE).toEqual({
      view: 'walkthrough', height: 56, width: 56, inChannels: 512, outChannels: 1024, seed: 1, useBias: true, useRelu: false,
      image: 'chelsea', filters: 'learned', scene: 0, row: 0, col: 0, filterIndex: 0, channel: 0, speed: 16, palette: 'classic',
      trainPhoto: 'rocket', trainInput: 'learned', trainClasses: ['rocket', 'sky'], trainStrokes: [],
    });
    expect(serializeUrlState(DEFAULT_URL_STATE)).toBe(DEFAULT_HASH);
  });
  it('the defaults are the store’s initial state (one source): a fresh store writes the default hash, a changed store does not', () => {
    const store = createAppStore();
    expect(urlStateOf(store.getInitialState())).toEqual(DEFAULT_URL_STATE);
    expect(serializeUrlState(urlStateOf(store.getState()))).toBe(DEFAULT_HASH);
    store.getState().setConfig({ seed: 2 });
    expect(urlStateOf(store.getState())).toEqual({ ...DEFAULT_URL_STATE, seed: 2 });
  });
  it('writes a non-default state value by value', () => {
    const s: UrlState = { view: 'bottleneck', height: 7, width: 9, inChannels: 3, outChannels: 5, seed: 42, useBias: false, useRelu: true, image: 'noise', filters: 'random', scene: 5, row: 6, col: 8, filterIndex: 4, channel: 2, speed: 256, palette: 'viridis', ...TRAIN_DEFAULTS };
    expect(serializeUrlState(s)).toBe('v=1&view=bottleneck&h=7&w=9&cin=3&cout=5&seed=42&bias=0&relu=1&img=noise&filters=random&scene=5&r=6&c=8&k=4&ch=2&speed=256&cmap=viridis');
  });
});

describe('parse ∘ serialize', () => {
  const state = fc.record({ height: fc.integer({ min: 1, max: 16 }), width: fc.integer({ min: 1, max: 16 }), inChannels: fc.integer({ min: 1, max: 64 }), outChannels: fc.integer({ min: 1, max: 64 }) })
    .chain((shape) => fc.record({
      view: fc.constantFrom('walkthrough', 'explorer', 'bottleneck', 'params', 'dense'),
      height: fc.constant(shape.height), width: fc.constant(shape.width), inChannels: fc.constant(shape.inChannels), outChannels: fc.constant(shape.outChannels),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      useBias: fc.boolean(), useRelu: fc.boolean(),
      image: fc.constantFrom('chelsea', 'coffee', 'astronaut', 'rocket', 'hubble', 'retina', 'noise'),
      filters: fc.constantFrom('learned', 'random'),
      scene: fc.constantFrom(0, 1, 2, 3, 4, 5),
      row: fc.integer({ min: 0, max: shape.height - 1 }), col: fc.integer({ min: 0, max: shape.width - 1 }),
      filterIndex: fc.integer({ min: 0, max: shape.outChannels - 1 }), channel: fc.integer({ min: 0, max: shape.inChannels - 1 }),
      speed: fc.constantFrom(1, 4, 16, 64, 256), palette: fc.constantFrom('classic', 'viridis'),
    }).map((s) => ({ ...s, ...TRAIN_DEFAULTS }))) as fc.Arbitrary<UrlState>;
  it('gives back any valid state exactly, with no problems (with or without the #)', () => {
    fc.assert(fc.property(state, fc.boolean(), (s, hash) => {
      expect(parseUrlState(`${hash ? '#' : ''}${serializeUrlState(s)}`)).toEqual({ state: s, problems: [] });
    }), { numRuns: 300 });
  });
});

describe('each key’s limits, on both sides', () => {
  const one = (hash: string) => parseUrlState(hash);
  it.each([
    ['h', 'height', '1', '0', '128', '129'],
    ['w', 'width', '1', '0', '128', '129'],
    ['cin', 'inChannels', '1', '0', '2048', '2049'],
    ['cout', 'outChannels', '1', '0', '2048', '2049'],
    ['seed', 'seed', '0', '-1', '2147483647', '2147483648'],
  ] as const)('%s: %s from %s (not %s) to %s (not %s)', (key, field, low, belowLow, high, aboveHigh) => {
    // A small map keeps a shape at either end within the whole-layer limit.
    const small = key === 'h' ? 'w=1&cin=1&cout=1' : key === 'w' ? 'h=1&cin=1&cout=1' : 'h=1&w=1';
    for (const ok of [low, high]) expect(one(`#${small}&${key}=${ok}`)).toMatchObject({ state: { [field]: Number(ok) }, problems: [] });
    for (const bad of [belowLow, aboveHigh]) {
      const r = one(`#${small}&${key}=${bad}`);
      expect(r.state[field]).toBe(DEFAULT_URL_STATE[field]);
      expect(r.problems).toEqual([{ key, value: bad }]);
    }
  });
  it('the cursor: r < h, c < w, k < cout, ch < cin (the last index in, the next refused)', () => {
    expect(one('#h=4&w=5&cin=6&cout=7&r=3&c=4&k=6&ch=5')).toMatchObject({ state: { row: 3, col: 4, filterIndex: 6, channel: 5 }, problems: [] });
    expect(one('#h=4&w=5&cin=6&cout=7&r=4&c=5&k=7&ch=6').problems).toEqual([
      { key: 'r', value: '4' }, { key: 'c', value: '5' }, { key: 'k', value: '7' }, { key: 'ch', value: '6' },
    ]);
    expect(one('#r=-1').problems).toEqual([{ key: 'r', value: '-1' }]);
  });
  it('numbers are written in at most 10 digits, an optional minus, nothing else', () => {
    expect(one('#seed=0000000009').state.seed).toBe(9);
    for (const v of ['00000000009', '%2B9', '9 ', '9.0', '1e3', '0x9', '', '9a', 'a9']) expect(one(`#seed=${v}`).problems, v).toEqual([{ key: 'seed', value: decodeURIComponent(v) }]);
  });
  it('flags are 1 or 0; choices are spelled exactly', () => {
    expect(one('#bias=0&relu=1').state).toMatchObject({ useBias: false, useRelu: true });
    expect(one('#bias=1&relu=0').state).toMatchObject({ useBias: true, useRelu: false });
    for (const v of ['true', '', '01', 'yes']) expect(one(`#bias=${v}`).problems).toEqual([{ key: 'bias', value: v }]);
    expect(one('#scene=4&speed=1&cmap=viridis&img=retina&filters=random&view=params').state).toMatchObject({ scene: 4, speed: 1, palette: 'viridis', image: 'retina', filters: 'random', view: 'params' });
    for (const [k, v] of [['scene', '6'], ['scene', '-1'], ['scene', '01'], ['speed', '2'], ['view', 'Explorer'], ['img', 'Chelsea']]) {
      expect(one(`#${k}=${v}`).problems).toEqual([{ key: k, value: v }]);
    }
  });
});

describe('reading the hash', () => {
  it('names a version other than 1 and still reads the rest', () => {
    expect(parseUrlState('#v=2&h=8')).toMatchObject({ state: { height: 8 }, problems: [{ key: 'v', value: '2' }] });
    expect(parseUrlState('#v=1&h=8').problems).toEqual([]);
  });
  it('the short forms name any view; other single words are keys without values', () => {
    expect(parseUrlState('#bottleneck')).toEqual({ state: { ...DEFAULT_URL_STATE, view: 'bottleneck' }, problems: [] });
    expect(parseUrlState('params').state.view).toBe('params');
    expect(parseUrlState('#h')).toEqual({ state: DEFAULT_URL_STATE, problems: [{ key: 'h', value: '' }] });
  });
  it('takes the first of a repeated key, skips empty parts, decodes + and %-escapes', () => {
    expect(parseUrlState('#&h=8&&h=9&').state.height).toBe(8);
    expect(parseUrlState('#%68=12').state.height).toBe(12);
    expect(parseUrlState('#img=a+b+c').problems).toEqual([{ key: 'img', value: 'a b c' }]);
    // Only a leading # is the hash's: one inside a value stays in it.
    expect(parseUrlState('img=x#y').problems).toEqual([{ key: 'img', value: 'x#y' }]);
    expect(parseUrlState('#img=x#y').problems).toEqual([{ key: 'img', value: 'x#y' }]);
  });
  it('ignores keys longer than 16 characters, keeps 64 characters of a value', () => {
    expect(parseUrlState(`#${'h'.repeat(17)}=1`).problems).toEqual([]);
    expect(parseUrlState(`#${'x'.repeat(16)}=1&h=1`).state.height).toBe(1);
    expect(parseUrlState(`#img=${'y'.repeat(100)}`).problems).toEqual([{ key: 'img', value: 'y'.repeat(64) }]);
  });
  it('names an undecodable part by its first 16 characters of key and 64 of value', () => {
    const key = `%ZZ${'a'.repeat(30)}`, value = `%${'b'.repeat(100)}`;
    expect(parseUrlState(`#${key}=${value}`).problems).toEqual([{ key: key.slice(0, 16), value: value.slice(0, 64) }]);
    expect(parseUrlState(`#${key}`).problems).toEqual([{ key: key.slice(0, 16), value: '' }]);
    // A key that decodes is named decoded, beside its broken value.
    expect(parseUrlState('#%68=%').problems).toEqual([{ key: 'h', value: '%' }]);
  });
  it('a shape too large as a whole falls back to the default shape and cursor, named once as h', () => {
    const r = parseUrlState('#h=128&w=128&cin=2048&cout=2048&r=5&c=6&k=7&ch=8&seed=3');
    expect(r.problems).toEqual([{ key: 'h', value: '128×128×2048→2048' }]);
    expect(r.state).toEqual({ ...DEFAULT_URL_STATE, seed: 3 });
  });
});
