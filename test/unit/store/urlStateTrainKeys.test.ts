/**
 * The Train page's keys in the URL table (tp, ti, tc, ts): written only when they differ from
 * the default, read in order (the class names bound the strokes' classes), and the strokes
 * exempt from the 64-character cut other values get, up to MAX_STROKE_CHARS.
 */
import { describe, expect, it } from 'vitest';
import { encodeStrokes, MAX_STROKE_CHARS } from '../../../src/lib/trainCode';
import { DEFAULT_URL_STATE, parseUrlState, serializeUrlState, type UrlState } from '../../../src/store/urlState';
import type { Stroke } from '../../../src/engine/train/strokes';

const DEFAULT_HASH = serializeUrlState(DEFAULT_URL_STATE);

/** `count` strokes of class `cls`, each a drag through `cells` cells (2 + 2·cells characters). */
function strokesOf(count: number, cells: number, cls = 0): Stroke[] {
  return Array.from({ length: count }, (_, i) => ({ cls, radius: i % 9, points: Array.from({ length: 2 * cells }, (_, j) => (i + j) % 56) }));
}

describe('the Train keys in the writer', () => {
  it('leaves out each Train key at its default, and writes each one alone when it differs', () => {
    expect(DEFAULT_HASH).not.toMatch(/&t[pics]=/);
    const cases: [Partial<UrlState>, string][] = [
      [{ trainPhoto: 'coffee' }, 'tp=coffee'],
      [{ trainInput: 'rgb' }, 'ti=rgb'],
      [{ trainClasses: ['cup', 'table', 'wall'] }, 'tc=cup,table,wall'],
      [{ trainStrokes: [{ cls: 1, radius: 3, points: [1, 2] }] }, 'ts=13BC'],
    ];
    for (const [part, text] of cases) {
      expect(serializeUrlState({ ...DEFAULT_URL_STATE, ...part })).toBe(`${DEFAULT_HASH}&${text}`);
    }
  });

  it('writes the four in table order after the other keys, and reads them back', () => {
    const s: UrlState = { ...DEFAULT_URL_STATE, view: 'train', trainPhoto: 'hubble', trainInput: 'model', trainClasses: ['a', 'b', 'c'], trainStrokes: [{ cls: 2, radius: 0, points: [55, 55] }] };
    const hash = serializeUrlState(s);
    expect(hash.slice(hash.indexOf('&tp='))).toBe('&tp=hubble&ti=model&tc=a,b,c&ts=2033');
    expect(parseUrlState(hash)).toEqual({ state: s, problems: [] });
  });

  it('writes the other keys even at their defaults (only the Train keys are optional)', () => {
    for (const key of ['view', 'h', 'w', 'cin', 'cout', 'seed', 'bias', 'relu', 'img', 'filters', 'scene', 'r', 'c', 'k', 'ch', 'speed', 'cmap']) {
      expect(DEFAULT_HASH.split('&').map((p) => p.split('=')[0])).toContain(key);
    }
  });
});

describe('the Train keys in the reader', () => {
  it('a stroke’s class is bounded by the class names read before it: class 2 needs three names', () => {
    const stroke = encodeStrokes([{ cls: 2, radius: 1, points: [4, 5] }]);
    expect(parseUrlState(`#tc=a,b,c&ts=${stroke}`)).toMatchObject({ state: { trainClasses: ['a', 'b', 'c'], trainStrokes: [{ cls: 2, radius: 1, points: [4, 5] }] }, problems: [] });
    expect(parseUrlState(`#ts=${stroke}`)).toMatchObject({ state: { trainStrokes: [] }, problems: [{ key: 'ts', value: stroke }] });
  });

  it('keeps strokes longer than 64 characters whole (other values are cut at 64)', () => {
    const strokes = strokesOf(3, 40); // 3 × 82 characters and two dots
    const code = encodeStrokes(strokes);
    expect(code.length).toBe(248);
    expect(parseUrlState(`#view=train&ts=${code}`)).toEqual({ state: { ...DEFAULT_URL_STATE, view: 'train', trainStrokes: strokes }, problems: [] });
  });

  it('takes strokes of exactly MAX_STROKE_CHARS characters; one more is refused as too long, unread', () => {
    // 63 strokes: 62 of 94 characters and one of 110, with 62 dots, make 6,000.
    const strokes = [...strokesOf(62, 46), ...strokesOf(1, 54)];
    const code = encodeStrokes(strokes);
    expect(code.length).toBe(MAX_STROKE_CHARS);
    expect(parseUrlState(`#ts=${code}`)).toMatchObject({ state: { trainStrokes: strokes }, problems: [] });
    const over = `${code}A`;
    expect(parseUrlState(`#ts=${over}`)).toEqual({ state: DEFAULT_URL_STATE, problems: [{ key: 'ts', value: '!too-long' }] });
  });

  it('the class names keep 64 characters at most, like other values (six names of ten are cut)', () => {
    const names = ['abcdefghij', 'bcdefghijk', 'cdefghijkl', 'defghijklm', 'efghijklmn', 'fghijklmno'];
    const raw = names.join(',');
    expect(raw.length).toBe(65);
    expect(parseUrlState(`#tc=${raw}`)).toEqual({ state: { ...DEFAULT_URL_STATE, trainClasses: [...names.slice(0, 5), 'fghijklmn'] }, problems: [] });
  });

  it('tp takes a shipped photo only (not noise, which img takes); ti one of the four inputs', () => {
    expect(parseUrlState('#tp=retina&ti=random').state).toMatchObject({ trainPhoto: 'retina', trainInput: 'random' });
    for (const [k, v] of [['tp', 'noise'], ['tp', 'Rocket'], ['ti', 'pixels'], ['ti', '']]) {
      expect(parseUrlState(`#${k}=${v}`), `${k}=${v}`).toEqual({ state: DEFAULT_URL_STATE, problems: [{ key: k, value: v }] });
    }
  });
});
