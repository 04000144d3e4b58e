import { generateLayerData, pointwiseConv } from '../../src/engine';
import { formatValue } from '../../src/lib/format';
import { assert, frames, test, openSettings } from './fixtures';

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

test('url: a valid link or the Back button never blanks the app (issue #18: k beyond the old shape)', async ({ baseUrl, newPage }) => {
  const { page, consoleErrors, close } = await newPage();
  await page.goto(`${baseUrl}#v=1&h=8&w=8&cin=8&cout=8&img=noise`);
  await page.locator('[data-status="done"]').waitFor({ timeout: 30_000 });
  await page.evaluate(() => { location.hash = 'v=1&h=8&w=8&cin=8&cout=16&k=9&img=noise'; });
  // The link names no scene: the whole layer (scene 0) shows filter 9.
  await page.locator('.scene-whole [aria-label^="Filter 9,"]').waitFor({ timeout: 30_000 });
  // Walkthrough at k = 1000 → Explorer → Cout 512 → Back.
  await page.goto(`${baseUrl}#v=1&view=walkthrough&k=1000&scene=1&img=noise`);
  await page.locator('.filter-stack h3', { hasText: /^Filter 1000:/ }).waitFor({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Explorer' }).click();
  await openSettings(page);
  await page.getByLabel('Cout').fill('512');
  await page.waitForFunction(() => location.hash.includes('cout=512'));
  await page.goBack();
  await page.locator('.walkthrough .viz').waitFor();
  await page.locator('.filter-stack h3', { hasText: /^Filter 1000:/ }).waitFor({ timeout: 30_000 });
  assert(await page.locator('.view-failed').count() === 0, 'no view failed');
  assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join(' | ')}`);
  await close();
});

test('url: 300 random links, Back and Forward in a row end in the last link’s view, with no error', async ({ baseUrl, newPage }) => {
  const { page, consoleErrors, close } = await newPage();
  await page.goto(`${baseUrl}#v=1&h=4&w=4&cin=3&cout=2&img=noise`);
  await page.locator('[data-status="done"]').waitFor({ timeout: 30_000 });
  let seed = 18;
  const rand = (n: number) => { seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0; return seed % n; };
  let last = '';
  for (let i = 0; i < 300; i++) {
    const move = rand(10);
    if (move === 0) await page.goBack({ waitUntil: 'commit' }).catch(() => {});
    else if (move === 1) await page.goForward({ waitUntil: 'commit' }).catch(() => {});
    else {
      const h = 1 + rand(8), w = 1 + rand(8), cin = 1 + rand(12), cout = 1 + rand(20);
      last = `v=1&view=${rand(2) ? 'walkthrough' : 'explorer'}&h=${h}&w=${w}&cin=${cin}&cout=${cout}&k=${rand(cout)}&r=${rand(h)}&c=${rand(w)}&ch=${rand(cin)}&scene=${1 + rand(4)}&img=noise`;
      await page.evaluate((hash) => { location.hash = hash; }, last);
    }
    if (i % 10 === 0) await frames(page, 1);
  }
  // One last link, then the view it names with its numbers.
  last = 'v=1&view=walkthrough&h=5&w=6&cin=7&cout=9&k=8&r=4&c=5&ch=6&scene=3&img=noise';
  await page.evaluate((hash) => { location.hash = hash; }, last);
  await page.locator('[data-status="done"]').waitFor({ timeout: 30_000 });
  await page.getByTestId('output-value').filter({ hasText: /^output \(4, 5, 8\) = / }).waitFor({ timeout: 10_000 });
  assert(await page.locator('.view-failed').count() === 0, 'no view failed');
  assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join(' | ')}`);
  await close();
});

test('url: values refused from a link leave the address too, so Copy link gives the view shown (issue #18 §6)', async ({ baseUrl, newPage }) => {
  const { page, close } = await newPage();
  await page.goto(`${baseUrl}#v=1&h=999&cin=5000&seed=-3&k=%E0%A4%A&img=noise`);
  await page.locator('.url-notice').waitFor();
  const notice = (await page.locator('.url-notice').textContent()) ?? '';
  for (const k of ['h=999', 'cin=5000', 'seed=-3', 'k=%E0%A4%A']) assert(notice.includes(k), `notice names ${k}: ${notice}`);
  await page.waitForFunction(() => location.hash.includes('&h=56&') && location.hash.includes('&cin=512&') && location.hash.includes('&seed=1&'), null, { timeout: 3000 });
  assert(!(await page.evaluate(() => location.hash)).includes('999'), 'the refused height left the address');
  await close();
});
