import { assert, expect, frames, openSettings, test } from './fixtures';

/**
 * Words in Latin letters a Korean page may show: names of networks, libraries, formats and
 * people, type names (float32), the product's own name, math symbols and key names, the language switch, and the
 * original term in parentheses after its Korean one (깊이별(depthwise)), as Korean texts write it.
 */
const ALLOWED = new Set([
  'AlexNet', 'GoogLeNet', 'ResNet', 'PyTorch', 'NumPy', 'ReLU', 'PCA', 'Cin', 'Cout', 'CSV', 'PNG', 'JPEG', 'npy', 'np.save',
  'CC', 'GPU', 'English', 'Stefan', 'van', 'der', 'Walt', 'Coates', 'Ng', 'scikit', 'image', 'pointwise', 'Home', 'End', 'Shift',
  'Page', 'Down', 'Up', 'Space', 'Esc', 'wi', 'xi', 'Conv', 'conv', 'fc', 'ms', 'WebP', 'dtype', 'MobileNet', 'Inception', 'NASA', 'SpaceX',
  'depthwise', 'NHWC', 'float', 'FLOPs', 'GFLOPs', 'GMACs', 'Network', 'in', 'Lin', 'Chen', 'Yan', 'Long', 'Shelhamer', 'Darrell', 'Rachel', 'Michetti', 'Pikolo', 'Espresso', 'Bar', 'Mikael', 'Häggström', 'Wikimedia', 'Commons', 'Sobel', 'kernel',
]);

/**
 * Forms the Korean review (issue #26) found on screen, as the page puts strings and numbers
 * together: counts without their thousands separator, shapes with one, a unit symbol stuck to
 * its number, a post named twice, a step name's brackets doubled by its key's.
 */
const SLIPS: [RegExp, string][] = [
  [/(?<![\d,.×])\d{4,}개/g, 'a count takes separators: 1,024개'],
  [/×\d{1,3},\d{3}/g, 'a shape takes none: 56×56×1024'],
  [/\d(ms|px|MB|KB)\b/g, 'a space before a unit symbol'],
  [/글 \d+\S* 글/g, 'the post named twice'],
  [/[가-힣]\) \((Home|End|←|→|↑|↓|Shift)/g, 'doubled brackets'],
  [/여맵|이미맵/g, 'a replacement slip'],
];

const VIEWS = ['walkthrough&scene=1', 'walkthrough&scene=2', 'walkthrough&scene=3', 'walkthrough&scene=4', 'walkthrough&scene=5', 'explorer',
  'bottleneck', 'nonlinearity', 'whatwhere', 'reduction', 'dense', 'family', 'basics', 'params'];

test('korean: every page in Korean shows no English word outside the names, symbols and units it must (issue #15 §6)', async ({ baseUrl, newPage }) => {
  const { page, close } = await newPage();
  const found: string[] = [], slips: string[] = [];
  for (const view of VIEWS) {
    await page.goto(`${baseUrl}?lang=ko#v=1&view=${view}`);
    await page.waitForLoadState('networkidle');
    if (view === 'explorer' || view.startsWith('walkthrough')) await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
    if (view === 'explorer') {
      await openSettings(page);
      await page.getByRole('button', { name: /내 데이터/ }).click();
    }
    await page.waitForLoadState('networkidle');
    await frames(page, 5);
    const text = await page.evaluate(() => `${document.body.innerText} ${[...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')).join(' ')}`);
    for (const word of new Set(text.match(/[A-Za-z][A-Za-z.]+/g) ?? [])) if (!ALLOWED.has(word)) found.push(`${view}: ${word}`);
    const titles = await page.evaluate(() => [...document.querySelectorAll('[title]')].map((e) => e.getAttribute('title')).join(' | '));
    for (const [re, why] of SLIPS) for (const m of `${text} ${titles}`.match(re) ?? []) slips.push(`${view}: “${m}” (${why})`);
  }
  assert(found.length === 0, `English on Korean pages: ${found.join(', ')}`);
  assert(slips.length === 0, `Korean slips on screen: ${slips.join(', ')}`);
  await close();
});

test('korean: the embed snippet’s frame title is in the language the frame shows, and “Copy code” answers with the code (issue #26)', async ({ baseUrl, newPage }) => {
  const { page, context, close } = await newPage({ width: 1280, height: 800 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${baseUrl}#v=1&view=walkthrough&scene=2`);
  await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this view' });
  await dialog.getByLabel('Language').selectOption('ko');
  await expect(dialog.getByRole('textbox')).toHaveValue(/title="pointwise: 1×1 합성곱 인터랙티브 시각화"/);
  await dialog.getByRole('button', { name: 'Copy code' }).click();
  await dialog.getByRole('status').filter({ hasText: 'Code copied' }).waitFor();
  await page.keyboard.press('Escape');
  // And the other way: a Korean page embedding an English frame.
  await page.goto(`${baseUrl}?lang=ko#v=1&view=walkthrough&scene=2`);
  await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: '퍼가기' }).click();
  const ko = page.getByRole('dialog', { name: '이 화면 퍼가기' });
  await ko.getByLabel('언어').selectOption('en');
  await expect(ko.getByRole('textbox')).toHaveValue(/title="pointwise: an interactive 1×1 convolution"/);
  await ko.getByRole('button', { name: '코드 복사' }).click();
  await ko.getByRole('status').filter({ hasText: '코드를 복사했습니다' }).waitFor();
  await close();
});
