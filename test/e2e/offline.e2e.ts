import { assert, test, openSettings } from './fixtures';

test('offline: once loaded, the app reloads, makes a photo layer from any shipped photo and opens every page with the network gone', async ({ baseUrl, newPage }) => {
  const { page, context, consoleErrors, close } = await newPage({ width: 1280, height: 900 });
  await page.goto(`${baseUrl}#view=walkthrough`);
  await page.locator('.walkthrough .viz').waitFor({ timeout: 30_000 });
  // Wait until the service worker has installed (precached the whole build) and controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  });
  // The network goes away: every request that reaches it (page or service worker) fails.
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
  await page.reload();
  await page.locator('.walkthrough .viz').waitFor({ timeout: 30_000 });
  // The photo layer is made offline: photos and the learned bank were precached, even a photo
  // never shown before.
  await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  await openSettings(page);
  await page.getByLabel('Input', { exact: true }).selectOption('rocket');
  await page.waitForFunction(() => location.hash.includes('img=rocket'));
  await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  assert(await page.locator('.filter-note[data-kind="learned"]').isVisible(), 'learned filters on the rocket photo, offline');
  // Pages never opened before load from the cache too: the lazy chunks were precached.
  await page.getByRole('link', { name: 'Convolution basics' }).click();
  await page.locator('[data-testid="conv-window"]').waitFor({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Why 1×1?' }).click();
  await page.locator('[data-testid="bottleneck-headline"]').waitFor({ timeout: 30_000 });
  const text = (await page.locator('main').textContent()) ?? '';
  assert(text.includes('1,800'), 'the bottleneck page computes offline');
  await context.unroute('**/*');
  assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join(' | ')}`);
  await close();
});
