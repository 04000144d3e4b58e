/**
 * The Train page (issue #30): paint the rocket and the sky on the shipped rocket photo, the
 * layer trains in the worker, the whole photo is classified; RGB features give another map;
 * the exported .npy files read back; hostile links are refused and the last strokes kept.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parseNpy } from '../../src/engine/io/npy';
import { encodeStrokes } from '../../src/lib/trainCode';
import { resnetLike } from '../fixtures/onnxBuilder';
import { expect, test, SHOTS } from './fixtures';

const N = 56;

/** Drags through map cells (row, col) on the painting canvas. */
async function drag(page: Page, cells: [number, number][]): Promise<void> {
  const canvas = page.getByTestId('painted');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const at = ([r, c]: [number, number]) => [box.x + ((c + 0.5) * box.width) / N, box.y + ((r + 0.5) * box.height) / N] as const;
  await page.mouse.move(...at(cells[0]!));
  await page.mouse.down();
  for (const cell of cells.slice(1)) await page.mouse.move(...at(cell), { steps: 6 });
  await page.mouse.up();
}

async function trained(page: Page): Promise<void> {
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-state', 'idle', { timeout: 60_000 });
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-accuracy', /\d/);
}

/** The prediction layer's pixels: [r, g, b, a] per map cell. */
function predictionPixels(page: Page): Promise<number[]> {
  return page.getByTestId('prediction').evaluate((c: HTMLCanvasElement) => Array.from(c.getContext('2d')!.getImageData(0, 0, 56, 56).data));
}

test('paint rocket and sky: the layer learns them and classifies the whole photo; RGB features give another map', async ({ newPage, baseUrl }) => {
  const { page, consoleErrors, close } = await newPage();
  try {
    await page.goto(`${baseUrl}#view=train&tp=rocket&ti=learned`);
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-state', 'idle', { timeout: 60_000 });
    // The rocket's body (a column at the centre) and the sky (top left).
    await drag(page, [[20, 27], [40, 28]]);
    await page.locator('#brush-1').check();
    await drag(page, [[5, 5], [5, 20], [12, 8]]);
    await trained(page);
    const status = page.getByTestId('train-status');
    expect(Number(await status.getAttribute('data-accuracy'))).toBeGreaterThanOrEqual(0.95);
    expect(Number(await status.getAttribute('data-pixels'))).toBeGreaterThan(100);
    // Every pixel gets a class: the prediction covers the unpainted cells, and both classes win some.
    const learned = await predictionPixels(page);
    const covered = learned.filter((_, i) => i % 4 === 3).filter((a) => a > 0).length;
    expect(covered).toBeGreaterThan(0.9 * N * N);
    await expect(page.getByTestId('prob-maps').locator('canvas')).toHaveCount(2);
    await page.screenshot({ path: `${SHOTS}/train-learned.png`, fullPage: true });

    // The same strokes with the photo's RGB as the input: another map.
    await page.getByTestId('train-input').selectOption('rgb');
    await trained(page);
    await expect(page.getByTestId('filter-stacks')).toContainText('1×1×3');
    const rgb = await predictionPixels(page);
    let differ = 0;
    for (let p = 0; p < N * N; p++) if (learned[4 * p] !== rgb[4 * p] || learned[4 * p + 2] !== rgb[4 * p + 2]) differ++;
    expect(differ).toBeGreaterThan(20);

    // Export: the weights and bias read back as .npy of the layer's shape.
    const [weights, bias] = await Promise.all([
      page.waitForEvent('download', { predicate: (d) => d.suggestedFilename() === 'train_weights.npy' }),
      page.waitForEvent('download', { predicate: (d) => d.suggestedFilename() === 'train_bias.npy' }),
      page.getByTestId('export-layer').click(),
    ]);
    const w = parseNpy(new Uint8Array(readFileSync((await weights.path())!)), 1e6);
    const b = parseNpy(new Uint8Array(readFileSync((await bias.path())!)), 1e6);
    expect([w.shape, b.shape]).toEqual([[2, 3, 1, 1], [2]]);
    expect(Array.from(w.data).every(Number.isFinite) && w.data.some((v) => v !== 0)).toBe(true);
    expect(consoleErrors).toEqual([]);
  } finally {
    await close();
  }
});

test('a hostile link is refused with a message and the last good strokes stay; Walk through it opens scene 2 on the trained layer', async ({ newPage, baseUrl }) => {
  const { page, close } = await newPage();
  try {
    const strokes = encodeStrokes([{ cls: 0, radius: 1, points: [20, 27, 40, 28] }, { cls: 1, radius: 1, points: [5, 5, 5, 20] }]);
    await page.goto(`${baseUrl}#view=train&tp=rocket&ti=rgb&ts=${strokes}`);
    await trained(page);
    const pixels = await page.getByTestId('train-status').getAttribute('data-pixels');
    for (const bad of ['00A9', `${'00AA.'.repeat(70)}00AA`, '70AA']) {
      await page.evaluate((h) => { location.hash = h; }, `view=train&tp=rocket&ti=rgb&ts=${bad}`);
      await expect(page.getByTestId('train-refused')).toBeVisible();
      await expect(page.getByTestId('train-status')).toHaveAttribute('data-pixels', pixels!);
    }
    await page.getByTestId('walk-through').click();
    await expect(page).toHaveURL(/scene=2/);
    await expect(page).toHaveURL(/cin=3&cout=2/);
    await expect(page.locator('main')).toContainText('your trained layer');
  } finally {
    await close();
  }
});

test('the input of a 1×1 layer of a loaded model: the page says how to get one, then trains on that layer’s input', async ({ newPage, baseUrl }) => {
  const dir = mkdtempSync(join(tmpdir(), 'pointwise-train-onnx-'));
  // A ResNet-like model with open input size (the model view's fixture), used at 64×64.
  writeFileSync(join(dir, 'resnet-mini.onnx'), resnetLike({ size: 64, width: 16, blocks: [2, 2], dynamic: true }).bytes);
  const { page, consoleErrors, close } = await newPage();
  try {
    // Two strokes of each class on the rocket (rocket / sky), the second of each held out.
    await page.goto(`${baseUrl}#view=train&tp=rocket&ti=model&ts=01Ubec.11FFFU.01fcob.11KjKy`);
    const none = page.getByTestId('train-model-none');
    await expect(none).toContainText('No layer of your own model is in use yet');
    await expect(page.getByTestId('train-status')).toHaveAttribute('data-state', 'no-model');
    await page.locator('.train-model-data').getByRole('button', { name: /Your own data/ }).click();
    await page.getByLabel('Model file').setInputFiles(join(dir, 'resnet-mini.onnx'));
    await page.getByTestId('model-summary').filter({ hasText: 'resnet-mini.onnx' }).waitFor({ timeout: 30_000 });
    await page.getByLabel('Input size').selectOption('64');
    const radio = page.locator('.model-layers input[type=radio]').first();
    await radio.check();
    await page.getByRole('button', { name: 'Use this layer' }).click();
    await page.getByTestId('model-used').waitFor({ timeout: 30_000 });
    // The option names the layer; the note its map; the layer trains on its input channels.
    const option = page.getByTestId('train-input').locator('option[value="model"]');
    await expect(option).toContainText(/the input of .+ in your model \(\d+ channels\)/);
    const cin = Number(/\((\d+) channels\)/.exec((await option.textContent()) ?? '')![1]);
    await expect(page.getByTestId('train-model-note')).toContainText(`its ${cin} input channels`);
    await expect(page.getByTestId('train-model-note')).toContainText(/sees a \d+×\d+ map; each of its pixels covers [\d.]+×[\d.]+ cells/);
    await trained(page);
    await expect(page.getByTestId('filter-stacks')).toContainText(`1×1×${cin}`);
    expect(Number(await page.getByTestId('train-status').getAttribute('data-accuracy'))).toBeGreaterThanOrEqual(0.95);
    const covered = (await predictionPixels(page)).filter((_, i) => i % 4 === 3).filter((a) => a > 0).length;
    expect(covered).toBeGreaterThan(0.9 * N * N);
    await page.screenshot({ path: `${SHOTS}/train-model.png`, fullPage: true });
    expect(consoleErrors).toEqual([]);
  } finally {
    await close();
  }
});
