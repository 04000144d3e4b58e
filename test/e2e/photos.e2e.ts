import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { bankFromNpy, LEARNED_FILES, photoLayerData, pictureTensor, pointwiseConv, type LearnedFileName } from '../../src/engine';
import { formatValue } from '../../src/lib/format';
import { assert, test, openSettings } from './fixtures';
import { SHOTS } from './fixtures';

const bank = bankFromNpy(Object.fromEntries(LEARNED_FILES.map((n) => [n, new Uint8Array(readFileSync(`public/learned/${n}.npy`))])) as Record<LearnedFileName, Uint8Array>);
const HEADLINE = { height: 56, width: 56, inChannels: 512, outChannels: 1024 };

/** The photo's pixels as this browser decodes them (the app decodes it the same way). */
async function browserPixels(page: Page, url: string): Promise<Uint8ClampedArray> {
  const bytes = await page.evaluate(async (src) => {
    const bitmap = await createImageBitmap(await (await fetch(src)).blob());
    const canvas = document.createElement('canvas');
    canvas.width = 224;
    canvas.height = 224;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(bitmap, 0, 0, 224, 224);
    return Array.from(ctx.getImageData(0, 0, 224, 224).data);
  }, url);
  return Uint8ClampedArray.from(bytes);
}

/** Output (r, c, k) of the layer the Node engine makes from those pixels. */
function expected(rgba: Uint8ClampedArray, mode: 'learned' | 'random', r: number, c: number, k: number): string {
  const d = photoLayerData(HEADLINE, pictureTensor(rgba, 224, 224, 3), mode, 1, bank);
  const out = pointwiseConv(d.input, { weights: d.weights, bias: d.bias, relu: false }).data;
  return formatValue(out[(r * 56 + c) * 1024 + k]!);
}

test('photos: the default layer is a photo through learned layers; values equal the Node engine on the browser’s pixels; Random switches to the untrained layer', async ({ baseUrl, newPage }) => {
  const { page, consoleErrors, foreignRequests, close } = await newPage();
  await page.goto(`${baseUrl}#v=1&view=walkthrough&scene=3&r=20&c=30&k=5`);
  await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  const rgba = await browserPixels(page, './photos/chelsea.jpg');
  const shown = await page.getByTestId('output-value').textContent();
  assert(shown === `output (20, 30, 5) = ${expected(rgba, 'learned', 20, 30, 5)}`, `learned: shown ${shown}`);
  await openSettings(page);
  assert(await page.getByLabel('Input', { exact: true }).inputValue() === 'chelsea', 'the cat is the default photo');
  await page.getByText('Stefan van der Walt, CC0').waitFor();
  assert(await page.locator('.filter-note[data-kind="learned"]').isVisible(), 'the note says the filters are learned');
  // Scene 4: the filter's top windows from the photo.
  await page.locator('.scenes button').nth(4).click();
  await page.getByTestId('filter-faces').locator('canvas').nth(7).waitFor();
  await page.locator('.output-grid canvas[data-painted="true"]').waitFor({ timeout: 5_000 });
  await page.screenshot({ path: `${SHOTS}/photo-learned-4-1280.png`, fullPage: true });
  // Scene 2: where the channels come from.
  await page.locator('.scenes button').nth(2).click();
  await page.getByTestId('input-origin').locator('.origin-bank canvas').nth(31).waitFor();
  // The untrained network, same photo, same shapes.
  await openSettings(page);
  await page.getByLabel('Filters', { exact: true }).selectOption('random');
  await page.waitForFunction(() => location.hash.includes('filters=random'));
  await page.locator('.filter-note[data-kind="random"]').waitFor({ timeout: 30_000 });
  await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  // Scene 3 ("move to the next pixel") moves on one pixel from scene 2.
  await page.locator('.scenes button').nth(3).click();
  const random = await page.getByTestId('output-value').textContent();
  assert(random === `output (20, 31, 5) = ${expected(rgba, 'random', 20, 31, 5)}`, `random: shown ${random}`);
  assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join(' | ')}`);
  assert(foreignRequests.length === 0, `requests left the origin: ${foreignRequests.join(' ')}`);
  await close();
});

test('photos: the student’s picture goes through the same first layer (exact pixels, value checked)', async ({ baseUrl, newPage }) => {
  // A 224×224 picture, so the browser does not resample it: colour bands and a diagonal edge.
  const png = new PNG({ width: 224, height: 224 });
  for (let y = 0; y < 224; y++) {
    for (let x = 0; x < 224; x++) {
      const o = (y * 224 + x) * 4;
      png.data[o] = x > y ? 230 : 40;
      png.data[o + 1] = (x * 255) / 223;
      png.data[o + 2] = (y * 255) / 223;
      png.data[o + 3] = 255;
    }
  }
  const file = join(mkdtempSync(join(tmpdir(), 'pointwise-pic-')), 'mine.png');
  writeFileSync(file, PNG.sync.write(png));
  const rgba = Uint8ClampedArray.from(png.data);
  const { page, consoleErrors, close } = await newPage();
  await page.goto(`${baseUrl}#v=1&view=walkthrough&scene=3&r=10&c=12&k=2`);
  await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  await openSettings(page);
  await page.getByRole('button', { name: /Your own data/ }).click();
  await page.getByLabel('Picture (PNG or JPEG)').setInputFiles(file);
  await openSettings(page);
  await page.getByLabel('Input', { exact: true }).locator('option[value="yours"]').waitFor({ state: 'attached' });
  await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => /output \(10, 12, 2\)/.test(document.querySelector('[data-testid="output-value"]')?.textContent ?? ''));
  const want = expected(rgba, 'learned', 10, 12, 2);
  await page.waitForFunction((w) => document.querySelector('[data-testid="output-value"]')?.textContent === `output (10, 12, 2) = ${w}`, want, { timeout: 10_000 })
    .catch(async () => assert(false, `shown ${await page.getByTestId('output-value').textContent()}, engine ${want}`));
  assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join(' | ')}`);
  await close();
});
