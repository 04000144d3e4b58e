/**
 * A small browser-test harness: serves the production build with `vite preview`, drives
 * Debian's Chromium through playwright-core, and prints one line per test and a closing
 * "N passed, N failed" line.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface TestContext {
  baseUrl: string;
  browser: Browser;
  /** A fresh page that records console errors and any request leaving the app's origin. */
  newPage: (options?: { width?: number; height?: number }) => Promise<TrackedPage>;
}

export interface TrackedPage {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  foreignRequests: string[];
  close: () => Promise<void>;
}

type TestFn = (ctx: TestContext) => Promise<void>;
const tests: { name: string; fn: TestFn }[] = [];

export function test(name: string, fn: TestFn): void {
  tests.push({ name, fn });
}

export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

export async function startServer(port = 4173): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({ preview: { port, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server has no URL');
  return { server, url };
}

export async function runAll(): Promise<void> {
  const { server, url } = await startServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const origin = new URL(url).origin;
  const ctx: TestContext = {
    baseUrl: url,
    browser,
    newPage: async ({ width = 1280, height = 900 } = {}) => {
      const context = await browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      const consoleErrors: string[] = [];
      const foreignRequests: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
      page.on('pageerror', (e) => consoleErrors.push(String(e)));
      context.on('request', (r) => {
        const u = r.url();
        if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreignRequests.push(u);
      });
      return { page, context, consoleErrors, foreignRequests, close: () => context.close() };
    },
  };
  let passed = 0, failed = 0;
  const only = process.env.E2E_ONLY;
  for (const t of tests) {
    if (only && !t.name.includes(only)) continue;
    const start = Date.now();
    try {
      await t.fn(ctx);
      passed++;
      console.log(`  ✓ ${t.name} (${Date.now() - start} ms)`);
    } catch (e) {
      failed++;
      console.log(`  ✗ ${t.name}\n      ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  }
  await browser.close();
  await server.close();
  console.log(`\ne2e: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
