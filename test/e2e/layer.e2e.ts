import { dotProductTrace, generateLayerData } from '../../src/engine';
import { formatValue } from '../../src/lib/format';
import type { Page } from 'playwright-core';
import { assert, hostPage, test, traceMainThread } from './fixtures';
import { SHOTS } from './fixtures';

/** Issue #28: the opening view, the whole layer as volumes, computing itself. */
const HEADLINE = { height: 56, width: 56, inChannels: 512, outChannels: 1024 };

const box = async (page: Page, sel: string) => (await page.locator(sel).first().boundingBox())!;

test('layer: at 375×812 the figure and its sentence are on the first screen, and it moves by itself', async ({ baseUrl, newPage }) => {
  const { page, consoleErrors, close } = await newPage({ width: 375, height: 812 });
  await page.goto(baseUrl);
  await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  await page.locator('.scene-whole').waitFor();
  const figure = await box(page, '.layer-figure');
  const sentence = await box(page, '[data-testid="layer-sentence"]');
  const bar = await box(page, '.step-bar');
  console.log(`      375×812: figure y ${figure.y.toFixed(0)}–${(figure.y + figure.height).toFixed(0)}, sentence ends at ${(sentence.y + sentence.height).toFixed(0)}, step bar from ${bar.y.toFixed(0)}`);
  assert(figure.y >= 0 && sentence.y + sentence.height <= bar.y + 1, 'the figure and the whole sentence are above the step bar, without scrolling');
  const a = await page.getByTestId('layer-result').textContent();
  await page.waitForTimeout(2500);
  const b = await page.getByTestId('layer-result').textContent();
  assert(a !== b, `the figure moves by itself (${a} then ${b})`);
  await page.screenshot({ path: `${SHOTS}/layer-375.png` });
  assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join(' | ')}`);
  await close();
});

test('layer: hovering a pixel stops the loop there, and the lit output is the engine’s y(r, c, k)', async ({ baseUrl, newPage }) => {
  const { page, consoleErrors, close } = await newPage({ width: 1280, height: 800 });
  await page.goto(`${baseUrl}#v=1&img=noise&bias=0&k=3`);
  await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  const d = generateLayerData(HEADLINE, 1);
  const layer = { weights: d.weights, relu: false };
  // The input face's hit area: pixel (r, c) is at ((c + 0.5) / 56, (r + 0.5) / 56) of it.
  const face = await box(page, '.lf-hit');
  for (const [r, c] of [[10, 20], [40, 7]] as const) {
    await page.mouse.move(face.x + ((c + 0.5) / 56) * face.width, face.y + ((r + 0.5) / 56) * face.height);
    await page.waitForFunction((want) => document.querySelector('[data-testid="layer-result"]')?.textContent?.startsWith(want), `y(${r}, ${c}, 3) =`);
    const shown = await page.getByTestId('layer-result').textContent();
    const want = `y(${r}, ${c}, 3) = ${formatValue(dotProductTrace(d.input, layer, r, c, 3).value)}`;
    assert(shown === want, `shown ${shown}, engine ${want}`);
  }
  assert((await page.locator('.lf-play').getAttribute('aria-pressed')) === 'false', 'hovering stopped the loop');
  // A number of the sentence lights its part; the part opens its step.
  await page.getByTestId('layer-sentence').getByRole('button').nth(4).hover();
  assert(await page.locator('.lf-part.lit[data-part="rod"]').count() === 1, 'pointing at the weights lights the filter');
  await page.locator('.lf-part[data-part="rod"] .lf-pad').click();
  assert((await page.locator('.scenes [aria-current="step"]').textContent())?.includes('Filters'), 'the filter opens scene 1');
  await page.locator('.filter-stack h3', { hasText: /^Filter 3:/ }).waitFor();
  await page.locator('.mini-layer').waitFor();
  assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join(' | ')}`);
  await close();
});

test('layer: reduced motion gives a still figure with a Play button (the OS setting and ?motion=reduce)', async ({ baseUrl, newPage }) => {
  for (const how of ['os', 'query'] as const) {
    const { page, close } = await newPage({ width: 1280, height: 800 });
    if (how === 'os') await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${baseUrl}${how === 'query' ? '?motion=reduce' : ''}`);
    await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
    const play = page.locator('.lf-play');
    assert((await play.getAttribute('aria-pressed')) === 'false', `${how}: not playing`);
    const a = await page.getByTestId('layer-result').textContent();
    await page.waitForTimeout(1500);
    assert(a === (await page.getByTestId('layer-result').textContent()), `${how}: the figure stays still`);
    await play.click();
    await page.waitForFunction((was) => document.querySelector('[data-testid="layer-result"]')?.textContent !== was, a, { timeout: 5_000 });
    await close();
  }
});

test('layer: the faces are the current layer’s maps — another photo paints other faces', async ({ baseUrl, newPage }) => {
  const { page, close } = await newPage({ width: 1280, height: 800 });
  await page.goto(`${baseUrl}?motion=reduce`);
  await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  const faces = () => page.evaluate(() => [...document.querySelectorAll<HTMLCanvasElement>('.lf-face')].map((c) => c.toDataURL()));
  const cat = await faces();
  await page.evaluate(() => { location.hash = location.hash.replace('img=chelsea', 'img=coffee'); });
  await page.waitForFunction(() => location.hash.includes('img=coffee'));
  await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  await page.waitForFunction((before) => {
    const now = [...document.querySelectorAll<HTMLCanvasElement>('.lf-face')].map((c) => c.toDataURL());
    return now.length === before.length && now.every((u, i) => u !== before[i]);
  }, cat, { timeout: 10_000 });
  await close();
});

test('layer: lecture mode (1280×800) shows it large with its sentence; a 700 px embed keeps the figure ≤ 600 px tall', async ({ baseUrl, newPage }) => {
  const { page, close } = await newPage({ width: 1280, height: 800 });
  await page.goto(`${baseUrl}?present=1`);
  // The slide hides the status line: it is waited for as present in the page.
  await page.locator('[data-status="done"]').waitFor({ state: 'attached', timeout: 60_000 });
  const stage = await box(page, '.lf-stage');
  const sentence = await box(page, '[data-testid="layer-sentence"]');
  console.log(`      present 1280×800: figure ${stage.width.toFixed(0)}×${stage.height.toFixed(0)}, sentence ends at ${(sentence.y + sentence.height).toFixed(0)}`);
  assert(stage.width >= 700, `the figure is large in lecture mode (${stage.width} px wide)`);
  assert(sentence.y + sentence.height <= 800, 'the sentence is on the slide');
  await page.screenshot({ path: `${SHOTS}/layer-present-1280.png` });
  await close();

  const host = await hostPage(`<!doctype html><meta charset="utf-8"><title>blog</title><main style="width:700px;margin:0 auto"><iframe id="f" src="${baseUrl}?embed=1" style="width:700px;height:640px;border:0"></iframe></main>`);
  const blog = await newPage({ width: 1000, height: 900 });
  await blog.page.goto(host.url);
  const frame = blog.page.frameLocator('#f');
  await frame.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  const fig = (await frame.locator('.layer-figure').boundingBox())!;
  console.log(`      700 px embed: figure ${fig.width.toFixed(0)}×${fig.height.toFixed(0)}`);
  assert(fig.height <= 600, `the figure is ${fig.height} px tall in a 700 px embed`);
  await blog.page.screenshot({ path: `${SHOTS}/layer-embed-700.png` });
  await blog.close();
  host.close();
});

test('layer: no long task while it loops for 10 s; the time per frame is reported', async ({ baseUrl, newPage }) => {
  const { page, close } = await newPage({ width: 1280, height: 800 });
  await page.goto(baseUrl);
  await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1000);
  const tasks = await traceMainThread(page, 'pointwise-test:loop', async () => {
    await page.evaluate(() => performance.mark('pointwise-test:loop'));
    await page.waitForTimeout(10_000);
  });
  const stats = await page.locator('.layer-figure').evaluate((el: HTMLElement) => ({ ...el.dataset }));
  const worst = tasks.reduce((m, t) => (t.wallMs > m.wallMs ? t : m), { wallMs: 0, cpuMs: 0 });
  console.log(`      10 s of the loop: ${stats.frames} frames, painter ${stats.frameMs} ms a frame on average (max ${stats.frameMaxMs} ms); longest main-thread task ${worst.wallMs.toFixed(1)} ms (${worst.cpuMs.toFixed(1)} ms CPU)`);
  assert(Number(stats.frames) > 100, `the loop ran (${stats.frames} frames)`);
  assert(tasks.every((t) => t.cpuMs < 50), `a main-thread task of ${worst.cpuMs.toFixed(0)} ms CPU while looping`);
  await close();
});
