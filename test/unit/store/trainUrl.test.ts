import { describe, expect, it } from 'vitest';
import { decodeStrokes, encodeStrokes, MAX_STROKES } from '../../../src/lib/trainCode';
import { parseUrlState, serializeUrlState } from '../../../src/store/urlState';
import { applyUrlState } from '../../../src/store/urlSync';
import { createAppStore } from '../../../src/store';

const strokes = [{ cls: 0, radius: 2, points: [10, 20, 11, 21] }, { cls: -1, radius: 0, points: [55, 0] }, { cls: 1, radius: 8, points: [0, 55] }];

describe('the Train page in a link', () => {
  it('round-trips strokes and class names compactly', () => {
    const code = encodeStrokes(strokes);
    expect(code).toBe('02KULV.e03A.18A3');
    expect(decodeStrokes(code, 2)).toEqual(strokes);
    const { state, problems } = parseUrlState(`#view=train&tp=coffee&ti=rgb&tc=cup,table,${encodeURIComponent('배경')}&ts=${code}`);
    expect(problems).toEqual([]);
    expect([state.view, state.trainPhoto, state.trainInput, state.trainClasses, state.trainStrokes]).toEqual(['train', 'coffee', 'rgb', ['cup', 'table', '배경'], strokes]);
    expect(parseUrlState(serializeUrlState(state)).state).toEqual(state);
  });

  it('leaves the train keys out of other views’ links while they are default', () => {
    expect(serializeUrlState(parseUrlState('#view=explorer').state)).not.toMatch(/t[pics]=/);
  });

  it('refuses hostile strokes: out of range, unknown class, too many, malformed, too long', () => {
    const hostile = [
      'ts=00A5', // col 57 ≥ 56
      'ts=20AA', // class 2 of two
      `ts=${Array.from({ length: MAX_STROKES + 1 }, () => '00AA').join('.')}`,
      'ts=00A', 'ts=09AA', 'ts=x0AA', 'ts=00AA..00AA', 'ts=00%3Cscript%3E',
      `ts=00${'A'.repeat(7000)}`,
      'tc=onlyone', 'tc=a,b,c,d,e,f,g', `tc=a,${'x'.repeat(21)}`,
    ];
    for (const h of hostile) {
      const { state, problems } = parseUrlState(`#view=train&${h}`);
      expect(problems.length, h).toBe(1);
      expect(state.trainStrokes).toEqual([]);
    }
  });

  it('keeps the last good strokes when a later link’s strokes are refused', () => {
    const store = createAppStore();
    const good = parseUrlState(`#view=train&ts=${encodeStrokes(strokes)}`);
    applyUrlState(store, good.state, new Set(good.problems.map((p) => p.key)));
    expect(store.getState().train.strokes).toEqual(strokes);
    const bad = parseUrlState('#view=train&ts=00A9');
    applyUrlState(store, bad.state, new Set(bad.problems.map((p) => p.key)));
    expect(bad.problems).toEqual([{ key: 'ts', value: '00A9' }]);
    expect(store.getState().train.strokes).toEqual(strokes);
  });
});
