import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { assert, openSettings, test } from './fixtures';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** What each page must show before it is scanned (computed results included). */
const READY: Record<string, string> = {
  walkthrough: '.walkthrough .viz', 'walkthrough&scene=2': '.walkthrough .viz', 'walkthrough&scene=3': '.walkthrough .viz',
  'walkthrough&scene=4': '.walkthrough .viz', 'walkthrough&scene=5': '[data-testid="combine-readout"]', explorer: '[data-status="done"]', bottleneck: '[data-testid="bottleneck-headline"]',
  nonlinearity: '[data-testid="nl-squeezed"]', whatwhere: '[data-testid="ww-max-3"]', reduction: '[data-testid="red-headline"]', dense: '[data-testid="dense-fc"]',
  family: '.family-detail .map-row', basics: '[data-testid="conv-window"]', params: '[data-testid="alexnet-table"]',
  // The Train page with two strokes of each class, trained (its layer, filters and export shown).
  'train&ts=01Ubec.11FFFU.01fcob.11KjKy': '[data-testid="filter-stacks"]',
};

interface Violation { id: string; impact: string; help: string; nodes: { target: string[] }[] }

async function scan(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Violation[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) }));
  });
}

const SCENES = ['walkthrough', 'walkthrough&scene=2', 'walkthrough&scene=3', 'walkthrough&scene=4', 'walkthrough&scene=5'];

const CASES: { name: string; query: string; views: string[]; width?: number }[] = [
  { name: 'English, light', query: '?lang=en&theme=light', views: Object.keys(READY) },
  { name: 'Korean, dark', query: '?lang=ko&theme=dark', views: Object.keys(READY) },
  { name: 'English, dark', query: '?lang=en&theme=dark', views: ['walkthrough', 'walkthrough&scene=2', 'explorer', 'reduction', 'basics', 'params'] },
  { name: 'Korean, light', query: '?lang=ko&theme=light', views: ['walkthrough&scene=2', 'walkthrough&scene=4', 'family', 'bottleneck'] },
  { name: 'embed', query: '?embed=1&lang=ko', views: ['walkthrough', 'reduction'] },
  { name: 'lecture mode', query: '?present=1&theme=dark', views: ['walkthrough', 'family'] },
  // A phone: the step bar folds (its speed menu's label hidden from sight, not from readers).
  { name: 'English, phone 375 px', query: '?lang=en', views: SCENES, width: 375 },
  { name: 'Korean, phone 375 px', query: '?lang=ko', views: SCENES, width: 375 },
];

for (const c of CASES) {
  test(`a11y: axe finds no WCAG 2.2 AA violation (${c.name}: ${c.views.length} views)`, async ({ baseUrl, newPage }) => {
    const { page, close } = await newPage(c.width ? { width: c.width, height: 812 } : { width: 1280, height: 900 });
    const found: string[] = [];
    for (const view of c.views) {
      await page.goto(`${baseUrl}${c.query}#view=${view}`);
      await page.reload();
      await page.locator(READY[view]!).first().waitFor({ timeout: 60_000 });
      if (view === 'explorer') {
        await openSettings(page);
        await page.getByRole('button', { name: /Your own data|내 데이터/ }).click().then(() => page.locator('.data-loader').waitFor());
      }
      for (const v of await scan(page)) found.push(`${view}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    }
    assert(found.length === 0, `axe violations:\n        ${found.join('\n        ')}`);
    await close();
  });
}

/** Predictions (#29) as the student meets them, unanswered and then judged (right, wrong, shown). */
const QUIZ_CASES = [
  { name: 'English, light', query: '?lang=en&theme=light' },
  { name: 'Korean, dark', query: '?lang=ko&theme=dark' },
  { name: 'embed', query: '?embed=1&lang=ko' },
  { name: 'lecture mode', query: '?present=1&theme=dark' },
];
for (const c of QUIZ_CASES) {
  test(`a11y: axe finds nothing in predictions before and after answering (${c.name})`, async ({ baseUrl, newPage }) => {
    const { page, close } = await newPage({ width: 1280, height: 900, quiz: 'ask' });
    const found: string[] = [];
    const check = async (where: string) => {
      for (const v of await scan(page)) found.push(`${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    };
    for (const view of ['walkthrough&scene=0', 'walkthrough&scene=2', 'bottleneck']) {
      await page.goto(`${baseUrl}${c.query}#view=${view}`);
      await page.reload();
      const first = page.locator('.predict-q').first();
      await first.waitFor({ timeout: 60_000 });
      await check(`${view}, unanswered`);
      // The first question shown, the second answered (a choice, or a number typed).
      await first.locator('.predict-actions button').last().click();
      const second = page.locator('.predict-q[data-state="open"]').first();
      const radio = second.locator('input[type="radio"]');
      if (await radio.count()) await radio.first().check();
      else await second.getByRole('textbox').fill('1000');
      await second.locator('button[type="submit"], .predict-actions button').first().click();
      await page.locator('.predict-q[data-state="open"]').count();
      await check(`${view}, answered`);
    }
    assert(found.length === 0, `axe violations:\n        ${found.join('\n        ')}`);
    await close();
  });
}
