import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
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
  assert(files.length === 6 + 4, `six photos and four bank files, not ${files.join(', ')}`);
  assert(total <= DATA_BUDGET, `shipped data is ${total} B, over ${DATA_BUDGET}`);
  const { page, close } = await newPage({ width: 640, height: 800 });
  const fetched: string[] = [];
  page.on('request', (r) => { if (/\/(photos|learned)\//.test(r.url())) fetched.push(new URL(r.url()).pathname.replace(/^.*\/(photos|learned)\//, '$1/')); });
  await page.goto(`${baseUrl}?embed=1`);
  await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  // The default layer needs one photo and the four bank files, nothing else.
  assert(fetched.sort().join() === ['learned/feature-mean.npy', 'learned/first-bias.npy', 'learned/first-filters.npy', 'learned/pointwise.npy', 'photos/chelsea.jpg'].join(), `fetched ${fetched.join(', ')}`);
  await close();
});
