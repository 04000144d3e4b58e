import { readFileSync } from 'node:fs';
import { generateLayerData, pointwiseConv } from '../../src/engine';
import { formatValue } from '../../src/lib/format';
import { assert, SHOTS, test } from './fixtures';

/** What the app must show for output (r, c, k) of the headline layer on seeded data (img=noise), seed 1, no bias/ReLU. */
function expectedHeadline(r: number, c: number, k: number): string {
  const d = generateLayerData({ height: 56, width: 56, inChannels: 512, outChannels: 1024 }, 1);
  const out = pointwiseConv(d.input, { weights: d.weights, relu: false });
  return formatValue(out.data[(r * 56 + c) * 1024 + k]!);
}

test('explorer: the worker computes the headline layer and shows the engine’s value at (0,0,0) and (3,5,0)', async ({ baseUrl, newPage }) => {
  const { page, consoleErrors, foreignRequests, close } = await newPage();
  await page.goto(`${baseUrl}#v=1&view=explorer&img=noise&bias=0`);
  await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  const readout = page.getByTestId('output-value');
  const want00 = expectedHeadline(0, 0, 0);
  assert((await readout.textContent())?.includes(`= ${want00}`), `readout ${await readout.textContent()} should show ${want00}`);
  // Move the cursor by keyboard on the picker: 3 down, 5 right.
  await page.locator('.picker').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  const want35 = expectedHeadline(3, 5, 0);
  assert((await readout.textContent())?.includes(`output (3, 5, 0) = ${want35}`), `readout ${await readout.textContent()} should show ${want35}`);
  // The grid paints across frames and says when every map is on it.
  await page.locator('.output-grid canvas[data-painted="true"]').waitFor({ timeout: 5_000 });
  await page.screenshot({ path: `${SHOTS}/explorer-1280.png`, fullPage: true });
  // The grid on screen holds 28×28 thumbnails (958 px); the PNG export has every map at 56×56.
  assert(await page.locator('.output-grid canvas').evaluate((c: HTMLCanvasElement) => c.width) === 32 * 30 - 2, 'grid canvas of 28×28 thumbnails');
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Maps as PNG' }).click()]);
  const bytes = readFileSync((await png.path())!);
  const [pngWidth, pngHeight] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  assert(pngWidth === 32 * 60 - 4 && pngHeight === 32 * 60 - 4, `PNG export is ${pngWidth}×${pngHeight}, not the full-size 1916×1916 grid`);
  assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join(' | ')}`);
  assert(foreignRequests.length === 0, `requests left the origin: ${foreignRequests.join(' ')}`);
  await close();
});

test('explorer: readable at 375 px wide, in Korean', async ({ baseUrl, newPage }) => {
  const { page, consoleErrors, close } = await newPage({ width: 375, height: 800 });
  await page.goto(`${baseUrl}#explorer`);
  await page.getByRole('button', { name: '한국어' }).click();
  await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  assert((await page.locator('html').getAttribute('lang')) === 'ko', 'html lang should be ko');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 0, `page scrolls sideways by ${overflow}px at 375 px`);
  await page.screenshot({ path: `${SHOTS}/explorer-375-ko.png`, fullPage: true });
  assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join(' | ')}`);
  await close();
});
