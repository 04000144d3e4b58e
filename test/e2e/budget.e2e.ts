import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { LEARNED_FILES, POINTWISE_FILES } from '../../src/engine/data/learnedFileNames';
import { PROBE, recordBytes, type Probe } from '../../bench/pageBench';
import { assert, test } from './fixtures';

/** The budgets of issue #5, in bytes of gzip (level 9): what the embed page loads before it is usable. */
const INITIAL_JS_BUDGET = 110_000;
const WORKER_BUDGET = 25_000;

const gzipped = (file: string) => gzipSync(readFileSync(join('dist', file)), { level: 9 }).length;

test('budget: the embed page’s initial JavaScript ≤ 110 KB gzip in English and in Korean, the worker chunk ≤ 25 KB gzip', async ({ baseUrl, newPage }) => {
  for (const lang of ['en', 'ko']) {
    const { page, close } = await newPage({ width: 640, height: 800 });
    const scripts = new Set<string>();
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.endsWith('.js')) scripts.add(path.slice(path.indexOf('assets/')));
    });
    // Korean text is a chunk of its own, loaded before the first render when the page is in Korean.
    await page.goto(`${baseUrl}?embed=1&lang=${lang}`);
    await page.locator('.walkthrough').waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    const worker = [...scripts].filter((s) => s.includes('worker'));
    const initial = [...scripts].filter((s) => !s.includes('worker'));
    const sizes = initial.map((s) => [s, gzipped(s)] as const);
    const total = sizes.reduce((a, [, b]) => a + b, 0);
    console.log(`      ${lang}: initial JS ${total} B gzip (${sizes.map(([s, b]) => `${s.replace('assets/', '')} ${b}`).join(', ')}); worker ${worker.map(gzipped).join(', ')} B`);
    assert(worker.length >= 1, 'the engine worker should have been loaded');
    assert(total <= INITIAL_JS_BUDGET, `${lang}: initial JavaScript is ${total} B gzip, over the ${INITIAL_JS_BUDGET} B budget`);
    for (const w of worker) assert(gzipped(w) <= WORKER_BUDGET, `worker chunk ${w} is ${gzipped(w)} B gzip, over ${WORKER_BUDGET} B`);
    await close();
  }
});

/** Issue #13's budget for the data that ships with the app: the photos and the learned bank. */
const DATA_BUDGET = 1_500_000;

test('budget: the photos and the learned bank ship in ≤ 1.5 MB, are fetched only as data, and the default layer loads them', async ({ baseUrl, newPage }) => {
  const files = [...readdirSync('dist/photos').map((f) => `photos/${f}`), ...readdirSync('dist/learned').map((f) => `learned/${f}`)];
  const total = files.reduce((a, f) => a + statSync(join('dist', f)).size, 0);
  console.log(`      data ${total} B (${files.length} files: photos ${files.filter((f) => f.startsWith('photos')).reduce((a, f) => a + statSync(join('dist', f)).size, 0)} B)`);
  assert(files.length === 6 + LEARNED_FILES.length, `six photos and the bank's ${LEARNED_FILES.length} files, not ${files.join(', ')}`);
  assert(total <= DATA_BUDGET, `shipped data is ${total} B, over ${DATA_BUDGET}`);
  const { page, close } = await newPage({ width: 640, height: 800 });
  const fetched: string[] = [];
  page.on('request', (r) => { if (/\/(photos|learned)\//.test(r.url())) fetched.push(new URL(r.url()).pathname.replace(/^.*\/(photos|learned)\//, '$1/')); });
  await page.goto(`${baseUrl}?embed=1`);
  await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  // The default layer needs one photo and the bank's files, nothing else.
  const want = [...LEARNED_FILES.map((n) => `learned/${n}.npy`), 'photos/chelsea.jpg'].sort();
  assert(fetched.sort().join() === want.join(), `fetched ${fetched.join(', ')}`);
  await close();
});

/** Issue #26: what a phone downloads before scene 2's first number, at most. */
const FIRST_NUMBER_BUDGET = 400_000;

test('budget: scene 2 shows its first number after ≤ 400 KB — the first layer and the part of the bank with its filter; the rest comes after; a concept page fetches no bank file', async ({ baseUrl, newPage }) => {
  const { page, context, close } = await newPage({ width: 375, height: 812, serviceWorkers: 'block' });
  await page.addInitScript(PROBE);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const bytesBy = recordBytes(cdp);
  const urls = new Map<string, { url: string; sentWall: number }>();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, { url: e.request.url, sentWall: e.wallTime * 1000 }));
  await page.goto(`${baseUrl}#scene=2&k=300`);
  await page.locator('[data-testid="partial-sum"]').waitFor({ timeout: 60_000 });
  // When the number came into the page (the probe's MutationObserver), and what the network had delivered by then.
  const at = await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe.firstNumberWall);
  assert(at !== null, 'the probe saw no number');
  const total = bytesBy(at);
  const bank = [...urls.values()].filter((r) => r.url.includes('/learned/') && r.sentWall <= at).map((r) => r.url.replace(/^.*\/learned\//, ''));
  console.log(`      before scene 2's first number: ${total} B; bank files asked for ${bank.join(', ')}`);
  // Filter 300 is in part 2 (filters 256–383); the first layer's three files come with it.
  for (const f of ['first-filters.npy', 'first-bias.npy', 'feature-mean.npy', 'pointwise-2.npy']) assert(bank.includes(f), `${f} should come first (${bank.join(', ')})`);
  assert(bank.filter((f) => f.startsWith('pointwise-') && f !== 'pointwise-2.npy').length === 0, `only part 2 of the prototypes before the first number (${bank.join(', ')})`);
  assert(total <= FIRST_NUMBER_BUDGET, `${total} B before the first number, over ${FIRST_NUMBER_BUDGET}`);
  // The rest follows, and the layer is computed with every filter.
  await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  const later = new Set([...urls.values()].filter((r) => r.url.includes('/learned/pointwise-')).map((r) => r.url)).size;
  assert(later === POINTWISE_FILES.length, `all ${POINTWISE_FILES.length} parts once the layer is done, not ${later}`);
  await close();

  const concept = await newPage({ width: 375, height: 812, serviceWorkers: 'block' });
  const bankRequests: string[] = [];
  concept.page.on('request', (r) => { if (r.url().includes('/learned/')) bankRequests.push(r.url()); });
  await concept.page.goto(`${baseUrl}#view=family`);
  await concept.page.locator('main').waitFor({ timeout: 30_000 });
  await concept.page.waitForLoadState('networkidle');
  assert(bankRequests.length === 0, `a concept page fetched ${bankRequests.join(', ')}`);
  // The reduction page makes a photo's channels: it needs the first layer, not the prototypes.
  await concept.page.goto(`${baseUrl}#view=reduction`);
  await concept.page.reload();
  await concept.page.locator('[data-testid="red-headline"]').waitFor({ timeout: 60_000 });
  assert(bankRequests.length > 0 && bankRequests.every((u) => !u.includes('pointwise')), `the reduction page fetched ${bankRequests.join(', ')}`);
  await concept.close();
});
