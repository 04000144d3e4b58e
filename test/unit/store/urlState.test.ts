import { LAST_SCENE } from '../../../src/store/stepping';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkShape } from '../../../src/engine/core/limits';
import { DEFAULT_URL_STATE, parseUrlState, serializeUrlState, type UrlState } from '../../../src/store/urlState';

// Every scene, 0 (the whole layer, the default) … LAST_SCENE (5 since 'Maps add up'), is a valid one.
function isValid(s: UrlState): boolean {
  return checkShape(s) === null
    && ['walkthrough', 'explorer'].includes(s.view)
    && Number.isInteger(s.scene) && s.scene >= 0 && s.scene <= LAST_SCENE
    && Number.isInteger(s.row) && s.row >= 0 && s.row < s.height
    && Number.isInteger(s.col) && s.col >= 0 && s.col < s.width
    && s.filterIndex >= 0 && s.filterIndex < s.outChannels
    && s.channel >= 0 && s.channel < s.inChannels
    && [1, 4, 16, 64, 256].includes(s.speed)
    && Number.isInteger(s.seed) && s.seed >= 0;
}

/** Hash-like strings: known keys with plausible and hostile values, mixed with noise. */
const hashLike = fc.array(
  fc.tuple(
    fc.constantFrom('v', 'view', 'h', 'w', 'cin', 'cout', 'seed', 'bias', 'relu', 'img', 'filters', 'scene', 'r', 'c', 'k', 'ch', 'speed', '__proto__', 'constructor', 'x'),
    fc.oneof(fc.integer({ min: -5, max: 5000 }).map(String), fc.constantFrom('', '1e3', 'NaN', '0x10', ' 7', '%E0%A4%A', 'explorer', '1.5', '9'.repeat(40)), fc.string()),
  ).map(([k, v]) => `${k}=${v}`),
  { maxLength: 20 },
).map((parts) => `#${parts.join('&')}`);

describe('parseUrlState(hash)', () => {
  it('reads a full, valid hash exactly', () => {
    const { state, problems } = parseUrlState('#v=1&view=explorer&h=4&w=4&cin=3&cout=2&seed=9&bias=1&relu=1&img=coffee&filters=random&scene=2&r=3&c=1&k=1&ch=2&speed=64&cmap=viridis');
    expect(problems).toEqual([]);
    expect(state).toEqual({ view: 'explorer', height: 4, width: 4, inChannels: 3, outChannels: 2, seed: 9, useBias: true, useRelu: true, image: 'coffee', filters: 'random', scene: 2, row: 3, col: 1, filterIndex: 1, channel: 2, speed: 64, palette: 'viridis',
      trainPhoto: 'rocket', trainInput: 'learned', trainClasses: ['rocket', 'sky'], trainStrokes: [] });
  });

  it('keeps the short forms #explorer and #walkthrough, and an empty hash is the default', () => {
    expect(parseUrlState('#explorer').state.view).toBe('explorer');
    expect(parseUrlState('').state).toEqual(DEFAULT_URL_STATE);
  });

  it('replaces each bad value by its default and names it; unknown keys are ignored', () => {
    const { state, problems } = parseUrlState('#h=0&cout=99999&r=70&speed=3&bias=yes&zzz=1&k=1023&cmap=rainbow&img=../x&filters=trained');
    expect(state.height).toBe(56);
    expect(state.outChannels).toBe(1024);
    expect(state.row).toBe(0);
    expect(state.speed).toBe(16);
    expect(state.filterIndex).toBe(1023);
    expect(state.palette).toBe('classic');
    expect(state.image).toBe('chelsea');
    expect(state.filters).toBe('learned');
    expect(problems.map((p) => p.key)).toEqual(['h', 'cout', 'bias', 'img', 'filters', 'r', 'speed', 'cmap']);
  });

  it('bounds the cursor by the shape read before it', () => {
    expect(parseUrlState('#h=4&w=4&r=3&c=4').problems).toEqual([{ key: 'c', value: '4' }]);
  });

  it('refuses a shape that is within each limit but too large as a whole', () => {
    const { state, problems } = parseUrlState('#h=128&w=128&cin=2048&cout=2048');
    expect(problems).toHaveLength(1);
    expect(state.height).toBe(56);
  });

  it('takes every scene, the whole layer (0) and the fifth included (the case a random run found)', () => {
    for (let scene = 0; scene <= LAST_SCENE; scene++) {
      const { state, problems } = parseUrlState(`#scene=${scene}`);
      expect([state.scene, problems, isValid(state)]).toEqual([scene, [], true]);
    }
  });

  it('gives a valid state for any string, and never throws', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), hashLike), (s) => isValid(parseUrlState(s).state)), { numRuns: 2000 });
  });

  it('serialize∘parse is a fixed point, and a serialized state parses without problems', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), hashLike), (s) => {
      const once = serializeUrlState(parseUrlState(s).state);
      const again = parseUrlState(once);
      return again.problems.length === 0 && serializeUrlState(again.state) === once;
    }), { numRuns: 2000 });
  });
});

describe('parseUrlState with broken % escapes (issue #18 §6)', () => {
  it('names each part it cannot decode and still reads the rest', () => {
    const { state, problems } = parseUrlState('#%ZZ=3&h=8&k=%E0%A4%A&w=%');
    expect(state.height).toBe(8);
    expect(state.filterIndex).toBe(0);
    expect(problems).toEqual([{ key: '%ZZ', value: '3' }, { key: 'k', value: '%E0%A4%A' }, { key: 'w', value: '%' }]);
  });

  it('names a broken part without "=" whole, as its key with no value', () => {
    expect(parseUrlState('#%ZZ&h=8')).toEqual({ state: { ...DEFAULT_URL_STATE, height: 8 }, problems: [{ key: '%ZZ', value: '' }] });
  });

  it('names a broken value after an empty key ("=%"): the key is empty, the value as written', () => {
    expect(parseUrlState('#=%&h=8')).toEqual({ state: { ...DEFAULT_URL_STATE, height: 8 }, problems: [{ key: '', value: '%' }] });
    expect(parseUrlState('#=%E0%A4%A').problems).toEqual([{ key: '', value: '%E0%A4%A' }]);
  });
});
