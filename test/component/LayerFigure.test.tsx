// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../src/app/App';
import { paintMap } from '../../src/components/CanvasHeatmap/drawHeatmap';
import { generateLayerData, pointwiseConv } from '../../src/engine';
import { positiveDomain } from '../../src/lib/colormap';
import { formatValue } from '../../src/lib/format';
import { usePalette } from '../../src/components/usePalette';
import { appStore } from '../../src/store';
import type { Motion } from '../../src/store/presentation';

/** A 2-D context per canvas that keeps the last bytes put on it, so a test can read a face. */
const painted = new WeakMap<HTMLCanvasElement, Uint8ClampedArray>();
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement) {
    return {
      createImageData: (w: number, h: number) => ({ data: new Uint8ClampedArray(w * h * 4), width: w, height: h }),
      putImageData: (image: { data: Uint8ClampedArray }) => { painted.set(this, image.data.slice()); },
      clearRect: () => {}, fillRect: () => {}, fillStyle: '',
    } as unknown as CanvasRenderingContext2D;
  } as unknown as typeof HTMLCanvasElement.prototype.getContext;
});

afterEach(() => {
  cleanup();
  appStore.setState(appStore.getInitialState(), true);
});

/** The tiny 4×4×3 → 2 layer with bias and ReLU, loaded as the worker sync would, seed `seed`. */
function loadTiny(seed: number, motion: Motion) {
  const config = { height: 4, width: 4, inChannels: 3, outChannels: 2, seed, useBias: true, useRelu: true, image: 'noise', filters: 'random' } as const;
  const data = { ...generateLayerData(config, seed), filterKind: 'random' } as const;
  const output = pointwiseConv(data.input, { weights: data.weights, bias: data.bias, relu: true }).data;
  act(() => appStore.setState((s) => ({
    view: 'walkthrough', config, data, output, outputDomain: { lo: -2, hi: 2 }, job: { status: 'done', progress: 1 },
    presentation: { ...s.presentation, motion },
  })));
  return { data, output };
}

/** The bytes the figure should put on the face of input channel ch (palette of the default store). */
function expectedFace(input: Float32Array, ch: number): Uint8ClampedArray {
  let lut: ReturnType<typeof usePalette>['inputs'] | undefined;
  function Probe() { lut = usePalette().inputs; return null; }
  const { unmount } = render(<Probe />);
  unmount();
  const rgba = new Uint8ClampedArray(4 * 4 * 4);
  paintMap(rgba, 4, 0, 0, { values: input, height: 4, width: 4, offset: ch, stride: 3 }, positiveDomain(input), lut!);
  return rgba;
}

describe('Scene 0: the whole layer (issue #28)', () => {
  it('opens first; with motion reduced it is a still figure with a Play button, and Play starts the loop', () => {
    render(<App />);
    loadTiny(5, 'reduce');
    expect(appStore.getState().scene).toBe(0);
    expect(appStore.getState().playing).toBe(false);
    const play = document.querySelector<HTMLButtonElement>('.scene-whole .lf-play')!;
    expect(play.textContent).toBe('▶ Play');
    expect(play.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(play);
    expect(appStore.getState().playing).toBe(true);
  });

  it('moves by itself when motion is not reduced, and a step key takes over at the pixel on screen', () => {
    render(<App />);
    loadTiny(5, 'full');
    expect(appStore.getState().playing).toBe(true);
    const viz = screen.getByRole('region', { name: /Walkthrough visualization/ });
    fireEvent.keyDown(viz, { key: 'ArrowRight' });
    expect(appStore.getState().playing).toBe(false);
    expect(appStore.getState().cursor).toMatchObject({ row: 0, col: 1 });
  });

  it('the lit output is the engine’s y(r, c, k) at the pixel shown, as the cursor moves and the filter changes', () => {
    render(<App />);
    const { output } = loadTiny(5, 'reduce');
    const result = screen.getByTestId('layer-result');
    expect(result.textContent).toBe(`y(0, 0, 0) = ${formatValue(output[0]!)}`);
    act(() => appStore.getState().setCursor({ row: 2, col: 3, filterIndex: 1 }));
    expect(result.textContent).toBe(`y(2, 3, 1) = ${formatValue(output[(2 * 4 + 3) * 2 + 1]!)}`);
    // Bias and ReLU are written into the readout's sum.
    expect(screen.getByTestId('layer-readout').textContent).toMatch(/^.*max\(0, .* \+ b /);
  });

  it('moves before the workers’ output comes (issue #26): its y(r, c, k) is the engine’s, from the bank’s first part alone', () => {
    render(<App />);
    const { data, output } = loadTiny(5, 'reduce');
    // As the worker sync leaves it while the output is computed from a first part of the bank:
    // filter 1's weights are there, filter 0's not yet (zeros), and no output.
    const partial = { ...data, weights: { ...data.weights, data: data.weights.data.map((w, i) => (i < 3 ? 0 : w)) }, filters: [1, 2] as const };
    act(() => appStore.setState({ data: partial, output: null, job: { status: 'computing', progress: 0 } }));
    act(() => appStore.getState().setCursor({ row: 1, col: 2, filterIndex: 1 }));
    const result = screen.getByTestId('layer-result');
    expect(result.textContent).toBe(`y(1, 2, 1) = ${formatValue(output[(1 * 4 + 2) * 2 + 1]!)}`);
    // A filter the first part does not hold: the figure waits for the rest (no made-up numbers).
    act(() => appStore.getState().setCursor({ filterIndex: 0 }));
    expect(screen.queryByTestId('layer-result')).toBeNull();
  });

  it('the faces are the current layer’s input maps: another seed paints other maps', () => {
    render(<App />);
    const { data } = loadTiny(5, 'reduce');
    const faces = [...document.querySelectorAll<HTMLCanvasElement>('.lf-face:not(.lf-out)')];
    // Three channels: all of them are drawn, channel 0 on the front card (drawn last).
    expect(faces).toHaveLength(3);
    const front = faces[faces.length - 1]!;
    expect([...painted.get(front)!]).toEqual([...expectedFace(data.input.data, 0)]);
    const other = loadTiny(6, 'reduce');
    const now = document.querySelectorAll<HTMLCanvasElement>('.lf-face:not(.lf-out)');
    expect([...painted.get(now[now.length - 1]!)!]).toEqual([...expectedFace(other.data.input.data, 0)]);
    expect([...painted.get(now[now.length - 1]!)!]).not.toEqual([...expectedFace(data.input.data, 0)]);
  });

  it('has a text alternative: the sentence with the layer’s own numbers, each pointing at its part and opening its step', async () => {
    render(<App />);
    loadTiny(5, 'reduce');
    const sentence = screen.getByTestId('layer-sentence');
    expect(sentence.textContent).toBe('At each of the 4×4 = 16 pixels, the 3 channel values are multiplied by one filter’s 3 weights and summed into one output value; 2 filters give 2 output channels.');
    expect(document.querySelector('.scene-whole')!.getAttribute('aria-describedby')).toBe(sentence.id);
    // Pointing at "3 weights" lights the rod; clicking it opens scene 1.
    const weights = screen.getAllByRole('button', { name: '3' })[1]!;
    fireEvent.focus(weights);
    expect(document.querySelector('.lf-part.lit')?.getAttribute('aria-label')).toMatch(/^Filter 0, 1×1×3: open step 1/);
    fireEvent.click(weights);
    expect(appStore.getState().scene).toBe(1);
    // Scenes 1–5 show the small copy, which leads back.
    fireEvent.click(await screen.findByRole('button', { name: /Where this step is in the layer/ }, { timeout: 10_000 }));
    expect(appStore.getState().scene).toBe(0);
  });
});
