/**
 * Every step in view on every screen (issue #26): on a phone each scene's changing picture,
 * its numbers and its step button share the screen after a step; the compact embed keeps its
 * controls by the picture; lecture mode is a slide a clicker drives through the whole talk.
 */
import type { Page } from '@playwright/test';
import { PALETTE_NAMES } from '../../src/lib/palettes';
import { assert, frames, hostPage, SHOTS, test } from './fixtures';

const PHONE = { width: 375, height: 812 };

/** The box of each match of `sel` that is shown (display: contents and hidden parts have none). */
async function boxes(page: Page, sel: string) {
  return page.locator(sel).evaluateAll((els) => els.map((e) => {
    const r = e.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height, width: r.width };
  }).filter((r) => r.height > 0));
}

/** Fails unless every `sels` part is shown between the top of the window and the step bar. */
async function assertInView(page: Page, what: string, sels: readonly string[]): Promise<string> {
  const bar = (await boxes(page, '.step-bar'))[0];
  assert(bar, `${what}: no step bar`);
  const vh = page.viewportSize()!.height;
  assert(bar.top >= 0 && bar.bottom <= vh + 1, `${what}: the step bar at y ${Math.round(bar.top)}–${Math.round(bar.bottom)} is off screen`);
  const seen: string[] = [];
  for (const sel of sels) {
    const found = await boxes(page, sel);
    assert(found.length > 0, `${what}: ${sel} is not shown`);
    for (const b of found) {
      assert(b.top >= -1 && b.bottom <= bar.top + 1 && b.left >= -1 && b.right <= page.viewportSize()!.width + 1,
        `${what}: ${sel} at y ${Math.round(b.top)}–${Math.round(b.bottom)} is not between the top and the step bar (y ${Math.round(bar.top)})`);
    }
    seen.push(`${sel.replace(/\[data-testid="([^"]+)"\]/, '$1')} ${Math.round(found[0]!.top)}`);
  }
  return seen.join(', ');
}

/** What a step changes in each scene: the picture and its numbers. */
const CHANGED: Record<number, readonly string[]> = {
  1: ['.weight-matrix .heatmap-highlight', '.filter-pick input', '.filter-stack h3'],
  2: ['[data-testid="partial-sum"]', '.card.current', '.card.current .heatmap-highlight', '.card.current .card-name'],
  3: ['[data-testid="output-value"]', '.filling', '.filling .heatmap-highlight'],
  4: ['[data-testid="output-value"]', '.enlarged .heatmap', '.enlarged .heatmap-highlight'],
  5: ['[data-testid="combine-readout"]', '[data-testid="combine-term"]', '.combine-term canvas', '.combine-side .running-sum'],
};
/** Scene 2 after End: the sum, and the pixel's outputs it produced. */
const AFTER_END = ['[data-testid="partial-sum"]', '.all-filters h3', '.all-filters .bars', '.all-filters .top-table'];

const stepButton = (page: Page, key: string) => page.locator(`.step-bar .step-main button[aria-label$="(${key})"]`);

for (const lang of ['en', 'ko'] as const) {
  test(`screens: at 375×812 (${lang}), after › in every scene (and End in scene 2) the changing picture, its numbers and the step bar share the screen`, async ({ baseUrl, newPage }) => {
    const { page, consoleErrors, close } = await newPage(PHONE);
    const figures: string[] = [];
    for (const scene of [1, 2, 3, 4, 5]) {
      await page.goto(`${baseUrl}?lang=${lang}#v=1&view=walkthrough&scene=${scene}`);
      await page.locator('[data-status="done"]').waitFor({ state: 'attached', timeout: 60_000 });
      await page.locator(CHANGED[scene]![0]!).first().waitFor();
      await page.waitForLoadState('networkidle');
      const next = stepButton(page, '→');
      await next.click();
      await frames(page, 3);
      const nb = (await next.boundingBox())!;
      assert(nb.y >= 0 && nb.y + nb.height <= PHONE.height, `scene ${scene}: › is off screen`);
      figures.push(`scene ${scene}: ${await assertInView(page, `scene ${scene} after ›`, CHANGED[scene]!)}`);
      await page.screenshot({ path: `${SHOTS}/screens-${lang}-${scene}-375.png` });
      if (scene === 2) {
        await stepButton(page, 'End').click();
        await page.locator('.all-filters .top-table').waitFor();
        await frames(page, 3);
        figures.push(`scene 2 after End: ${await assertInView(page, 'scene 2 after End', AFTER_END)}`);
        await page.screenshot({ path: `${SHOTS}/screens-${lang}-2-end-375.png` });
      }
    }
    console.log(`      ${lang}: ${figures.join('; ')}`);
    assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join(' | ')}`);
    await close();
  });
}

test('screens: on a phone every step button and Play is at least 44×44 px, and scene 1 picks a filter by its number', async ({ baseUrl, newPage }) => {
  const { page, close } = await newPage(PHONE);
  for (const scene of [1, 2, 5]) {
    await page.goto(`${baseUrl}#v=1&view=walkthrough&scene=${scene}`);
    await page.locator('[data-status="done"]').waitFor({ state: 'attached', timeout: 60_000 });
    const small = (await boxes(page, '.step-bar button')).filter((b) => b.width < 44 || b.height < 44);
    assert(small.length === 0, `scene ${scene}: ${small.length} step buttons under 44×44 px (${small.map((b) => `${Math.round(b.width)}×${Math.round(b.height)}`).join(', ')})`);
  }
  await page.goto(`${baseUrl}#v=1&view=walkthrough&scene=1`);
  await page.locator('[data-status="done"]').waitFor({ state: 'attached', timeout: 60_000 });
  const field = page.getByLabel('Filter k', { exact: true });
  const fb = (await field.boundingBox())!;
  assert(fb.height >= 44 && fb.width >= 44, `the filter number field is ${fb.width}×${fb.height} px`);
  await field.fill('700');
  await page.getByTestId('step-at').filter({ hasText: 'k = 700 / 1023' }).waitFor();
  assert((await page.locator('.filter-stack h3').textContent())?.startsWith('Filter 700'), 'the number picks filter 700');
  const caption = (await page.locator('.scene-filters .caption').first().textContent()) ?? '';
  assert(/by its number/.test(caption), `the caption names the way a phone picks a filter: ${caption}`);
  await close();
});

for (const width of [375, 343]) {
  test(`screens: the compact embed in a ${width} px frame keeps the step bar by the picture; a tap on › changes what is beside it`, async ({ baseUrl, newPage }) => {
    // As the embed dialog writes it by default: compact, questions off (with them on, the
    // questions come 1.5 s after the figure, below it, and the page is as tall as they are).
    const src = `${baseUrl}?embed=1&controls=min&quiz=0&id=fig#v=1&view=walkthrough&scene=2`;
    const host = await hostPage(`<!doctype html><meta charset="utf-8"><title>blog</title><style>body{margin:0 16px}</style>
<script>addEventListener('message', (e) => { if (e.data && e.data.type === 'pointwise:resize') document.getElementById('fig').style.height = e.data.height + 'px'; });</script>
<h1>A post</h1><iframe id="fig" src="${src}" style="width:${width}px;height:640px;border:0"></iframe><p>after</p>`);
    const { page, close } = await newPage({ width: width + 32, height: 812 });
    await page.goto(host.url);
    const frame = page.frameLocator('#fig');
    await frame.locator('[data-status="done"]').waitFor({ state: 'attached', timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    await frames(page, 5);
    const height = await frame.locator('html').evaluate((h) => h.getBoundingClientRect().height);
    if (width === 375) assert(height <= 1.1 * 812, `the compact embed is ${Math.round(height)} px tall at 375 px (≤ ${Math.round(1.1 * 812)})`);
    // The reader scrolls the step bar into view and taps ›: the sum and the channel maps it
    // changes are on the same screen as the bar.
    const next = frame.locator('.step-bar .step-main button[aria-label$="(→)"]');
    await next.scrollIntoViewIfNeeded();
    const before = await frame.getByTestId('partial-sum').textContent();
    await next.click();
    await frames(page, 3);
    assert((await frame.getByTestId('partial-sum').textContent()) !== before, 'a tap on › changed the sum');
    const spans: string[] = [];
    for (const sel of ['.step-bar', '[data-testid="partial-sum"]', '.card.current']) {
      const b = (await frame.locator(sel).first().boundingBox())!;
      spans.push(`${sel} ${Math.round(b.y)}–${Math.round(b.y + b.height)}`);
      assert(b.y >= -1 && b.y + b.height <= 812 + 1, `${width} px frame: ${sel} at y ${Math.round(b.y)}–${Math.round(b.y + b.height)} is off the reader's screen after the tap`);
    }
    console.log(`      ${width} px frame: page ${Math.round(height)} px; ${spans.join(', ')}`);
    await page.screenshot({ path: `${SHOTS}/screens-embed-${width}.png` });
    await close();
    host.close();
  });
}

for (const viewport of [{ width: 1024, height: 768 }, { width: 1280, height: 800 }]) {
  test(`screens: lecture mode at ${viewport.width}×${viewport.height} — every scene and its step bar fit the slide, nothing clipped or under 16 px`, async ({ baseUrl, newPage }) => {
    const { page, close } = await newPage(viewport);
    const figures: string[] = [];
    for (const scene of [1, 2, 3, 4, 5]) {
      await page.goto(`${baseUrl}?present=1#v=1&view=walkthrough&scene=${scene}`);
      await page.locator('[data-status="done"]').waitFor({ state: 'attached', timeout: 60_000 });
      await page.locator(CHANGED[scene]![0]!).first().waitFor();
      await page.waitForLoadState('networkidle');
      for (const moment of ['start', 'after a step'] as const) {
        if (moment === 'after a step') await page.keyboard.press('ArrowRight');
        await frames(page, 5);
        const m = await page.evaluate(() => {
          const scene = document.querySelector('.viz .scene')!;
          const s = scene.getBoundingClientRect();
          const bar = document.querySelector('.step-bar')!.getBoundingClientRect();
          // The smallest text shown in the visualization.
          let smallest = Infinity, where = '';
          const walker = document.createTreeWalker(document.querySelector('.viz')!, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const el = n.parentElement!;
            if (!n.textContent?.trim() || el.closest('.sr-only, option') || !el.getClientRects().length) continue;
            const r = el.getBoundingClientRect();
            if (r.bottom <= s.top - 400 || getComputedStyle(el).visibility === 'hidden') continue;
            const size = parseFloat(getComputedStyle(el).fontSize);
            if (size < smallest) { smallest = size; where = `${el.className || el.tagName} “${n.textContent.trim().slice(0, 20)}”`; }
          }
          const chart = [...document.querySelectorAll('.running-sum')].map((svg) => svg.getBoundingClientRect().right - svg.parentElement!.getBoundingClientRect().right);
          return {
            sceneBottom: s.bottom, barTop: bar.top, barBottom: bar.bottom, scroll: document.documentElement.scrollHeight - innerHeight,
            clipped: scene.scrollHeight - scene.clientHeight, smallest, where, chartOver: Math.max(0, ...chart),
          };
        });
        const name = `scene ${scene} (${moment})`;
        assert(m.scroll <= 0, `${name}: the slide scrolls by ${m.scroll} px`);
        assert(m.sceneBottom <= m.barTop + 1, `${name}: the step bar (top ${Math.round(m.barTop)}) covers the scene (bottom ${Math.round(m.sceneBottom)})`);
        assert(m.barBottom <= viewport.height + 1, `${name}: the step bar ends at ${Math.round(m.barBottom)}`);
        assert(m.clipped <= 1, `${name}: ${m.clipped} px of the scene are cut off`);
        assert(m.chartOver <= 1, `${name}: the running-sum chart sticks out of its box by ${m.chartOver} px`);
        if (viewport.width === 1024) assert(m.smallest >= 16, `${name}: text of ${m.smallest} px in the visualization (${m.where})`);
        if (moment === 'start') figures.push(`${scene}: bar ${Math.round(m.barTop)}–${Math.round(m.barBottom)}, smallest text ${m.smallest} px`);
      }
      await page.screenshot({ path: `${SHOTS}/screens-present-${scene}-${viewport.width}.png` });
    }
    console.log(`      ${viewport.width}×${viewport.height}: ${figures.join('; ')}`);
    await close();
  });
}

/** Words of the scene tabs that the layout broke across two lines ("Filter/s" at 1024 px in lecture mode). */
const brokenTabWords = (page: Page) => page.evaluate(() => {
  const broken: string[] = [];
  for (const el of document.querySelectorAll('.scenes .scene-name')) {
    const text = el.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) continue;
    for (const m of (text.textContent ?? '').matchAll(/\S+/g)) {
      const range = document.createRange();
      range.setStart(text, m.index);
      range.setEnd(text, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (lines.size > 1) broken.push(m[0]);
    }
  }
  return broken;
});

for (const [viewport, query] of [[{ width: 1024, height: 768 }, '?present=1'], [{ width: 1024, height: 768 }, '?present=1&lang=ko'], [{ width: 375, height: 812 }, '?lang=ko'], [{ width: 375, height: 812 }, '']] as const) {
  test(`screens: the scene tabs break between words only (${viewport.width} px${query ? `, ${query}` : ''})`, async ({ baseUrl, newPage }) => {
    const { page, close } = await newPage(viewport);
    await page.goto(`${baseUrl}${query}#v=1&view=walkthrough&scene=1`);
    await page.locator('.scenes .scene-name').first().waitFor();
    await frames(page, 3);
    const broken = await brokenTabWords(page);
    assert(broken.length === 0, `scene tab words broken across lines: ${broken.join(', ')}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert(overflow <= 0, `the page is ${overflow} px wider than the window`);
    await close();
  });
}

test('screens: a clicker (Page Down / Page Up, →, Space) drives the whole talk in order and never loses a build-up', async ({ baseUrl, newPage }) => {
  const { page, consoleErrors, close } = await newPage({ width: 1280, height: 800 });
  await page.goto(`${baseUrl}?present=1#v=1&view=walkthrough&scene=1`);
  await page.locator('[data-status="done"]').waitFor({ state: 'attached', timeout: 60_000 });
  const where = () => page.evaluate(() => {
    const h = new URLSearchParams(location.hash.slice(1));
    return h.get('view') === 'walkthrough' ? `scene ${document.querySelector('.viz')?.getAttribute('data-scene')}` : h.get('view');
  });
  const waitFor = async (want: string) => {
    for (let i = 0; i < 50 && (await where()) !== want; i++) await page.waitForTimeout(100);
    assert((await where()) === want, `expected ${want}, at ${await where()}`);
  };
  await page.keyboard.press('PageDown');
  await waitFor('scene 2');
  await page.getByTestId('partial-sum').waitFor();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  assert((await page.getByTestId('partial-sum').textContent())?.startsWith('Sum of channels 0…2'), '→ and Space step on in scene 2');
  await page.keyboard.press('End');
  await page.keyboard.press('PageDown');
  await waitFor('scene 3');
  await page.keyboard.press('PageUp');
  await waitFor('scene 2');
  assert((await page.getByTestId('partial-sum').textContent())?.includes('output (0, 0, 0)'), 'back in scene 2, its whole sum is still there');
  // At the last channel → goes on to the next stop.
  await page.keyboard.press('ArrowRight');
  await waitFor('scene 3');
  await page.keyboard.press('PageDown');
  await waitFor('scene 4');
  await page.keyboard.press('PageDown');
  await waitFor('scene 5');
  const readout = page.getByTestId('combine-readout');
  await readout.waitFor();
  for (let i = 0; i < 4; i++) await page.keyboard.press(i % 2 ? 'Space' : 'ArrowRight');
  assert((await readout.textContent())?.startsWith('After 5 of 512'), `four steps add four terms: ${await readout.textContent()}`);
  // The current scene's tab, clicked again, keeps the build-up.
  await page.locator('.scenes [aria-current="step"]').click();
  assert((await readout.textContent())?.startsWith('After 5 of 512'), `clicking the current scene's tab reset the build-up: ${await readout.textContent()}`);
  await page.keyboard.press('End');
  assert((await readout.textContent())?.startsWith('After 512 of 512'), 'End adds every term');
  const order = ['bottleneck', 'nonlinearity', 'whatwhere', 'reduction', 'dense', 'family', 'basics', 'params', 'train'];
  await page.keyboard.press('PageDown');
  await waitFor(order[0]!);
  await page.keyboard.press('PageUp');
  await waitFor('scene 5');
  assert((await page.getByTestId('combine-readout').textContent())?.startsWith('After 512 of 512'), 'back in scene 5 the build-up is whole');
  await page.keyboard.press('PageDown');
  await waitFor(order[0]!);
  for (const [i, view] of order.slice(1).entries()) {
    await page.locator('main').first().waitFor();
    await page.keyboard.press(['PageDown', 'ArrowRight', 'Space'][i % 3]!);
    await waitFor(view);
  }
  await page.keyboard.press('PageDown');
  await waitFor('train');
  console.log(`      talk: scenes 1–5, then ${order.join(', ')}`);
  assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join(' | ')}`);
  await close();
});

/**
 * In the page: for every marker matching `sel`, the worst (over the map cells around it) of the
 * better of its two ring colours' contrast with the cell (WCAG relative luminance).
 */
const MARKER_CONTRAST = `(sel) => {
  const parse = (c) => (c.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
  return [...document.querySelectorAll(sel)].map((m) => {
    const s = getComputedStyle(m);
    const strip = m.classList.contains('strip-marker');
    const rings = [parse(strip ? s.backgroundColor : s.outlineColor), parse(s.boxShadow)];
    const canvas = m.parentElement.querySelector('canvas');
    const ctx = canvas.getContext('2d');
    const box = canvas.getBoundingClientRect(), mb = m.getBoundingClientRect();
    // The marked cell at data resolution, and the cells around it (what the rings lie on).
    const col = Math.floor(((mb.left + mb.width / 2 - box.left) / box.width) * canvas.width);
    const row = Math.floor(((mb.top + mb.height / 2 - box.top) / box.height) * canvas.height);
    let worst = Infinity;
    for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) {
      const r = row + dr, c = col + dc;
      if ((dr === 0 && dc === 0) || r < 0 || c < 0 || r >= canvas.height || c >= canvas.width) continue;
      const px = [...ctx.getImageData(c, r, 1, 1).data];
      if (px[3] < 128) continue;
      worst = Math.min(worst, Math.max(...rings.map((ring) => ratio(ring, px))));
    }
    return worst;
  });
}`;

test('screens: in the dark theme, in every palette, the pixel and channel markers keep 3:1 against the map cells under them (WCAG 1.4.11)', async ({ baseUrl, newPage }) => {
  const { page, close } = await newPage({ width: 1280, height: 800 });
  const found: string[] = [];
  for (const cmap of PALETTE_NAMES) {
    for (const [scene, sel] of [[2, '.channel-cards .heatmap-highlight'], [2, '.dot-product .strip-marker'], [4, '.enlarged .heatmap-highlight']] as const) {
      await page.goto(`${baseUrl}?theme=dark#v=1&view=walkthrough&scene=${scene}&r=3&c=4&ch=40&cmap=${cmap}`);
      await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
      await page.locator(sel).first().waitFor();
      await frames(page, 4);
      const worst = await page.evaluate(`(${MARKER_CONTRAST})(${JSON.stringify(sel)})`) as number[];
      assert(worst.length > 0, `${cmap}, scene ${scene}: no ${sel}`);
      const min = Math.min(...worst);
      found.push(`${cmap} ${sel.split(' ')[0]} ${min.toFixed(1)}`);
      assert(min >= 3, `${cmap}, scene ${scene}: a ${sel} has ${min.toFixed(2)}:1 against a cell under it`);
    }
  }
  console.log(`      worst marker contrast: ${found.join(', ')}`);
  await page.screenshot({ path: `${SHOTS}/screens-dark-markers.png` });
  await close();
});
