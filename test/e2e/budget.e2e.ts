import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { assert, test } from './harness';

/** The budgets of issue #5, in bytes of gzip (level 9): what the embed page loads before it is usable. */
const INITIAL_JS_BUDGET = 110_000;
const WORKER_BUDGET = 25_000;

const gzipped = (file: string) => gzipSync(readFileSync(join('dist', file)), { level: 9 }).length;

test('budget: the embed page’s initial JavaScript ≤ 110 KB gzip, the worker chunk ≤ 25 KB gzip', async ({ baseUrl, newPage }) => {
  const { page, close } = await newPage({ width: 640, height: 800 });
  const scripts = new Set<string>();
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.js')) scripts.add(path.slice(path.indexOf('assets/')));
  });
  await page.goto(`${baseUrl}?embed=1`);
  await page.locator('.walkthrough').waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  const worker = [...scripts].filter((s) => s.includes('worker'));
  const initial = [...scripts].filter((s) => !s.includes('worker'));
  const sizes = initial.map((s) => [s, gzipped(s)] as const);
  const total = sizes.reduce((a, [, b]) => a + b, 0);
  console.log(`      initial JS ${total} B gzip (${sizes.map(([s, b]) => `${s.replace('assets/', '')} ${b}`).join(', ')}); worker ${worker.map(gzipped).join(', ')} B`);
  assert(worker.length >= 1, 'the engine worker should have been loaded');
  assert(total <= INITIAL_JS_BUDGET, `initial JavaScript is ${total} B gzip, over the ${INITIAL_JS_BUDGET} B budget`);
  for (const w of worker) assert(gzipped(w) <= WORKER_BUDGET, `worker chunk ${w} is ${gzipped(w)} B gzip, over ${WORKER_BUDGET} B`);
  await close();
});
