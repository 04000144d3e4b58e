/**
 * Fixtures for the browser tests (Playwright Test): `baseUrl` of the production build that
 * `webServer` serves, and `newPage`, a fresh context and page that record console errors and
 * any request leaving the app's origin. Contexts are closed after each test, whatever happens.
 */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test as base, type BrowserContext, type Page } from '@playwright/test';

export { expect } from '@playwright/test';

/** Screenshots the tests take on purpose (looked at by people; failures get their own). */
export const SHOTS = 'screenshots';
mkdirSync(SHOTS, { recursive: true });

export interface TrackedPage {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  foreignRequests: string[];
  close: () => Promise<void>;
}

export interface PageOptions {
  width?: number;
  height?: number;
  /**
   * 'block' keeps the app's service worker out: a test that routes a file (the engine worker's
   * script) must, or the service worker, installed on load, serves the real file to a later request.
   */
  serviceWorkers?: 'allow' | 'block';
}

export const test = base.extend<{ baseUrl: string; newPage: (options?: PageOptions) => Promise<TrackedPage> }>({
  baseUrl: async ({ baseURL }, use) => {
    await use(baseURL!.endsWith('/') ? baseURL! : `${baseURL}/`);
  },
  newPage: async ({ browser, baseURL }, use) => {
    const origin = new URL(baseURL!).origin;
    const contexts: BrowserContext[] = [];
    await use(async ({ width = 1280, height = 900, serviceWorkers = 'allow' } = {}) => {
      const context = await browser.newContext({ viewport: { width, height }, serviceWorkers });
      contexts.push(context);
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
    });
    for (const c of contexts) await c.close().catch(() => {});
  },
});

/** Fails the test with `message` unless `cond` holds. */
export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

/** Resolves after the page has rendered `n` more frames (layout and paint have caught up). */
export function frames(page: Page, n = 2): Promise<void> {
  return page.evaluate((count) => new Promise<void>((resolve) => {
    const next = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => next(left - 1)));
    next(count);
  }), n);
}

/** Serves one host page (a "blog post") on its own port, so the app is cross-origin to it. */
export async function hostPage(html: string): Promise<{ url: string; close: () => void }> {
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

/** Opens the layer's settings line (closed by default, so the picture comes first). */
export async function openSettings(page: Page): Promise<void> {
  const line = page.locator('.settings-line');
  if (!(await line.evaluate((d) => (d as HTMLDetailsElement).open))) await line.locator('summary').click();
  await page.locator('.settings-panel form').waitFor();
}

/** The frame's address and id in an embed snippet. */
export function embedFrom(snippet: string): { src: string; id: string } {
  const src = /src="([^"]+)"/.exec(snippet)?.[1]?.replace(/&amp;/g, '&');
  const id = /id="([^"]+)"/.exec(snippet)?.[1];
  if (!src || !id) throw new Error(`not an embed snippet: ${snippet.slice(0, 80)}`);
  return { src, id };
}
