// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../src/app/App';
import { combineMaps, dotProductTrace, generateLayerData, mapCorrelation, partialMap, pointwiseConv } from '../../src/engine';
import { formatValue } from '../../src/lib/format';
import { appStore } from '../../src/store';
import { setEngineClient } from '../../src/session/engine';
import { EngineClient } from '../../src/worker/client';
import { serve } from '../../src/worker/handler';
import type { Endpoint } from '../../src/worker/protocol';
import { stubCanvas } from './helpers';

/** The engine's handler over a MessageChannel: scene 5 asks it for its combination. */
function handlerEndpoint(): Endpoint {
  const channel = new MessageChannel();
  serve(channel.port2 as unknown as Endpoint);
  channel.port2.start();
  return channel.port1 as unknown as Endpoint;
}

beforeAll(stubCanvas);
beforeAll(() => setEngineClient(new EngineClient({ workers: 1, createWorker: handlerEndpoint, createFallback: handlerEndpoint })));

/** Scenes 2–5 load on demand: a machine under load may take more than the default second. */
const LAZY = { timeout: 8000 };

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
  it('steps through the dot product of the tiny layer with → and shows every term', async () => {
    render(<App />);
    const { data, layer } = loadTiny();
    const viz = screen.getByRole('region', { name: /Walkthrough visualization/ });
    // The walkthrough opens on the whole layer (scene 0); Page Down goes to the filters, then to one pixel.
    expect(screen.getByRole('button', { name: /The whole layer/ }).getAttribute('aria-current')).toBe('step');
    fireEvent.keyDown(viz, { key: 'PageDown' });
    expect(screen.getByRole('button', { name: /Filters/ }).getAttribute('aria-current')).toBe('step');
    fireEvent.keyDown(viz, { key: 'PageDown' });
    expect(screen.getByRole('button', { name: /One pixel/ }).getAttribute('aria-current')).toBe('step');
    const trace = dotProductTrace(data.input, layer, 0, 0, 0);
    // Scenes 2–5 load on demand.
    expect((await screen.findByTestId('partial-sum', {}, LAZY)).textContent).toBe(`Sum of channels 0…0 = ${formatValue(trace.partialSums[0]!)}`);
    fireEvent.keyDown(viz, { key: 'ArrowRight' });
    fireEvent.keyDown(viz, { key: 'ArrowRight' });
    // Channel 2 is the last of 3: sum + bias, ReLU, lands in output (0, 0, 0).
    expect(screen.getByTestId('partial-sum').textContent).toContain(`output (0, 0, 0) = ${formatValue(trace.value)}`);
    // All three terms are listed: a header row and one row per channel.
    const terms = screen.getByRole('table', { name: /Terms of the dot product/ });
    expect(within(terms).getAllByRole('row')).toHaveLength(4);
    expect(within(terms).getAllByRole('row')[3]!.textContent).toContain(formatValue(trace.products[2]!));
  });

  it('Shift+→ picks the next filter, ↓ the next row, Home the first pixel; buttons do the same', async () => {
    render(<App />);
    const { output } = loadTiny();
    const viz = screen.getByRole('region', { name: /Walkthrough visualization/ });
    act(() => appStore.getState().setScene(3));
    await screen.findByTestId('output-value', {}, LAZY);
    fireEvent.keyDown(viz, { key: 'ArrowRight', shiftKey: true });
    fireEvent.keyDown(viz, { key: 'ArrowDown' });
    // Scene 3 opened from the whole layer keeps its pixel (0, 0) (from scenes 1–2 it moves on one); ↓ → (1, 0); filter 1.
    expect(screen.getByTestId('output-value').textContent).toBe(`output (1, 0, 1) = ${formatValue(output[(1 * 4 + 0) * 2 + 1]!)}`);
    fireEvent.click(screen.getByRole('button', { name: /^Next pixel/ }));
    expect(screen.getByTestId('output-value').textContent).toContain('output (1, 1, 1)');
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
    act(() => { appStore.getState().setScene(1); appStore.getState().setScene(3); });
    expect(screen.getByTestId('announcer').textContent).toMatch(/^Pixel \(0, 1\), filter 0: output /);
    act(() => appStore.getState().setPlaying(true));
    expect(screen.getByTestId('announcer').textContent).toBe('');
    act(() => appStore.getState().setPlaying(false));
  });
});

describe('Scene 5: channels combine, as maps (issue #15 §1)', () => {
  it('adds the weighted input maps largest first; the readout is the engine’s error and correlation, and all terms make the map before ReLU', async () => {
    render(<App />);
    const { data, layer } = loadTiny();
    act(() => appStore.getState().setScene(5));
    const readout = await screen.findByTestId('combine-readout', {}, LAZY);
    const c = combineMaps(data.input, { ...layer, relu: false }, 0);
    const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
    const corr = (n: number) => formatValue(mapCorrelation(partialMap(data.input, layer, c, n), c.final));
    expect(readout.textContent).toBe(`After 1 of 3 terms: relative error ${pct(c.relativeError[1]!)}, correlation with the whole map ${corr(1)}`);
    // A negative correlation is written with the app's minus sign, never an ASCII hyphen.
    expect(readout.textContent).not.toMatch(/-\d/);
    expect(screen.getByTestId('combine-term').textContent).toContain(`input channel ${c.order[0]} × weight w(0, ${c.order[0]})`);
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    expect(readout.textContent).toContain(`After 2 of 3 terms: relative error ${pct(c.relativeError[2]!)}`);
    expect(screen.getByTestId('combine-term').textContent).toContain(`input channel ${c.order[1]} ×`);
    fireEvent.click(screen.getByRole('button', { name: /^All terms/ }));
    expect(readout.textContent).toBe('After 3 of 3 terms: relative error 0.0%, correlation with the whole map 1.000');
    // The whole sum before ReLU is the convolution without ReLU, at every position.
    const plain = pointwiseConv(data.input, { ...layer, relu: false }).data;
    for (let p = 0; p < 16; p++) expect(c.final[p]).toBeCloseTo(plain[p * 2]!, 5);
    // Shift+→ picks the next filter: its own terms.
    fireEvent.keyDown(document.body, { key: 'ArrowRight', shiftKey: true });
    const c1 = combineMaps(data.input, { ...layer, relu: false }, 1);
    // (the worker makes filter 1's combination)
    await waitFor(() => expect(screen.getByTestId('combine-term').textContent).toContain(`w(1, ${c1.order[2]})`), { timeout: 10_000 });
  });
});

describe('Scene 4 counts (issue #15 §4)', () => {
  it('states FLOPs as twice the multiply-adds, and the same channels with 3×3 filters as 9× — for any map size', async () => {
    render(<App />);
    loadTiny();
    act(() => appStore.getState().setScene(4));
    expect((await screen.findByTestId('flops', {}, LAZY)).textContent).toBe('≈ 2 × 96 = 192');
    const whatIf = screen.getByTestId('what-if');
    // 4×4×3 → 2: 6 weights either size; 3×3: 54 weights, 864 multiply-adds at 4×4.
    expect(whatIf.textContent).toContain('This 1×1 layer696');
    expect(whatIf.textContent).toContain('The same channels with 3×3 filters54864 (9×)');
    fireEvent.change(screen.getByRole('slider', { name: /Map size/ }), { target: { value: '10' } });
    expect(whatIf.textContent).toContain('This 1×1 layer6600');
  });
});

describe('controls=none (the picture alone)', () => {
  it('shows no step bar, and the keys still step, as the README says', async () => {
    act(() => appStore.setState({ presentation: { ...appStore.getState().presentation, controls: 'none' } }));
    render(<App />);
    loadTiny();
    act(() => appStore.getState().setScene(2));
    const sum = await screen.findByTestId('partial-sum', {}, LAZY);
    expect(document.querySelector('.step-bar')).toBeNull();
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    expect(sum.textContent).toContain('Sum of channels 0…1');
  });
});
