import { mkdirSync } from 'node:fs';
import { assert, test, frames } from './fixtures';

const SHOTS = 'screenshots';
mkdirSync(SHOTS, { recursive: true });

/** Each concept page, what it must show once computed, and a figure quoted in concepts.md. */
const PAGES = [
  { view: 'bottleneck', ready: '[data-testid="bottleneck-headline"]', expect: ['1,800', '50 + 900 = 950'] },
  { view: 'nonlinearity', ready: '[data-testid="nl-squeezed"]', expect: ['Nonlinearities on this path: 2', 'Nonlinearities on this path: 1'] },
  { view: 'whatwhere', ready: '[data-testid="ww-max-3"]', expect: ['Identical: the largest difference is exactly 0.', 'Different: the largest difference is'] },
  { view: 'reduction', ready: '[data-testid="red-headline"]', expect: ['With k = 10 of 250 channels'] },
  { view: 'family', ready: '.family-detail .map-row', expect: ['294,912', '147,456', '2 independent 128×64 mixes'] },
  { view: 'basics', ready: '[data-testid="rgb-depthwise"]', expect: ['= 94', '27 weights in all, against 81', 'R: Sobel x (vertical edges)'] },
  { view: 'dense', ready: '[data-testid="dense-fc"]', expect: ['agree on all 8,192 outputs', 'gives a 4×4 map of outputs', '37,748,736'] },
  { view: 'params', ready: '[data-testid="source-notes"]', expect: ['2,332,704', '58,621,952', '60,965,224', '177,209,344', '3·3·256·384 = 884,736'] },
] as const;

for (const p of PAGES) {
  test(`concepts: ${p.view} computes and shows its figures, at 1280 and 375 px`, async ({ baseUrl, newPage }) => {
    const { page, consoleErrors, foreignRequests, close } = await newPage({ width: 1280, height: 900 });
    await page.goto(`${baseUrl}#view=${p.view}`);
    await page.locator(p.ready).first().waitFor({ timeout: 30_000 });
    // A page's figures inside its questions' block come when that block's chunk has loaded,
    // which can be after the page's other parts (params: the source notes before the table).
    const shows = (want: string) => page.waitForFunction((w) => document.querySelector('main')?.textContent?.includes(w) ?? false, want, { timeout: 30_000 }).then(() => true, () => false);
    for (const want of p.expect) assert(await shows(want), `${p.view} should show “${want}”`);
    await page.screenshot({ path: `${SHOTS}/concept-${p.view}-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await frames(page);
    await page.screenshot({ path: `${SHOTS}/concept-${p.view}-375.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert(overflow <= 1, `${p.view} scrolls sideways at 375 px by ${overflow} px`);
    assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join(' | ')}`);
    assert(foreignRequests.length === 0, `requests left the origin: ${foreignRequests.join(' ')}`);
    await close();
  });
}

test('concepts: embedded in Korean at 360 px (reduction, family), with the Korean figures', async ({ baseUrl, newPage }) => {
  const { page, consoleErrors, close } = await newPage({ width: 360, height: 800 });
  await page.goto(`${baseUrl}?embed=1&lang=ko#view=reduction`);
  await page.locator('[data-testid="red-headline"]').waitFor({ timeout: 30_000 });
  assert(((await page.locator('[data-testid="red-headline"]').textContent()) ?? '').includes('250채널 중 k = 10개로 줄이면'), 'Korean reduction headline');
  await page.screenshot({ path: `${SHOTS}/concept-reduction-embed-ko-360.png`, fullPage: true });
  await page.goto(`${baseUrl}?embed=1&lang=ko#view=family`);
  await page.reload();
  await page.locator('.family-detail .map-row').first().waitFor({ timeout: 30_000 });
  assert(((await page.locator('main').textContent()) ?? '').includes('서로 독립인 128×64 섞기 2개'), 'Korean groups note');
  await page.screenshot({ path: `${SHOTS}/concept-family-embed-ko-360.png`, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert(overflow <= 1, `family scrolls sideways in embed mode by ${overflow} px`);
  assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join(' | ')}`);
  await close();
});
