// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateLayerData, pointwiseConv } from '../../src/engine';
import { formatValue } from '../../src/lib/format';
import { appStore } from '../../src/store';
import { LayerConfig } from '../../src/views/shared/LayerConfig';
import { FilterFaces, FilterNote, InputOrigin } from '../../src/views/shared/photo/PhotoParts';
import { stubCanvas } from './helpers';

beforeAll(stubCanvas);
afterEach(() => {
  cleanup();
  appStore.setState(appStore.getInitialState(), true);
});

/** An 8×8×6 → 4 layer on a 32×32 "photo" whose red channel is its column. */
function loadPhotoLayer(filterKind: 'learned' | 'random' | 'random-shape') {
  const config = { height: 8, width: 8, inChannels: 6, outChannels: 4, seed: 2, useBias: false, useRelu: false, image: 'chelsea', filters: 'learned' } as const;
  const d = generateLayerData(config, 2);
  const rgba = Uint8ClampedArray.from({ length: 32 * 32 * 4 }, (_, i) => (i % 4 === 0 ? (i / 4) % 32 : 255));
  const firstFilters = Float32Array.from({ length: 3 * 192 }, (_, i) => Math.sin(i));
  const output = pointwiseConv(d.input, { weights: d.weights, relu: false }).data;
  act(() => appStore.setState({ config, data: { ...d, filterKind, firstFilters, photo: { rgba, width: 32, height: 32 } }, output }));
  return output;
}

describe('photo parts', () => {
  it('the Input and Filters pickers set the config; seeded noise disables the learned choice and says why', async () => {
    render(<LayerConfig />);
    const input = await screen.findByLabelText('Input');
    fireEvent.change(input, { target: { value: 'coffee' } });
    expect(appStore.getState().config.image).toBe('coffee');
    screen.getByText(/Coffee cup by Rachel Michetti .*, CC0/);
    fireEvent.change(screen.getByLabelText('Filters'), { target: { value: 'random' } });
    expect(appStore.getState().config.filters).toBe('random');
    fireEvent.change(input, { target: { value: 'noise' } });
    expect((screen.getByLabelText('Filters') as HTMLSelectElement).disabled).toBe(true);
    screen.getByText('Learned filters need a photo.');
  });

  it('the note names what the filters are', () => {
    loadPhotoLayer('random-shape');
    render(<FilterNote />);
    expect(document.querySelector('.filter-note')?.textContent).toContain('the learned layers have 512 input channels and 1,024 filters at most');
  });

  it('the top windows are the filter’s largest outputs, 3 pixels apart, with their values', () => {
    const output = loadPhotoLayer('learned');
    render(<FilterFaces output={output} k={1} />);
    const values = Array.from({ length: 64 }, (_, p) => output[p * 4 + 1]!).sort((a, b) => b - a);
    const shown = screen.getAllByRole('img').map((e) => e.getAttribute('aria-label') ?? '');
    expect(shown.length).toBeGreaterThan(1);
    expect(shown.length).toBeLessThanOrEqual(8);
    expect(shown[0]).toMatch(new RegExp(`output ${formatValue(values[0]!)}$`));
  });

  it('where the channels come from: channel 3 is the negative part of first-layer filter 1', () => {
    loadPhotoLayer('learned');
    render(<InputOrigin row={2} col={3} channel={3} />);
    screen.getByText('Channel 3 is the negative part of first-layer filter 1.');
    expect(screen.getByLabelText(/filter 1 is marked/).querySelectorAll('li').length).toBe(3);
  });
});
