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
  /**
   * Prediction questions: 'show' (the default here) stores the student's choice "show answers
   * at once", so tests of other features find every reveal on the page; 'ask' leaves the app's
   * own default, reveals waiting for a prediction.
   */
  quiz?: 'ask' | 'show';
}

export const test = base.extend<{ baseUrl: string; newPage: (options?: PageOptions) => Promise<TrackedPage> }>({
  baseUrl: async ({ baseURL }, use) => {
    await use(baseURL!.endsWith('/') ? baseURL! : `${baseURL}/`);
  },
  newPage: async ({ browser, baseURL }, use) => {
    const origin = new URL(baseURL!).origin;
    const contexts: BrowserContext[] = [];
    await use(async ({ width = 1280, height = 900, serviceWorkers = 'allow', quiz = 'show' } = {}) => {
      const context = await browser.newContext({ viewport: { width, height }, serviceWorkers });
      if (quiz === 'show') {
        await context.addInitScript(() => {
          try {
            if (!localStorage.getItem('pointwise.quiz.v1')) localStorage.setItem('pointwise.quiz.v1', JSON.stringify({ mode: 'show', pages: {} }));
          } catch { /* storage unavailable: the app keeps answers in memory */ }
        });
      }
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

/** A main-thread task of the page: its wall time, and the CPU time its thread spent on it. */
export interface MainTask { wallMs: number; cpuMs: number }

/**
 * The page's main-thread tasks while `run` goes on, from the performance mark `from` on (the
 * page sets it; the tasks begun after it), read from a Chromium trace. A long task's wall time
 * includes any time its thread waited for a core: on a 2-core machine whose two cores the
 * page's own workers take, a task of 10 ms of work can take 100 ms of wall time. Its CPU time
 * is the work the page did on the main thread.
 */
export async function traceMainThread(page: Page, from: string, run: () => Promise<void>): Promise<MainTask[]> {
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
  let trace: Buffer;
  try {
    await run();
  } finally {
    trace = await browser.stopTracing();
  }
  type Event = { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number };
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: Event[] }).traceEvents;
  const mark = events.find((e) => e.name === from);
  if (!mark) throw new Error(`no mark ${from} in the trace`);
  // The tasks of the thread that set the mark, not nested in one another, begun after it.
  const tasks = events
    .filter((e) => e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  const out: MainTask[] = [];
  let end = -Infinity;
  for (const t of tasks) {
    if (t.ts < end) continue;
    end = t.ts + t.dur!;
    if (t.ts >= mark.ts) out.push({ wallMs: t.dur! / 1000, cpuMs: (t.tdur ?? t.dur!) / 1000 });
  }
  return out;
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
