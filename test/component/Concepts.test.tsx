// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../src/app/App';
import {
  bestConvFit, channelMoments, conv2d, correlatedActivations, coutCinWeights, denseAtEveryPixel, heNormal, hwcTensor, IMAGE_KERNELS, mulberry32, pca, pointwiseConv, subSeed, syntheticActivations,
} from '../../src/engine';
import { formatInt, formatValue } from '../../src/lib/format';
import { appStore } from '../../src/store';
import { setEngineClient } from '../../src/session/engine';
import type { View } from '../../src/store/slices/ui';
import { EngineClient } from '../../src/worker/client';
import { mainThreadEndpoint } from '../../src/worker/createEngineClient';
import { stubCanvas } from './helpers';

const initial = appStore.getInitialState();
let client: EngineClient;

beforeAll(() => {
  stubCanvas();
  client = new EngineClient({ workers: 1, createWorker: mainThreadEndpoint, createFallback: mainThreadEndpoint });
  setEngineClient(client);
});
afterAll(() => {
  setEngineClient(null);
  client.dispose();
});
afterEach(() => {
  cleanup();
  appStore.setState(initial, true);
});

function open(view: View) {
  render(<App />);
  act(() => appStore.setState({ view }));
}
const main = () => document.querySelector('main')!.textContent ?? '';

describe('bottleneck calculator', () => {
  it('opens on 10→20, b = 5: 1,800 against 50 + 900 = 950, and the ResNet preset counts 69,632 against 589,824', async () => {
    open('bottleneck');
    // The first test of the file waits for the concept pages' lazy chunk to be imported (cold, in a busy full run: seconds).
    await screen.findByTestId('bottleneck-headline', {}, { timeout: 10_000 });
    expect(screen.getByTestId('bottleneck-headline').textContent).toBe('Direct: 1,800 weights. Through the bottleneck: 50 + 900 = 950 (52.8% of direct).');
    fireEvent.change(screen.getByLabelText('Example'), { target: { value: 'resnet' } });
    expect(screen.getByTestId('bottleneck-headline').textContent).toContain('16,384 + 36,864 + 16,384 = 69,632');
    expect(screen.getByTestId('bottleneck-headline').textContent).toContain('589,824');
  });
  it('keeps the last good numbers and says what is allowed when a field is out of range', async () => {
    open('bottleneck');
    const cin = await screen.findByLabelText('Cin');
    fireEvent.change(cin, { target: { value: '0' } });
    expect(screen.getByRole('alert').textContent).toBe('Enter a whole number from 1 to 4096.');
    expect(screen.getByTestId('bottleneck-headline').textContent).toContain('1,800');
    fireEvent.change(cin, { target: { value: '20' } });
    expect(screen.getByTestId('bottleneck-headline').textContent).toContain('Direct: 3,600 weights');
  });
});

describe('parameter tables', () => {
  it('AlexNet totals and the fc6 slip come from the counting functions', async () => {
    open('params');
    await screen.findByTestId('alexnet-table');
    expect(screen.getByTestId('alexnet-conv').textContent).toBe('2,332,704');
    expect(screen.getByTestId('alexnet-dense').textContent).toBe('58,621,952');
    expect(screen.getByTestId('alexnet-total').textContent).toBe('60,965,224');
    expect(screen.getByTestId('alexnet-slip').textContent).toContain('13·13·256·4096 = 177,209,344');
    expect(screen.getByTestId('inception-with').textContent).toContain('163,328');
    expect(screen.getByTestId('inception-without').textContent).toContain('387,072');
  });
});

describe('convolution family', () => {
  it('counts 256→128 in 2 groups as two 128×64 mixes, and refuses groups that do not divide', async () => {
    open('family');
    const table = await screen.findByTestId('family-table');
    expect(table.textContent).toContain('3·3·(256/2)·(128/2)·2');
    expect(table.textContent).toContain(formatInt(3 * 3 * 128 * 64 * 2));
    expect(main()).toContain('2 independent 128×64 mixes');
    fireEvent.change(screen.getByLabelText('Groups G'), { target: { value: '3' } });
    expect(screen.getByRole('alert').textContent).toBe('3 groups must divide both Cin = 256 and Cout = 128.');
  });
});

describe('what vs where', () => {
  it('the engine finds a 1×1 layer exactly commutes with shuffling pixels and a 3×3 does not', async () => {
    open('whatwhere');
    const one = await screen.findByTestId('ww-max-1', {}, { timeout: 5000 });
    expect(one.textContent).toBe('Identical: the largest difference is exactly 0.');
    expect(screen.getByTestId('ww-max-3').textContent).toMatch(/^Different: the largest difference is \d/);
  });
});

describe('one more nonlinearity', () => {
  it('counts what each ReLU removes, as an independent conv2d finds', async () => {
    open('nonlinearity');
    const direct = await screen.findByTestId('nl-direct', {}, { timeout: 5000 });
    const x = syntheticActivations(24, 24, 10, 1);
    const pre = conv2d(x, { inChannels: 10, outChannels: 20, kernelHeight: 3, kernelWidth: 3, padY: 1, padX: 1 }, { weights: heNormal(20 * 90, 90, subSeed(1, 'direct')) });
    const negatives = pre.data.filter((v) => v < 0).length;
    expect(direct.textContent).toContain(`This ReLU set ${formatInt(negatives)} of 11,520 values to zero`);
    expect(screen.getByTestId('nl-squeezed').textContent).toContain('Nonlinearities on this path: 2');
  });
});

describe('channel reduction', () => {
  it('shows the variance PCA keeps, as the engine computes it independently of the worker', async () => {
    open('reduction');
    // jsdom decodes no photos: the seeded synthetic channels.
    fireEvent.change(await screen.findByLabelText('Input'), { target: { value: 'synthetic' } });
    const headline = await screen.findByTestId('red-headline', {}, { timeout: 10_000 });
    const kept = pca(channelMoments(correlatedActivations(56, 56, 250, 48, 1))).kept;
    expect(headline.textContent).toContain(`the best 1×1 filters keep ${(kept[9]! * 100).toFixed(1)}%`);
  }, 20_000);
});

describe('convolution basics', () => {
  it('the 7×7 example: 3×3 gives 5×5, and the window’s sum is conv2d’s value', async () => {
    open('basics');
    fireEvent.click(await screen.findByLabelText('7×7 numbers'));
    await waitFor(() => expect(screen.getByTestId('size-formula').textContent).toContain('⌊(7 + 2·0 − 3) / 1⌋ + 1 = 5'));
    const rand = mulberry32(7);
    const grid = hwcTensor(7, 7, 1, Float32Array.from({ length: 49 }, () => Math.floor(rand() * 5)));
    const out = conv2d(grid, { inChannels: 1, outChannels: 1, kernelHeight: 3, kernelWidth: 3 }, { weights: Float32Array.from(IMAGE_KERNELS.sobelX) });
    fireEvent.click(await screen.findByRole('button', { name: new RegExp(`^\\(2, 3\\) = `) }));
    expect(screen.getByTestId('conv-window').textContent).toContain(`output (2, 3) = ${formatValue(out.data[2 * 5 + 3]!)}`);
    fireEvent.change(screen.getByLabelText('Padding P'), { target: { value: '1' } });
    await waitFor(() => expect(screen.getByTestId('size-formula').textContent).toContain('= 7'));
  });
});

describe('colour palette', () => {
  it('the header’s choice reaches the store, which the URL sync and the maps read', () => {
    render(<App />);
    fireEvent.change(screen.getByLabelText('Colours'), { target: { value: 'viridis' } });
    expect(appStore.getState().palette).toBe('viridis');
  });
  it('theme and motion can be overridden by hand, whatever the OS says', () => {
    render(<App />);
    fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'dark' } });
    fireEvent.change(screen.getByLabelText('Motion'), { target: { value: 'reduce' } });
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(document.documentElement.dataset.motion).toBe('reduce');
  });
});

describe('linear collapse on "One more ReLU" (issue #15 §3)', () => {
  it('shows that without the middle ReLU the two layers are one 3×3 layer of input rank 5, and that with it even the best 3×3 layer misses', async () => {
    open('nonlinearity');
    const box = await screen.findByTestId('nl-collapse', {}, { timeout: 20_000 });
    // Recomputed here from the same seeded input and weights, by plain conv2d calls.
    const x = syntheticActivations(24, 24, 10, 1);
    const squeeze = heNormal(5 * 10, 10, subSeed(1, 'squeeze')), spatial = heNormal(20 * 5 * 9, 5 * 9, subSeed(1, 'spatial'));
    const c = (input: typeof x, cin: number, cout: number, k: number, w: Float32Array) =>
      conv2d(input, { inChannels: cin, outChannels: cout, kernelHeight: k, kernelWidth: k, padY: (k - 1) / 2, padX: (k - 1) / 2 }, { weights: w });
    const mid = c(x, 10, 5, 1, squeeze);
    const target = c(hwcTensor(24, 24, 5, mid.data.map((v) => Math.max(0, v))), 5, 20, 3, spatial).data;
    const best = bestConvFit(x, target, 20, 3).relativeError;
    const text = box.textContent ?? '';
    expect(text).toContain('reads only 5 directions of its 10 input channels');
    expect(text).toContain(`even the best single 3×3 layer there is (least squares over all 576 windows) misses it by ${(best * 100).toFixed(1)}%`);
    // Written as a power of ten: "2.384 × 10⁻⁷".
    const [, mantissa, exponent = '⁰'] = /differ by at most ([0-9.]+)(?: × 10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))?/.exec(text)!;
    const diff = Number(mantissa) * 10 ** Number(exponent.replace('⁻', '-').replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (d) => String('⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(d))));
    expect(diff).toBeLessThan(1e-4);
    expect(best).toBeGreaterThan(0.05);
  }, 30_000);
});

describe('dense at every pixel (issue #15 §2)', () => {
  it('the 1×1 convolution equals the dense layer at every pixel, and a dense layer on a flattened 6×6 map runs as a 6×6 convolution on a larger map', async () => {
    open('dense');
    const headline = await screen.findByTestId('dense-pointwise', {}, { timeout: 20_000 });
    // Recomputed here: the largest difference between the kernel and a dense loop, from the same seeded data.
    const input = syntheticActivations(16, 16, 64, 1);
    const weights = heNormal(32 * 64, 64, subSeed(1, 'dense-1x1')), bias = heNormal(32, 64, subSeed(1, 'dense-bias'));
    const conv = pointwiseConv(input, { weights: coutCinWeights(32, 64, weights), bias, relu: false }).data;
    const dense = denseAtEveryPixel(input, weights, 32, bias);
    let worst = 0;
    for (let i = 0; i < conv.length; i++) worst = Math.max(worst, Math.abs(conv[i]! - dense[i]!));
    expect(headline.textContent).toContain('agree on all 8,192 outputs');
    expect(headline.textContent).toContain(`Largest difference: ${formatValue(worst)}.`);
    expect(worst).toBeLessThan(1e-5);
    // AlexNet's dense layers, counted both ways: the same weights.
    const table = screen.getByTestId('dense-alexnet');
    expect(table.textContent).toContain('6×6 conv, 256 → 4,096, on a 6×6 map');
    expect(table.textContent).toContain('37,748,736');
    expect(table.textContent).toContain('16,777,216');
    expect(table.textContent).toContain('4,096,000');
    const fc = screen.getByTestId('dense-fc').textContent ?? '';
    expect(fc).toContain('gives a 4×4 map of outputs');
    const diff = /largest difference over all 16 windows: ([^,]+),/.exec(fc)![1]!;
    expect(diff === '0' || /^0\.0000|×/.test(diff)).toBe(true);
  }, 30_000);
});

describe('notes on the sources (issue #15 §5)', () => {
  it('names each slip of the posts with the computed figure and a link to the page that computes it', async () => {
    open('params');
    const note = (id: string) => screen.getByTestId(`note-${id}`).textContent ?? '';
    await screen.findByTestId('source-notes');
    expect(note('dense-ratio')).toContain('58,621,952 / 2,332,704 = 25.1×');
    expect(note('dense-ratio')).toContain('about 85×');
    expect(note('conv3')).toContain('3·3·256·384 = 884,736');
    expect(note('fc6')).toContain('6·6·256·4096 = 37,748,736, not the 177,209,344');
    expect(note('input-227')).toContain('224 gives 54 outputs; 227 gives (227 − 11)/4 + 1 = 55 (or 224 with padding 2: 55)');
    expect(note('example-40x50')).toContain('the output is 40×50×64 (padding 1): 73,728 weights and 147,456,000 multiply-adds');
    expect(note('linear')).toContain('costs 451,584,000 multiply-adds on 250 channels and 18,063,360 on 10, 25× less');
    expect(note('bottleneck')).toContain('1,800 weights directly, 950 through');
    fireEvent.click(within(screen.getByTestId('note-linear')).getByRole('link'));
    expect(appStore.getState().view).toBe('reduction');
  });
});

describe('cost literacy (issue #15 §4)', () => {
  it('family: the separable ratio from the table equals MobileNet’s 1/Cout + 1/k², FLOPs are twice the multiply-adds, and the map-size slider moves only the multiply-adds', async () => {
    open('family');
    const table = await screen.findByTestId('family-table');
    // 256 → 128, k = 3: 1/128 + 1/9.
    const ratio = `${((1 / 128 + 1 / 9) * 100).toFixed(1)}%`;
    expect(screen.getByTestId('fam-separable').textContent).toContain(`${ratio} in the table, and MobileNet's formula 1/Cout + 1/k² = 1/128 + 1/9 = ${ratio}`);
    const std = 9 * 256 * 128;
    const macs = (side: number) => formatInt(std * side * side);
    const before = table.textContent ?? '';
    expect(screen.getByTestId('fam-flops').textContent).toContain(`${formatInt(std * 56 * 56)} multiply-adds are about ${formatInt(2 * std * 56 * 56)} FLOPs`);
    fireEvent.change(screen.getByRole('slider', { name: /Map size/ }), { target: { value: '28' } });
    const after = table.textContent ?? '';
    expect(before).toContain(macs(56));
    expect(after).toContain(macs(28));
    expect(after).toContain(formatInt(std));
    expect(before).toContain(formatInt(std));
  });
  it('reduction: the next 3×3 layer costs 25× less on 10 channels than on 250, and one channel is only scaled', async () => {
    open('reduction');
    fireEvent.change(await screen.findByLabelText('Input'), { target: { value: 'synthetic' } });
    const down = await screen.findByTestId('red-downstream', {}, { timeout: 10_000 });
    expect(down.textContent).toContain(`costs ${formatInt(9 * 10 * 64 * 56 * 56)} multiply-adds on 10 channels instead of ${formatInt(9 * 250 * 64 * 56 * 56)} on 250: 25.0× less`);
    const w = heNormal(1, 1, subSeed(1, 'single'))[0]!;
    expect(screen.getByTestId('red-single').textContent).toContain(`with w = ${formatValue(w)}, every output divided by its input is between ${formatValue(w)} and ${formatValue(w)}`);
    expect(screen.getByTestId('red-single').textContent).toMatch(/correlation with the input is (1\.000000|−1\.000000)/);
  }, 20_000);
});

describe('inception blow-up (issue #15 §4)', () => {
  it('says the pooling branch passes 192 channels on, so the block gives 416 instead of 256', async () => {
    open('params');
    const p = await screen.findByTestId('inception-blowup');
    expect(p.textContent).toContain('passes all 192 channels on');
    expect(p.textContent).toContain('the block gives 416 channels instead of 256');
    expect(p.textContent).toContain(`${formatInt(9 * 416 * 128)} weights instead of ${formatInt(9 * 256 * 128)}`);
  });
});
