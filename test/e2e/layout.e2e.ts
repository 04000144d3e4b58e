/**
 * Visualization first (issue #14): what a step changes and the step button are on screen
 * together at a phone's and a laptop's size, lecture mode is a slide, the default embed fits a
 * blog column, and the scene numbers and badges are readable in light and dark.
 */
import type { Page } from '@playwright/test';
import { assert, embedFrom, frames, hostPage, SHOTS, test } from './fixtures';

interface Box { x: number; y: number; width: number; height: number }

/** What a step changes in each stage, and the stage's "next" button. */
const STAGES = [
  // On a phone scene 2 shows the sum and the channel maps first, the terms below (issue #26).
  { name: 'scene 2', hash: 'view=walkthrough&scene=2', next: /^Next channel i/, changed: ['.terms tr.current', '[data-testid="partial-sum"]'], phone: ['.card.current', '[data-testid="partial-sum"]'] },
  { name: 'scene 3', hash: 'view=walkthrough&scene=3', next: /^Next pixel/, changed: ['.scene-main .heatmap-highlight', '[data-testid="output-value"]'] },
  { name: 'scene 4', hash: 'view=walkthrough&scene=4', next: /^Next pixel/, changed: ['.scene-main .heatmap-highlight', '[data-testid="output-value"]'] },
  { name: 'explorer', hash: 'view=explorer', next: /^Next pixel/, changed: ['.explorer-picked .heatmap-highlight', '[data-testid="output-value"]'] },
] as const;

/** Fails unless `box` lies inside the viewport and above the (sticky) step bar. */
function assertOnScreen(box: Box | null, what: string, viewport: { width: number; height: number }, bar: Box | null): void {
  assert(box, `${what} is not on the page`);
  const bottom = box.y + box.height;
  assert(box.y >= 0 && bottom <= viewport.height && box.x >= 0 && box.x + box.width <= viewport.width,
    `${what} at y ${Math.round(box.y)}–${Math.round(bottom)} is outside the ${viewport.width}×${viewport.height} viewport`);
  if (bar && !what.includes('button')) assert(bottom <= bar.y + 1, `${what} (bottom ${Math.round(bottom)}) is under the step bar (top ${Math.round(bar.y)})`);
}

async function changedText(page: Page): Promise<string> {
  return (await page.locator('[data-testid="partial-sum"], [data-testid="output-value"]').first().textContent()) ?? '';
}

for (const viewport of [{ width: 375, height: 812 }, { width: 1280, height: 800 }]) {
  test(`layout: at ${viewport.width}×${viewport.height}, after a step by button and by key, what changed and the step button are on screen (scenes 2–4, explorer)`, async ({ baseUrl, newPage }) => {
    const { page, consoleErrors, close } = await newPage(viewport);
    const figures: string[] = [];
    for (const stage of STAGES) {
      await page.goto(`${baseUrl}#v=1&${stage.hash}`);
      await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
      const next = page.locator('.step-bar').getByRole('button', { name: stage.next });
      for (const how of ['button', 'key'] as const) {
        const before = await changedText(page);
        if (how === 'button') await next.click();
        else {
          await page.locator('body').click({ position: { x: 1, y: 1 } });
          await page.keyboard.press('ArrowRight');
        }
        await frames(page, 2);
        assert((await changedText(page)) !== before, `${stage.name}: a step by ${how} changed nothing (${before})`);
        const bar = await page.locator('.step-bar').boundingBox();
        assertOnScreen(await next.boundingBox(), `${stage.name}: the step button after a step by ${how}`, viewport, bar);
        const changed = viewport.width < 560 && 'phone' in stage ? stage.phone : stage.changed;
        for (const sel of changed) assertOnScreen(await page.locator(sel).first().boundingBox(), `${stage.name}: ${sel} after a step by ${how}`, viewport, bar);
      }
      const y = async (sel: string) => Math.round((await page.locator(sel).first().boundingBox())?.y ?? -1);
      const changed = viewport.width < 560 && 'phone' in stage ? stage.phone : stage.changed;
      figures.push(`${stage.name}: changed at y ${await y(changed[0])} and ${await y(changed[1])}, button at y ${Math.round((await next.boundingBox())!.y)}`);
      await page.screenshot({ path: `${SHOTS}/layout-${stage.name.replace(' ', '')}-${viewport.width}.png` });
    }
    console.log(`      ${viewport.width}×${viewport.height}: ${figures.join('; ')}`);
    assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join(' | ')}`);
    await close();
  });
}

for (const viewport of [{ width: 1280, height: 800 }, { width: 1024, height: 768 }]) {
  test(`layout: lecture mode at ${viewport.width}×${viewport.height} is a slide — the scene and its step bar cover ≥ 60 % of the screen, no chrome until the corner menu`, async ({ baseUrl, newPage }) => {
    const { page, close } = await newPage(viewport);
    const covers: string[] = [];
    for (const scene of [1, 2, 3, 4]) {
      await page.goto(`${baseUrl}?present=1#v=1&view=walkthrough&scene=${scene}`);
      // The layer's status line and the photo parts wait outside the slide: there, not shown.
      await page.locator('[data-status="done"]').waitFor({ state: 'attached', timeout: 60_000 });
      // The photo parts (top windows, where the channels come from) arrive just after.
      await page.locator(scene === 2 ? '[data-testid="input-origin"] canvas' : scene === 3 ? '.scene-next canvas' : '[data-testid="filter-faces"] canvas').first().waitFor({ state: 'attached' });
      await page.waitForLoadState('networkidle');
      await frames(page, 5);
      // The scene and its step bar (which no longer runs over the scene, issue #26).
      const cover = await page.evaluate(() => {
        const scene = document.querySelector('.viz .scene')!.getBoundingClientRect();
        const bar = document.querySelector('.viz .step-bar')!.getBoundingClientRect();
        const r = { left: Math.min(scene.left, bar.left), right: Math.max(scene.right, bar.right), top: scene.top, bottom: Math.max(scene.bottom, bar.bottom) };
        const w = Math.max(0, Math.min(innerWidth, r.right) - Math.max(0, r.left));
        const h = Math.max(0, Math.min(innerHeight, r.bottom) - Math.max(0, r.top));
        return (w * h) / (innerWidth * innerHeight);
      });
      covers.push(`scene ${scene} ${(cover * 100).toFixed(0)} %`);
      assert(cover >= 0.6, `lecture mode, scene ${scene}: the visualization covers ${(cover * 100).toFixed(0)} % of the screen`);
      assert(await page.evaluate(() => scrollY === 0), 'measured without scrolling');
      await page.screenshot({ path: `${SHOTS}/present-${scene}-${viewport.width}.png` });
    }
    console.log(`      ${viewport.width}×${viewport.height}: ${covers.join(', ')}`);
    assert(!(await page.locator('.app-header').isVisible()) && !(await page.locator('nav.views').isVisible()), 'no header or tabs in lecture mode');
    // Fullscreen shows the picture's panel, not the page around it; Escape-free exit by the same button.
    await page.getByRole('button', { name: 'Fullscreen' }).click();
    await page.waitForFunction(() => document.fullscreenElement !== null);
    assert(await page.evaluate(() => document.fullscreenElement?.classList.contains('viz')), 'Fullscreen makes the visualization fullscreen');
    await page.getByRole('button', { name: 'Fullscreen' }).click();
    await page.waitForFunction(() => document.fullscreenElement === null);
    await page.getByRole('button', { name: /Menu/ }).click();
    assert(await page.locator('nav.views').isVisible(), 'the corner menu brings the tabs back');
    assert(await page.locator('.settings-line').isVisible(), 'the corner menu brings the settings back');
    await close();
  });
}

test('layout: the default embed snippet in a 700 px column is at most 1,000 px tall, and no resize message says 0', async ({ baseUrl, newPage }) => {
  const { page, close } = await newPage({ width: 1280, height: 800 });
  await page.goto(`${baseUrl}#v=1&view=walkthrough&scene=2`);
  await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  // The dialog opens inside the window, with its choices and the preview's height.
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this view' });
  await dialog.waitFor();
  const box = (await dialog.boundingBox())!;
  assert(box.y >= 0 && box.x >= 0 && box.y + box.height <= 800 && box.x + box.width <= 1280, `the dialog is inside the window: ${JSON.stringify(box)}`);
  assert((await dialog.getByLabel('Controls').inputValue()) === 'min', 'the snippet defaults to the compact view');
  assert((await dialog.getByLabel('Opens at').inputValue()) === '2', 'the snippet opens at the current scene');
  await dialog.getByText(/Height there: \d+ px/).waitFor({ timeout: 60_000 });
  const snippet = await dialog.getByRole('textbox').inputValue();
  await page.keyboard.press('Escape');
  assert(!(await dialog.isVisible()), 'Escape closes the dialog');
  await close();

  const { src, id } = embedFrom(snippet);
  const host = await hostPage(`<!doctype html><meta charset="utf-8"><title>blog</title>
<script>window.__heights = []; addEventListener('message', (e) => { if (e.data && e.data.type === 'pointwise:resize') window.__heights.push(e.data.height); });</script>
<main style="width: 700px; margin: 0 auto"><h1>A post</h1>${snippet}<p>after</p></main>`);
  const blog = await newPage({ width: 1000, height: 900 });
  await blog.page.goto(host.url);
  const frame = blog.page.frameLocator(`#${id}`);
  await frame.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  await blog.page.waitForLoadState('networkidle');
  await frames(blog.page, 10);
  const heights = await blog.page.evaluate(() => (window as unknown as { __heights: number[] }).__heights);
  const frameHeight = await blog.page.evaluate((i) => document.getElementById(i)!.getBoundingClientRect().height, id);
  console.log(`      snippet ${src.replace(/^.*\?/, '?')}: resize messages ${heights.join(', ')} px; frame ${frameHeight} px`);
  assert(heights.length > 0 && heights.every((h) => h > 0), `a resize message said 0: ${heights.join(', ')}`);
  assert(heights[0]! > 200, `the first resize message (${heights[0]} px) is not the page's real height`);
  assert(frameHeight <= 1000, `the default embed is ${frameHeight} px tall in a 700 px column`);
  await blog.page.screenshot({ path: `${SHOTS}/embed-default-700.png`, fullPage: true });
  host.close();
});

/** The contrast ratio of two CSS colours (WCAG relative luminance). */
const CONTRAST = `(() => {
  const parse = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.length >= 3 && (c.length === 3 || c[3] > 0.5)) return c;
    }
    return [255, 255, 255];
  };
  return (el) => {
    const fg = lum(parse(getComputedStyle(el).color)), bg = lum(background(el));
    return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
  };
})()`;

/** Scene numbers and every badge (text on its own small background). */
const BADGES = ['.scene-num', '.card-name', '.step-bar .play', '.lang-switch [aria-pressed="true"]', '.settings-edit', '.step-at', 'kbd', '.map-probe'];

for (const theme of ['light', 'dark', 'system dark'] as const) {
  test(`contrast: scene numbers and badges are readable in the ${theme} theme (computed text colour against its own background, ≥ 4.5)`, async ({ baseUrl, newPage }) => {
    const { page, close } = await newPage({ width: 1280, height: 900 });
    if (theme === 'system dark') await page.emulateMedia({ colorScheme: 'dark' });
    const query = theme === 'system dark' ? '' : `?theme=${theme}`;
    await page.goto(`${baseUrl}${query}#v=1&view=walkthrough&scene=2`);
    await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
    // The value under the pointer, and the shortcut list, so their badges are on the page too.
    await page.locator('.channel-cards .heatmap canvas').last().hover();
    await page.keyboard.press('?');
    const found: string[] = [];
    for (const sel of BADGES) {
      const ratios = await page.locator(sel).evaluateAll((els, code) => {
        const ratio = (0, eval)(code) as (el: Element) => number;
        return els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => ratio(e));
      }, CONTRAST);
      assert(ratios.length > 0, `no ${sel} on the page to check`);
      const worst = Math.min(...ratios);
      found.push(`${sel} ${worst.toFixed(1)}`);
      assert(worst >= 4.5, `${theme}: ${sel} has a contrast of ${worst.toFixed(2)} (needs 4.5)`);
    }
    console.log(`      ${theme}: ${found.join(', ')}`);
    await close();
  });
}

test('layout: at 375 px chart labels are at least 11 px, and every map says the value under the pointer', async ({ baseUrl, newPage }) => {
  const { page, close } = await newPage({ width: 375, height: 812 });
  const sizes: string[] = [];
  for (const hash of ['view=walkthrough&scene=2', 'view=reduction']) {
    await page.goto(`${baseUrl}#v=1&${hash}`);
    await page.locator('svg text').first().waitFor({ timeout: 60_000 });
    await frames(page, 3);
    const smallest = await page.evaluate(() => Math.min(...[...document.querySelectorAll('svg text')].map((t) => t.getBoundingClientRect().height || 99)));
    sizes.push(`${hash.replace('view=', '')} ${smallest.toFixed(1)} px`);
    assert(smallest >= 11, `${hash}: a chart label is ${smallest.toFixed(1)} px tall at 375 px`);
  }
  console.log(`      smallest chart text: ${sizes.join(', ')}`);
  // The value under the pointer: a card of scene 2 and the explorer's grid of 1,024 maps.
  await page.goto(`${baseUrl}#v=1&view=walkthrough&scene=2&r=3&c=4`);
  await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  const card = page.locator('.channel-cards .card').last().locator('canvas');
  const cb = (await card.boundingBox())!;
  await card.hover({ position: { x: cb.width * (4.5 / 56), y: cb.height * (3.5 / 56) } });
  const probe = await page.getByTestId('map-probe').textContent();
  assert(/^x\(3, 4, \d+\) = [−\d]/.test(probe ?? ''), `the card says the value under the pointer: ${probe}`);
  await page.goto(`${baseUrl}#v=1&view=explorer`);
  await page.locator('.output-grid canvas[data-painted="true"]').waitFor({ timeout: 60_000 });
  // The top windows above the grid arrive a moment later and move it down: hover once it has settled.
  await page.getByTestId('filter-faces').locator('canvas').nth(7).waitFor();
  await page.waitForLoadState('networkidle');
  await page.locator('.output-grid').scrollIntoViewIfNeeded();
  await frames(page, 3);
  const grid = page.locator('.output-grid canvas');
  const gb = (await grid.boundingBox())!;
  await grid.hover({ position: { x: 2, y: 2 } });
  assert(/^y\(\d+, \d+, 0\) = /.test((await page.getByTestId('map-probe').textContent()) ?? ''), 'the grid of maps says map 0’s value under the pointer');
  await grid.hover({ position: { x: gb.width - 2, y: 2 } });
  assert(!/, 0\) = /.test((await page.getByTestId('map-probe').textContent()) ?? ''), 'another map under the pointer says its own number');
  await close();
});
