// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../src/app/App';
import { dotProductTrace, generateLayerData, pointwiseConv } from '../../src/engine';
import { formatValue } from '../../src/lib/format';
import { appStore } from '../../src/store';
import { stubCanvas } from './helpers';

beforeAll(stubCanvas);

afterEach(() => {
  cleanup();
  appStore.setState(appStore.getInitialState(), true);
});

/** The tiny 4×4×3 → 2 layer with bias and ReLU, loaded as the worker sync would. */
function loadTiny() {
  const config = { height: 4, width: 4, inChannels: 3, outChannels: 2, seed: 5, useBias: true, useRelu: true, image: 'noise', filters: 'random' } as const;
  const data = { ...generateLayerData(config, 5), filterKind: 'random' } as const;
  const layer = { weights: data.weights, bias: data.bias, relu: true };
  const output = pointwiseConv(data.input, layer).data;
  act(() => appStore.setState({ view: 'walkthrough', config, data, output, outputDomain: { lo: -2, hi: 2 }, job: { status: 'done', progress: 1 } }));
  return { data, layer, output };
}

describe('Walkthrough keyboard and buttons', () => {
  it('steps through the dot product of the tiny layer with → and shows every term', () => {
    render(<App />);
    const { data, layer } = loadTiny();
    const viz = screen.getByRole('region', { name: /Walkthrough visualization/ });
    fireEvent.keyDown(viz, { key: 'PageDown' });
    expect(screen.getByRole('button', { name: /One pixel/ }).getAttribute('aria-current')).toBe('step');
    const trace = dotProductTrace(data.input, layer, 0, 0, 0);
    expect(screen.getByTestId('partial-sum').textContent).toBe(`Sum of channels 0…0 = ${formatValue(trace.partialSums[0]!)}`);
    fireEvent.keyDown(viz, { key: 'ArrowRight' });
    fireEvent.keyDown(viz, { key: 'ArrowRight' });
    // Channel 2 is the last of 3: sum + bias, ReLU, lands in output (0, 0, 0).
    expect(screen.getByTestId('partial-sum').textContent).toContain(`output (0, 0, 0) = ${formatValue(trace.value)}`);
    // All three terms are listed: a header row and one row per channel.
    const terms = screen.getByRole('table', { name: /Terms of the dot product/ });
    expect(within(terms).getAllByRole('row')).toHaveLength(4);
    expect(within(terms).getAllByRole('row')[3]!.textContent).toContain(formatValue(trace.products[2]!));
  });

  it('Shift+→ picks the next filter, ↓ the next row, Home the first pixel; buttons do the same', () => {
    render(<App />);
    const { output } = loadTiny();
    const viz = screen.getByRole('region', { name: /Walkthrough visualization/ });
    act(() => appStore.getState().setScene(3));
    fireEvent.keyDown(viz, { key: 'ArrowRight', shiftKey: true });
    fireEvent.keyDown(viz, { key: 'ArrowDown' });
    // Scene 3 starts at (0, 1); ↓ → (1, 1); filter 1.
    expect(screen.getByTestId('output-value').textContent).toBe(`output (1, 1, 1) = ${formatValue(output[(1 * 4 + 1) * 2 + 1]!)}`);
    fireEvent.click(screen.getByRole('button', { name: /^Next pixel/ }));
    expect(screen.getByTestId('output-value').textContent).toContain('output (1, 2, 1)');
    fireEvent.keyDown(viz, { key: 'Home' });
    expect(screen.getByTestId('output-value').textContent).toContain('output (0, 0, 1)');
  });

  it('? opens the shortcut list and Escape closes it; keys typed in a form field are left alone', () => {
    render(<App />);
    loadTiny();
    const viz = screen.getByRole('region', { name: /Walkthrough visualization/ });
    fireEvent.keyDown(viz, { key: '?' });
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.keyDown(screen.getByLabelText('Speed'), { key: 'ArrowRight' });
    expect(appStore.getState().cursor.filterIndex).toBe(0);
  });

  it('announces the position and value politely, and is quiet while playing', () => {
    render(<App />);
    loadTiny();
    act(() => appStore.getState().setScene(3));
    expect(screen.getByTestId('announcer').textContent).toMatch(/^Pixel \(0, 1\), filter 0: output /);
    act(() => appStore.getState().setPlaying(true));
    expect(screen.getByTestId('announcer').textContent).toBe('');
    act(() => appStore.getState().setPlaying(false));
  });
});
