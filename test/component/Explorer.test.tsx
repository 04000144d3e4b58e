// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../src/app/App';
import { generateLayerData, pointwiseConv } from '../../src/engine';
import { formatValue } from '../../src/lib/format';
import { appStore } from '../../src/store';
import { stubCanvas } from './helpers';
import { Explorer } from '../../src/views/Explorer/Explorer';

const initial = appStore.getInitialState();

beforeAll(stubCanvas);

afterEach(() => {
  cleanup();
  appStore.setState(initial, true);
});

const statusText = () => document.querySelector('[data-status]')?.textContent ?? '';

/** Puts the tiny 4×4×3→2 layer and its engine output in the store, as the worker sync would. */
function loadTiny(relu = false) {
  const config = { height: 4, width: 4, inChannels: 3, outChannels: 2, seed: 3, useBias: false, useRelu: relu, image: 'noise', filters: 'random' } as const;
  const data = { ...generateLayerData(config, 3), filterKind: 'random' } as const;
  const output = pointwiseConv(data.input, { weights: data.weights, relu }).data;
  act(() => appStore.setState({ view: 'explorer', config, data, output, job: { status: 'done', progress: 1, computeMs: 1, workers: 2 } }));
  return output;
}

describe('Explorer page', () => {
  it('shows the engine’s value for the picked pixel and follows the arrow keys', async () => {
    render(<App />);
    const output = loadTiny();
    // The explorer loads on first visit.
    expect((await screen.findByTestId('output-value')).textContent).toBe(`output (0, 0, 0) = ${formatValue(output[0]!)}`);
    // The step keys' listener is installed in an effect after the first commit (a busy run can
    // reach the key presses before React has run it).
    await act(async () => {});
    const picker = screen.getByRole('img', { name: /Output channel 0, 4×4/ });
    fireEvent.keyDown(picker, { key: 'ArrowDown' });
    fireEvent.keyDown(picker, { key: 'ArrowRight' });
    fireEvent.keyDown(picker, { key: 'ArrowRight' });
    // (1, 2, 0) lives at ((1·4 + 2)·2 + 0).
    expect(screen.getByTestId('output-value').textContent).toBe(`output (1, 2, 0) = ${formatValue(output[12]!)}`);
    // → is the next pixel in reading order, as in the walkthrough: from the row's end to the next row.
    for (let i = 0; i < 3; i++) fireEvent.keyDown(picker, { key: 'ArrowRight' });
    expect(screen.getByTestId('output-value').textContent).toContain('output (2, 1, 0)');
    // The step bar's buttons do what the keys do; End is the last pixel.
    fireEvent.click(screen.getByRole('button', { name: /^Previous pixel/ }));
    expect(screen.getByTestId('output-value').textContent).toContain('output (2, 0, 0)');
    fireEvent.keyDown(document.body, { key: 'End' });
    expect(screen.getByTestId('output-value').textContent).toContain('output (3, 3, 0)');
  });

  it('says what was computed, and switches to Korean with the right html lang', () => {
    render(<App />);
    loadTiny();
    expect(statusText()).toMatch(/Computed 96 multiply-adds .* on two workers/);
    fireEvent.click(screen.getByRole('button', { name: '한국어' }));
    expect(document.documentElement.lang).toBe('ko');
    expect(statusText()).toMatch(/곱셈-누산 96회/);
  });

  it('picks a filter from the largest-outputs table', () => {
    render(<App />);
    const output = loadTiny();
    const buttons = screen.getAllByRole('button', { name: /^k = \d+$/ });
    const k = Number(buttons[0]!.textContent!.slice(4));
    fireEvent.click(buttons[0]!);
    expect(screen.getByTestId('output-value').textContent).toBe(`output (0, 0, ${k}) = ${formatValue(output[k]!)}`);
  });
});

describe('overflow (issue #18 §5)', () => {
  it('the status line says how many outputs overflowed float32, and values read ±∞', () => {
    loadTiny();
    act(() => appStore.setState({ job: { status: 'done', progress: 1, computeMs: 1, workers: 2, nonFinite: 3 } }));
    render(<Explorer />);
    expect(screen.getByTestId('overflow').textContent).toBe('3 outputs are too large for float32 (beyond ±3.4 × 10³⁸): they show as ±∞, at the ends of the colour scale, which spans the finite values.');
    expect(formatValue(Infinity)).toBe('∞');
    expect(formatValue(-Infinity)).toBe('−∞');
  });
});
