import { afterEach, describe, expect, it } from 'vitest';
import { generateLayerData, pointwiseConv } from '../../../src/engine';
import { appStore } from '../../../src/store';
import { selectLayer, selectOutputValue } from '../../../src/store/selectors';
import { clampCursor } from '../../../src/store/slices/cursor';

afterEach(() => appStore.setState(appStore.getInitialState(), true));

describe('cursor', () => {
  it('clamps to the current shape', () => {
    expect(clampCursor({ row: -3, col: 99, filterIndex: 5000 }, 56, 56, 1024)).toEqual({ row: 0, col: 55, filterIndex: 1023 });
    appStore.getState().setConfig({ height: 4, width: 4, inChannels: 3, outChannels: 2 });
    appStore.getState().setCursor({ row: 10, col: 2, filterIndex: 1 });
    expect(appStore.getState().cursor).toEqual({ row: 3, col: 2, filterIndex: 1 });
  });
});

describe('selectors', () => {
  it('selectOutputValue reads (row, col, k) from the channels-last map', () => {
    const config = { height: 3, width: 5, inChannels: 4, outChannels: 6, seed: 2, useBias: true, useRelu: false, image: 'noise', filters: 'random' } as const;
    const data = { ...generateLayerData(config, 2), filterKind: 'random' } as const;
    const layer = selectLayer({ data, config })!;
    expect(layer.bias).toBe(data.bias);
    const output = pointwiseConv(data.input, layer).data;
    appStore.setState({ config, data, output });
    appStore.getState().setCursor({ row: 2, col: 1, filterIndex: 4 });
    expect(selectOutputValue(appStore.getState())).toBe(output[(2 * 5 + 1) * 6 + 4]);
  });
});

describe('views', () => {
  it('leaving the walkthrough pauses its playback; coming back leaves it paused', () => {
    appStore.getState().setView('walkthrough');
    appStore.getState().setPlaying(true);
    appStore.getState().setView('explorer');
    expect(appStore.getState().playing).toBe(false);
    appStore.getState().setView('walkthrough');
    expect(appStore.getState().playing).toBe(false);
    appStore.getState().setPlaying(true);
    appStore.getState().setView('walkthrough');
    expect(appStore.getState().playing).toBe(true);
    appStore.getState().setPlaying(false);
  });
});
