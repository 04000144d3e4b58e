import { generateLayerData, pointwiseConv } from '../../src/engine';
import { formatValue } from '../../src/lib/format';
import { assert, test } from './harness';

test('url: a shared link opens the same view, shape, cursor and filter', async ({ baseUrl, newPage }) => {
  const { page, consoleErrors, close } = await newPage();
  await page.goto(`${baseUrl}#v=1&view=walkthrough&h=8&w=6&cin=16&cout=12&seed=4&bias=1&relu=0&img=noise&scene=3&r=5&c=2&k=7&ch=15&speed=64`);
  await page.locator('[data-status="done"]').waitFor({ timeout: 30_000 });
  const d = generateLayerData({ height: 8, width: 6, inChannels: 16, outChannels: 12 }, 4);
  const out = pointwiseConv(d.input, { weights: d.weights, bias: d.bias, relu: false }).data;
  const shown = await page.getByTestId('output-value').textContent();
  assert(shown === `output (5, 2, 7) = ${formatValue(out[(5 * 6 + 2) * 12 + 7]!)}`, `shown: ${shown}`);
  assert(await page.getByLabel('Speed').inputValue() === '64', 'speed from the link');
  // Moving the cursor rewrites the hash; switching views adds a history entry.
  await page.locator('.viz').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => location.hash.includes('&c=3&'), null, { timeout: 3000 });
  await page.getByRole('link', { name: 'Explorer' }).click();
  await page.waitForFunction(() => location.hash.includes('view=explorer'));
  await page.goBack();
  await page.waitForFunction(() => location.hash.includes('view=walkthrough'));
  await page.locator('.viz').waitFor();
  assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join(' | ')}`);
  await close();
});

test('url: hostile or random hashes never give a blank page or a console error, and bad values are named', async ({ baseUrl, newPage }) => {
  const { page, consoleErrors, close } = await newPage();
  const hashes = [
    '#h=0&cout=999999&r=-1', '#v=9&view=<script>alert(1)</script>', '#%E0%A4%A', '#h=128&w=128&cin=2048&cout=2048',
    '#__proto__=1&constructor=2', `#seed=${'9'.repeat(500)}`, '#&&&==&=', '#scene=5&speed=1e9&bias=yes',
  ];
  for (let i = 0; i < 6; i++) hashes.push('#' + Array.from({ length: 8 }, () => String.fromCharCode(33 + Math.floor(Math.random() * 90))).join(''));
  for (const hash of hashes) {
    await page.goto(`${baseUrl}${hash}`);
    await page.locator('.app-header h1').waitFor({ timeout: 10_000 });
    assert((await page.locator('main').count()) === 1, `no main view for ${hash}`);
  }
  await page.goto(`${baseUrl}#h=0&cout=999999`);
  const notice = await page.locator('.url-notice').textContent();
  assert(notice?.includes('h=0') && notice.includes('cout=999999'), `notice: ${notice}`);
  assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join(' | ')}`);
  await close();
});
