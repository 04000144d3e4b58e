import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hwcToChw, hwcTensor, parseNpy, pointwiseConv, coutCinWeights, writeNpy } from '../../src/engine';
import { formatValue } from '../../src/lib/format';
import { assert, test, openSettings } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'pointwise-npy-'));
// A 4×4×3 input in PyTorch order (1, 3, 4, 4) and 2 filters (2, 3, 1, 1).
const inputHwc = hwcTensor(4, 4, 3, Float32Array.from({ length: 48 }, (_, i) => ((i * 7) % 11) / 4 - 1));
const weights = Float32Array.from([0.5, -1, 2, 1.5, 0.25, -0.75]);
writeFileSync(join(dir, 'input.npy'), writeNpy(hwcToChw(inputHwc), [1, 3, 4, 4]));
writeFileSync(join(dir, 'weights.npy'), writeNpy(weights, [2, 3, 1, 1]));
writeFileSync(join(dir, 'broken.npy'), Buffer.from('not a numpy file at all'));
const expected = pointwiseConv(inputHwc, { weights: coutCinWeights(2, 3, weights), relu: false });

test('data: a pair of .npy files loads through the file inputs, is summarised, computes, and exports back', async ({ baseUrl, newPage }) => {
  const { page, consoleErrors, close } = await newPage({ width: 1280, height: 900 });
  await page.goto(`${baseUrl}#v=1&view=explorer&bias=0`);
  await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  await openSettings(page);
  await page.getByRole('button', { name: /Your own data/ }).click();
  await page.getByLabel('Input activations').setInputFiles(join(dir, 'broken.npy'));
  await page.getByRole('alert').filter({ hasText: 'this is not a .npy file' }).waitFor({ timeout: 10_000 });
  await page.getByLabel('Input activations').setInputFiles(join(dir, 'input.npy'));
  await page.getByLabel('1×1 weights').setInputFiles(join(dir, 'weights.npy'));
  const summary = page.getByTestId('npy-summary');
  await summary.filter({ hasText: '(2, 3, 1, 1)' }).waitFor({ timeout: 10_000 });
  assert(((await summary.textContent()) ?? '').includes('(1, 3, 4, 4)'), 'summary shows the input shape');
  await page.screenshot({ path: 'screenshots/data-loader-1280.png', fullPage: true });
  await page.getByRole('button', { name: 'Use these' }).click();
  await page.locator('.shape-summary').filter({ hasText: 'Input 4×4×3 → output 4×4×2' }).waitFor({ timeout: 10_000 });
  await page.locator('[data-status="done"]').waitFor({ timeout: 30_000 });
  // Pixel (1, 2), filter 0: at ((1·4 + 2)·2 + 0).
  await page.locator('.picker').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const want = formatValue(expected.data[12]!);
  const readout = (await page.getByTestId('output-value').textContent()) ?? '';
  assert(readout.includes(`output (1, 2, 0) = ${want}`), `readout ${readout} should show ${want}`);
  // Export the output maps and read the file back: the same numbers, in PyTorch order.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Output maps .npy' }).click()]);
  const path = join(dir, 'out.npy');
  await download.saveAs(path);
  const back = parseNpy(new Uint8Array(readFileSync(path)), 1 << 20);
  assert(back.shape.join(',') === '1,2,4,4', `exported shape ${back.shape.join(',')}`);
  const chw = hwcToChw(expected);
  assert(back.data.every((v, i) => Math.abs(v - chw[i]!) < 1e-6), 'exported values equal the engine’s output');
  // Round trip: the exported input and weights load back and reproduce the same value.
  const save = async (name: string, file: string) => {
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    await d.saveAs(join(dir, file));
  };
  await save('Input .npy', 'in2.npy');
  await save('Weights .npy (2, 3, 1, 1)', 'w2.npy');
  await page.getByRole('button', { name: 'Back to the photos and generated data' }).click();
  await page.locator('.shape-summary').filter({ hasText: 'Input 4×4×3 → output 4×4×2' }).waitFor();
  await page.getByLabel('Input activations').setInputFiles(join(dir, 'in2.npy'));
  await page.getByLabel('1×1 weights').setInputFiles(join(dir, 'w2.npy'));
  await summary.filter({ hasText: 'in2.npy' }).waitFor({ timeout: 10_000 });
  await page.getByRole('button', { name: 'Use these' }).click();
  await page.getByTestId('output-value').filter({ hasText: `= ${want}` }).waitFor({ timeout: 10_000 });
  assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join(' | ')}`);
  await close();
});

test('data: a 12,000 × 12,000 picture is refused from its header, before decoding, and the view stays (issue #18 §5)', async ({ baseUrl, newPage }) => {
  const { page, consoleErrors, close } = await newPage({ width: 1280, height: 900 });
  await page.goto(`${baseUrl}#v=1&view=explorer`);
  await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  await openSettings(page);
  await page.getByRole('button', { name: /Your own data/ }).click();
  // A real PNG header for 12,000 × 12,000 (what a 420 KB file of one colour would claim), then nothing.
  const header = Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x2e, 0xe0, 0, 0, 0x2e, 0xe0, 8, 2, 0, 0, 0]);
  const file = join(dir, 'huge.png');
  writeFileSync(file, header);
  await page.getByLabel('Picture (PNG or JPEG)').setInputFiles(file);
  await page.getByRole('alert').filter({ hasText: 'huge.png is 12,000×12,000 pixels' }).waitFor({ timeout: 10_000 });
  assert(await page.locator('[data-status="done"]').count() === 1, 'the layer stays computed');
  assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join(' | ')}`);
  await close();
});
