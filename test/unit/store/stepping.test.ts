import { describe, expect, it } from 'vitest';
import { atEnd, step, type StepPosition } from '../../../src/store/stepping';
import { commandFor } from '../../../src/views/Walkthrough/keymap';
import { appStore } from '../../../src/store';

const shape = { height: 56, width: 56, inChannels: 512, outChannels: 1024 };
const at = (p: Partial<StepPosition>): StepPosition => ({ scene: 3, row: 0, col: 0, filterIndex: 0, channel: 511, ...p });

describe('step(position, action, shape)', () => {
  it('moves pixel by pixel in row-major order, wrapping to the next row', () => {
    expect(step(at({ col: 55 }), 'pixel+', shape)).toMatchObject({ row: 1, col: 0 });
    expect(step(at({ row: 1, col: 0 }), 'pixel-', shape)).toMatchObject({ row: 0, col: 55 });
  });
  it('clamps at the first and last pixel, filter and channel', () => {
    expect(step(at({}), 'pixel-', shape)).toMatchObject({ row: 0, col: 0 });
    expect(step(at({ row: 55, col: 55 }), 'pixel+', shape)).toMatchObject({ row: 55, col: 55 });
    expect(step(at({ filterIndex: 1023 }), 'filter+', shape).filterIndex).toBe(1023);
    expect(step(at({ scene: 2, channel: 0 }), 'channel-', shape).channel).toBe(0);
  });
  it('moves a whole row with row+/row−, and Home/End go to the ends (channels in scene 2)', () => {
    expect(step(at({ row: 3, col: 7 }), 'row+', shape)).toMatchObject({ row: 4, col: 7 });
    expect(step(at({ row: 3, col: 7 }), 'last', shape)).toMatchObject({ row: 55, col: 55 });
    expect(step(at({ scene: 2, channel: 40 }), 'first', shape)).toMatchObject({ channel: 0, row: 0, col: 0 });
    expect(step(at({ scene: 2, channel: 40 }), 'last', shape).channel).toBe(511);
  });
  it('knows when a scene has played to its end', () => {
    expect(atEnd(at({ row: 55, col: 55 }), shape)).toBe(true);
    expect(atEnd(at({ scene: 2, channel: 510 }), shape)).toBe(false);
  });
});

describe('applySteps(action, count)', () => {
  it('makes many steps in one update and reports the end', () => {
    appStore.setState({ ...appStore.getInitialState(), scene: 3 });
    expect(appStore.getState().applySteps('pixel+', 60)).toBe(true);
    expect(appStore.getState().cursor).toMatchObject({ row: 1, col: 4 });
    expect(appStore.getState().applySteps('pixel+', 10_000)).toBe(false);
    expect(appStore.getState().cursor).toMatchObject({ row: 55, col: 55 });
  });
});

describe('commandFor(key press)', () => {
  it('maps the documented keys and leaves others (and modified keys) to the page', () => {
    expect(commandFor({ key: 'ArrowRight' })).toEqual({ kind: 'forward' });
    expect(commandFor({ key: 'ArrowRight', shiftKey: true })).toEqual({ kind: 'step', action: 'filter+' });
    expect(commandFor({ key: 'ArrowDown' })).toEqual({ kind: 'step', action: 'row+' });
    expect(commandFor({ key: ' ' })).toEqual({ kind: 'togglePlay' });
    expect(commandFor({ key: 'Home' })).toEqual({ kind: 'step', action: 'first' });
    expect(commandFor({ key: '?' })).toEqual({ kind: 'toggleHelp' });
    expect(commandFor({ key: 'a' })).toBeNull();
    expect(commandFor({ key: 'ArrowRight', ctrlKey: true })).toBeNull();
  });
});
