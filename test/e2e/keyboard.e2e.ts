import { assert, test } from './fixtures';

test('keyboard only: Tab reaches every control of the walkthrough with a visible focus ring, never gets stuck, and the story runs by keys', async ({ baseUrl, newPage }) => {
  const { page, consoleErrors, close } = await newPage({ width: 1280, height: 900 });
  await page.goto(`${baseUrl}#view=walkthrough&scene=1`);
  await page.locator('.walkthrough .viz').waitFor({ timeout: 30_000 });
  const seen: string[] = [];
  let wrapped = false;
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
      // A checkbox or radio inside its label is clicked through the whole label.
      const target = el.closest('label') ?? el;
      const r = target.getBoundingClientRect();
      return { id: `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}:${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 24) ?? ''}`, ring, w: r.width, h: r.height };
    });
    if (!f) continue;
    if (seen.length > 3 && f.id === seen[0]) { wrapped = true; break; }
    assert(f.ring, `focus on ${f.id} has no visible ring`);
    assert(f.w >= 24 || f.h >= 24, `focus target ${f.id} is smaller than 24 px (${f.w}×${f.h})`);
    seen.push(f.id);
  }
  assert(wrapped, `Tab should cycle through the page and come back (saw ${seen.length} stops, last ${seen.at(-1)})`);
  assert(seen.some((s) => s.includes('Walkthrough visualization')), `the visualization is reachable by Tab (stops: ${seen.join(' → ')})`);
  // Drive the story by keys alone: focus the visualization, next scene, step channels.
  await page.locator('.walkthrough .viz').focus();
  await page.keyboard.press('PageDown');
  await page.locator('[data-testid="channel-readout"], .dot-product').first().waitFor({ timeout: 10_000 }).catch(() => {});
  const before = await page.locator('main').textContent();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const after = await page.locator('main').textContent();
  assert(before !== after, 'arrow keys change what the walkthrough shows');
  assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join(' | ')}`);
  await close();
});
