import { describe, expect, it } from 'vitest';
import { coutCinWeights, hwcTensor } from '../../../src/engine';
import { createAppStore } from '../../../src/store';

describe('the student’s own data in the store', () => {
  it('takes the layer shape from what was loaded and turns bias on when a bias came with it', () => {
    const store = createAppStore();
    store.getState().setUserData({ input: hwcTensor(4, 5, 3), weights: coutCinWeights(7, 3), bias: new Float32Array(7), label: 'a + b' });
    const { config, userData } = store.getState();
    expect([config.height, config.width, config.inChannels, config.outChannels, config.useBias]).toEqual([4, 5, 3, 7, true]);
    expect(userData?.label).toBe('a + b');
  });
  it('keeps the data through a seed or ReLU change, and drops it when the shape no longer fits', () => {
    const store = createAppStore();
    store.getState().setUserData({ input: hwcTensor(4, 4, 3), label: 'pic.png' });
    store.getState().setConfig({ useRelu: true, outChannels: 9 });
    expect(store.getState().userData).not.toBeNull();
    store.getState().setConfig({ inChannels: 4 });
    expect(store.getState().userData).toBeNull();
  });
  it('gives every load a new id, so the worker sync sees new data', () => {
    const store = createAppStore();
    store.getState().setUserData({ input: hwcTensor(2, 2, 1), label: 'x' });
    const first = store.getState().userData!.id;
    store.getState().setUserData({ input: hwcTensor(2, 2, 1), label: 'x' });
    expect(store.getState().userData!.id).not.toBe(first);
  });
});
