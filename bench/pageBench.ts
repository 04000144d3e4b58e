/**
 * `page` workload of npm run bench: the production app in Chromium, measured through the
 * DevTools protocol as a student's phone would load it — cold cache, 375×812, unthrottled and
 * at 4× CPU on a 9 Mbps / 60 ms network (Emulation.setCPUThrottlingRate and
 * Network.emulateNetworkConditions on the page).
 *
 * - first number: the time from navigation start to the moment scene 2's running sum
 *   ([data-testid="partial-sum"], the engine's first value) is in the page (React has
 *   committed it; the frame that paints it follows); the same for the opening view (scene 0,
 *   what a link without a scene opens), whose first number is the figure's y(r, c, k)
 *   ([data-testid="layer-result"]);
 * - bytes: what the network delivered (encoded, headers included) before that moment,
 *   the parts of files still arriving included;
 * - longest task: the longest main-thread task (PerformanceObserver 'longtask', ≥ 50 ms) that
 *   starts after the first paint, until the layer's forward pass is done and 1 s more;
 * - scene 5: the same longest task when `#scene=5` is opened directly.
 *
 * A benchmark, not a test: it prints the median (and range) of `runs` cold loads of each.
 * With `--page-baseline <dir>` (another build, e.g. of the previous commit) that build is
 * served beside this one and measured in turn, load for load, so the two are compared under
 * the same machine load.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type CDPSession } from 'playwright-core';

// Vite's own script, run by this Node (not through npx), so that killing it stops the server.
const VITE = 'node_modules/vite/bin/vite.js';

export interface PageConditions { readonly name: string; readonly cpu: number; readonly network?: { readonly mbps: number; readonly latencyMs: number } }
export const PAGE_CONDITIONS: readonly PageConditions[] = [
  { name: 'unthrottled', cpu: 1 },
  { name: '4× CPU, 9 Mbps / 60 ms', cpu: 4, network: { mbps: 9, latencyMs: 60 } },
];

export interface PageRun { firstNumberMs: number; bytesBefore: number; longestTaskMs: number; scene0FirstMs: number; scene0TaskMs: number; scene5TaskMs: number }
export interface PageRow { build: string; conditions: string; runs: PageRun[]; median: PageRun }

/** Set up before the app's scripts run: long tasks, the first paint and the first number, in page time. */
export const PROBE = `(() => {
  const probe = window.__probe = { tasks: [], firstPaint: null, firstNumber: null, firstNumberWall: null };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) probe.tasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === 'first-paint') probe.firstPaint = e.startTime; }).observe({ type: 'paint', buffered: true });
  const seen = () => {
    const el = document.querySelector('[data-testid="partial-sum"], [data-testid="layer-result"]');
    if (!el || !/\\d/.test(el.textContent || '')) return false;
    probe.firstNumber = performance.now();
    probe.firstNumberWall = performance.timeOrigin + probe.firstNumber;
    return true;
  };
  const watch = new MutationObserver(() => { if (seen()) watch.disconnect(); });
  document.addEventListener('DOMContentLoaded', () => { if (!seen()) watch.observe(document.body, { childList: true, subtree: true, characterData: true }); });
})();`;

export interface Probe { tasks: [number, number][]; firstPaint: number | null; firstNumber: number | null; firstNumberWall: number | null }

/** Bytes received per request over time, from the page's Network events (monotonic seconds). */
export function recordBytes(cdp: CDPSession) {
  const chunks: { t: number; bytes: number; id: string }[] = [];
  const finished = new Map<string, { t: number; bytes: number }>();
  let wallOffset: number | null = null; // wall seconds − monotonic seconds
  cdp.on('Network.requestWillBeSent', (e) => { wallOffset ??= e.wallTime - e.timestamp; });
  cdp.on('Network.dataReceived', (e) => chunks.push({ t: e.timestamp, bytes: e.encodedDataLength, id: e.requestId }));
  cdp.on('Network.loadingFinished', (e) => finished.set(e.requestId, { t: e.timestamp, bytes: e.encodedDataLength }));
  /** Bytes delivered by wall time `wallMs`: a finished request's whole count, an unfinished one's chunks so far. */
  return (wallMs: number) => {
    if (wallOffset === null) return 0;
    const until = wallMs / 1000 - wallOffset;
    let total = 0;
    const counted = new Set<string>();
    for (const [id, f] of finished) if (f.t <= until) { total += f.bytes; counted.add(id); }
    for (const c of chunks) if (!counted.has(c.id) && c.t <= until) total += c.bytes;
    return total;
  };
}

async function load(browser: Browser, url: string, c: PageConditions): Promise<{ probe: Probe; bytesBefore: number }> {
  // A new context each time: an empty HTTP cache and no service worker.
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (c.network) {
      const bytesPerSecond = (c.network.mbps * 1e6) / 8;
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: c.network.latencyMs, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond });
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: c.cpu });
    const bytesBy = recordBytes(cdp);
    await page.goto(url);
    // Polled through the DevTools protocol, not a Playwright locator: a locator injects
    // Playwright's own script into the page, and evaluating it is a main-thread task of its own
    // (200–450 ms at 4× CPU) that the long-task probe would count as the app's.
    const deadline = Date.now() + 120_000;
    for (;;) {
      const { result } = await cdp.send('Runtime.evaluate', { expression: `document.querySelector('[data-status="done"]') !== null`, returnByValue: true });
      if (result.value === true) break;
      if (Date.now() > deadline) throw new Error(`${url}: the layer never finished`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await page.waitForTimeout(1000);
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'window.__probe', returnByValue: true });
    const probe = result.value as Probe;
    return { probe, bytesBefore: probe.firstNumberWall === null ? NaN : bytesBy(probe.firstNumberWall) };
  } finally {
    await context.close();
  }
}

const longestAfterPaint = (p: Probe) => Math.max(0, ...p.tasks.filter(([start]) => start >= (p.firstPaint ?? 0)).map(([, d]) => d));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function serve(port: number, outDir = 'dist'): Promise<ChildProcess> {
  const server = spawn(process.execPath, [VITE, 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1', '--outDir', outDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (d: Buffer) => { if (d.toString().includes(String(port))) resolve(); });
    server.on('exit', (code) => reject(new Error(`vite preview exited (${code})`)));
  });
  return server;
}

async function build(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const b = spawn(process.execPath, [VITE, 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    b.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited (${code})`))));
  });
}

/**
 * Builds (unless `skipBuild`), serves dist/ on `port` (and `baselineDir`, if given, on
 * port + 1) and measures each condition `runs` times, the builds in turn.
 */
export async function benchPage(runs: number, port: number, skipBuild = false, baselineDir?: string): Promise<PageRow[]> {
  if (!skipBuild) await build();
  const builds = [{ name: 'this build', port, server: await serve(port) }];
  if (baselineDir) builds.push({ name: `baseline (${baselineDir})`, port: port + 1, server: await serve(port + 1, baselineDir) });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const rows: PageRow[] = [];
    for (const c of PAGE_CONDITIONS) {
      const results = builds.map(() => [] as PageRun[]);
      for (let r = 0; r < runs; r++) {
        for (const [i, b] of builds.entries()) {
          const base = `http://127.0.0.1:${b.port}/`;
          const two = await load(browser, `${base}#scene=2`, c);
          const zero = await load(browser, base, c);
          const five = await load(browser, `${base}#scene=5`, c);
          if (two.probe.firstNumber === null) throw new Error(`${b.name}: scene 2 never showed its running sum`);
          if (zero.probe.firstNumber === null) throw new Error(`${b.name}: scene 0 never showed y(r, c, k)`);
          results[i]!.push({
            firstNumberMs: two.probe.firstNumber, bytesBefore: two.bytesBefore, longestTaskMs: longestAfterPaint(two.probe),
            scene0FirstMs: zero.probe.firstNumber, scene0TaskMs: longestAfterPaint(zero.probe), scene5TaskMs: longestAfterPaint(five.probe),
          });
        }
      }
      for (const [i, b] of builds.entries()) {
        const pick = (f: keyof PageRun) => median(results[i]!.map((x) => x[f]));
        rows.push({
          build: b.name, conditions: c.name, runs: results[i]!,
          median: { firstNumberMs: pick('firstNumberMs'), bytesBefore: pick('bytesBefore'), longestTaskMs: pick('longestTaskMs'), scene0FirstMs: pick('scene0FirstMs'), scene0TaskMs: pick('scene0TaskMs'), scene5TaskMs: pick('scene5TaskMs') },
        });
      }
    }
    return rows;
  } finally {
    await browser.close();
    for (const b of builds) b.server.kill();
  }
}

export function printPageTable(rows: PageRow[], runs: number): void {
  const cell = (r: PageRow, f: keyof PageRun, scale = 1) => {
    const xs = r.runs.map((x) => x[f] / scale);
    return `${(r.median[f] / scale).toFixed(0)} [${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}]`;
  };
  console.log(`\npage: production build, cold cache, 375×812 (${runs} runs, median [min–max])`);
  const columns: [string, keyof PageRun, number?][] = [
    ['scene 2 first number ms', 'firstNumberMs'], ['kB before it', 'bytesBefore', 1000], ['longest task ms', 'longestTaskMs'],
    ['scene 0 first number ms', 'scene0FirstMs'], ['scene 0 task ms', 'scene0TaskMs'], ['scene 5 task ms', 'scene5TaskMs'],
  ];
  const width = (name: string) => Math.max(name.length, 16) + 1;
  console.log(`${'conditions'.padEnd(24)} ${'build'.padEnd(14)} ${columns.map(([n]) => n.padEnd(width(n))).join(' ')}`);
  for (const r of rows) {
    console.log(`${r.conditions.padEnd(24)} ${r.build.slice(0, 14).padEnd(14)} ${columns.map(([n, f, scale]) => cell(r, f, scale).padEnd(width(n))).join(' ')}`);
  }
}
