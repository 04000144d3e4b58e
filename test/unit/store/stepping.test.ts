import { describe, expect, it } from 'vitest';
import { atEnd, step, type StepPosition } from '../../../src/store/stepping';
import { commandFor, controlsFor, type Stage } from '../../../src/views/shared/steps/keymap';
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

describe('commandFor(key press, stage)', () => {
  it('maps each stage’s keys to its own step, and leaves others (and modified keys) to the page', () => {
    expect(commandFor({ key: 'ArrowRight' }, 1)).toEqual({ kind: 'step', action: 'filter+' });
    expect(commandFor({ key: 'ArrowRight' }, 2)).toEqual({ kind: 'step', action: 'channel+' });
    expect(commandFor({ key: 'ArrowRight' }, 3)).toEqual({ kind: 'step', action: 'pixel+' });
    expect(commandFor({ key: 'ArrowRight', shiftKey: true }, 2)).toEqual({ kind: 'step', action: 'filter+' });
    expect(commandFor({ key: 'ArrowDown' }, 2)).toEqual({ kind: 'step', action: 'pixel+' });
    expect(commandFor({ key: 'ArrowDown' }, 4)).toEqual({ kind: 'step', action: 'row+' });
    expect(commandFor({ key: ' ' }, 3)).toEqual({ kind: 'togglePlay' });
    expect(commandFor({ key: ' ' }, 'explorer')).toBeNull();
    expect(commandFor({ key: 'PageDown' }, 'explorer')).toBeNull();
    expect(commandFor({ key: 'Home' }, 1)).toEqual({ kind: 'step', action: 'first' });
    expect(commandFor({ key: '?', shiftKey: true }, 4)).toEqual({ kind: 'toggleHelp' });
    expect(commandFor({ key: 'a' }, 2)).toBeNull();
    expect(commandFor({ key: 'ArrowRight', ctrlKey: true }, 2)).toBeNull();
  });
  it('gives every key one meaning per stage, and every button a key', () => {
    for (const stage of [1, 2, 3, 4, 'explorer'] as Stage[]) {
      const keys = controlsFor(stage).map((c) => `${c.shift ? 'Shift+' : ''}${c.key}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const c of controlsFor(stage)) expect(commandFor({ key: c.key, shiftKey: !!c.shift }, stage)).toEqual(c.command);
    }
  });
  it('the ends of scene 1 are its filters, and scene 3 is reached one pixel on from any pixel', () => {
    expect(step(at({ scene: 1, filterIndex: 5 }), 'last', shape).filterIndex).toBe(1023);
    expect(step(at({ scene: 1, filterIndex: 5, row: 4 }), 'first', shape)).toMatchObject({ filterIndex: 0, row: 4 });
    appStore.setState({ ...appStore.getInitialState(), scene: 2, cursor: { row: 10, col: 20, filterIndex: 0 } });
    appStore.getState().setScene(3);
    expect(appStore.getState().cursor).toMatchObject({ row: 10, col: 21 });
    appStore.getState().setScene(4);
    appStore.getState().setScene(3);
    expect(appStore.getState().cursor).toMatchObject({ row: 10, col: 21 });
  });
  it('in scene 2 a pixel step keeps how far the dot product has got', () => {
    expect(step(at({ scene: 2, channel: 40 }), 'pixel+', shape)).toMatchObject({ col: 1, channel: 40 });
  });
});
