import { dotProductTrace, generateLayerData } from '../../src/engine';
import { formatInt } from '../../src/lib/format';
import type { Page } from 'playwright-core';
import { assert, SHOTS, test } from './fixtures';

/**
 * Predict, then reveal (#29): answers are judged against the engine's numbers, the reveal waits
 * for a prediction (or "Just show me"), answers survive a reload and work without storage,
 * lecture mode reveals with R, and quiz=0 hides the questions.
 */
const HEADLINE = { height: 56, width: 56, inChannels: 512, outChannels: 1024 };
const WORDS = {
  en: { right: 'Right', wrong: 'Not quite', answer: 'Answer', above: 'Above the bias', below: 'Below the bias', channel: (i: number) => `channel ${i}:` },
  ko: { right: '정답 (', wrong: '아쉽네요', answer: '정답:', above: '편향보다 위', below: '편향보다 아래', channel: (i: number) => `채널 ${i}:` },
} as const;

const question = (page: Page, id: string) => page.locator(`.predict-q[data-question="${id}"]`);
async function verdict(page: Page, id: string): Promise<string> {
  const v = question(page, id).locator('.predict-verdict');
  await v.filter({ hasText: /\S/ }).waitFor();
  return (await v.textContent()) ?? '';
}

for (const lang of ['en', 'ko'] as const) {
  const w = WORDS[lang];
  test(`predict (${lang}): scene 2, one right and one wrong answer, judged against the engine; the reveal waits`, async ({ baseUrl, newPage }) => {
    const { page, consoleErrors, close } = await newPage({ quiz: 'ask' });
    await page.goto(`${baseUrl}?lang=${lang}#v=1&img=noise&bias=0&scene=2&k=3`);
    await question(page, 'sign').waitFor({ timeout: 60_000 });
    const d = generateLayerData(HEADLINE, 1);
    const tr = dotProductTrace(d.input, { weights: d.weights, relu: false }, 0, 0, 3);
    const sum = tr.partialSums[511]!;
    // The right side of the bias, from the engine.
    await question(page, 'sign').getByLabel(sum > 0 ? w.above : w.below).check();
    await question(page, 'sign').getByRole('button', { name: lang === 'en' ? 'Check' : '확인' }).click();
    const first = await verdict(page, 'sign');
    assert(first.startsWith(w.right), `a right answer is judged right: ${first}`);
    assert(await page.locator('.predict-held').count() === 1, 'the reveal still waits for the second prediction');
    // A wrong term on purpose: any channel but the largest |w·x|.
    let top = 0;
    for (let i = 1; i < 512; i++) if (Math.abs(tr.products[i]!) > Math.abs(tr.products[top]!)) top = i;
    const options = await question(page, 'term').locator('label').allTextContents();
    const wrong = options.findIndex((o) => !o.toLowerCase().includes(w.channel(top)));
    assert(wrong >= 0, `an option other than channel ${top}: ${options.join(' | ')}`);
    await question(page, 'term').locator('input[type="radio"]').nth(wrong).check();
    await question(page, 'term').getByRole('button', { name: lang === 'en' ? 'Check' : '확인' }).click();
    const second = await verdict(page, 'term');
    assert(second.startsWith(w.wrong) && second.toLowerCase().includes(w.channel(top)), `a wrong answer is judged wrong and names channel ${top}: ${second}`);
    assert(await page.locator('.predict-held').count() === 0, 'both predictions made: the reveal is no longer held');
    const score = await page.getByTestId('predict-score').first().textContent();
    assert(score === (lang === 'en' ? '2 of 3 predicted, 1 right' : '3개 중 2개 예측, 1개 정답'), `score: ${score}`);
    // The checks after the reveal, and the answers kept across a reload.
    await page.locator('.predict-after .predict-q').first().waitFor();
    await page.reload();
    await question(page, 'sign').locator('.predict-verdict').filter({ hasText: /\S/ }).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: `${SHOTS}/predict-scene2-${lang}.png`, fullPage: true });
    assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join('; ')}`);
    await close();
  });

  test(`predict (${lang}): the bottleneck's weights, typed; exact and ±10 % judged`, async ({ baseUrl, newPage }) => {
    const { page, close } = await newPage({ quiz: 'ask' });
    await page.goto(`${baseUrl}?lang=${lang}#bottleneck`);
    await question(page, 'direct').waitFor({ timeout: 60_000 });
    assert(await page.getByTestId('bottleneck-headline').count() === 0, 'the table waits for the predictions');
    await question(page, 'direct').getByRole('textbox').fill('1,800');
    await question(page, 'direct').getByRole('textbox').press('Enter');
    const right = await verdict(page, 'direct');
    assert(right.startsWith(w.right) && right.includes('1,800'), `1,800 is right: ${right}`);
    await question(page, 'squeezed').getByRole('textbox').fill('500');
    await question(page, 'squeezed').getByRole('textbox').press('Enter');
    const wrong = await verdict(page, 'squeezed');
    assert(wrong.startsWith(w.wrong) && wrong.includes('950'), `500 is wrong, and 950 is named: ${wrong}`);
    await page.getByTestId('bottleneck-headline').waitFor();
    await close();
  });
}

for (const lang of ['en', 'ko'] as const) {
  const w = WORDS[lang];
  test(`predict (${lang}): scene 0 asks under the sentence, judged against the engine's count; on a phone the figure and the step bar stay where they are`, async ({ baseUrl, newPage }) => {
    const { page, consoleErrors, close } = await newPage({ quiz: 'ask', width: 375, height: 812 });
    const boxes = async () => {
      const box = async (sel: string) => (await page.locator(sel).first().boundingBox())!;
      return { stage: await box('.lf-stage'), sentence: await box('[data-testid="layer-sentence"]'), bar: await box('.step-bar') };
    };
    // Both measured once the layer is computed (while it computes, its status line stands above the figure).
    const done = () => page.locator('[data-status="done"]').waitFor({ state: 'attached', timeout: 60_000 });
    await page.goto(`${baseUrl}?quiz=0&lang=${lang}`);
    await done();
    await page.getByTestId('layer-sentence').waitFor();
    const without = await boxes();
    await page.goto(`${baseUrl}?lang=${lang}`);
    await done();
    await question(page, 'depends').waitFor({ timeout: 60_000 });
    const withQ = await boxes();
    for (const k of ['stage', 'sentence', 'bar'] as const) {
      assert(Math.abs(withQ[k].y - without[k].y) <= 1 && Math.abs(withQ[k].height - without[k].height) <= 1, `${k} moved: ${JSON.stringify(without[k])} → ${JSON.stringify(withQ[k])}`);
    }
    const q = question(page, 'depends');
    assert((await q.boundingBox())!.y > withQ.sentence.y + withQ.sentence.height - 1, 'the question comes below the sentence');
    // The engine's dot product at one output: its inputs, its weights, and the bias.
    const d = generateLayerData(HEADLINE, 1);
    const tr = dotProductTrace(d.input, { weights: d.weights, bias: d.bias, relu: false }, 0, 0, 0);
    const n = formatInt(tr.inputs.length + tr.weights.length + 1);
    const labels = await q.locator('label').allTextContents();
    const right = labels.findIndex((l) => l.replace(/^[A-D]/, '').trim() === n);
    assert(right >= 0, `${n} among the options: ${labels.join(' | ')}`);
    await q.locator('input[type="radio"]').nth(right).check();
    await q.getByRole('button', { name: lang === 'en' ? 'Check' : '확인' }).click();
    const v = await verdict(page, 'depends');
    assert(v.startsWith(w.right) && v.includes(n), `${n} is right: ${v}`);
    // The check after: a wrong count is judged wrong and the right one (every filter) named.
    const check = question(page, 'meets');
    const cout = formatInt(HEADLINE.outChannels);
    const options = await check.locator('label').allTextContents();
    const wrong = options.findIndex((l) => l.replace(/^[A-D]/, '').trim() !== cout);
    await check.locator('input[type="radio"]').nth(wrong).check();
    await check.getByRole('button', { name: lang === 'en' ? 'Check' : '확인' }).click();
    const v2 = await verdict(page, 'meets');
    assert(v2.startsWith(w.wrong) && v2.includes(cout), `a wrong count is judged wrong, ${cout} named: ${v2}`);
    assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join('; ')}`);
    await close();
  });
}

test('predict: lecture mode — the step bar’s Reveal button does what R does (scene 0, 1024×768), by mouse and by keyboard', async ({ baseUrl, newPage }) => {
  const { page, close } = await newPage({ quiz: 'ask', width: 1024, height: 768 });
  await page.goto(`${baseUrl}?present=1&lang=en`);
  await question(page, 'depends').waitFor({ timeout: 60_000 });
  assert(await page.locator('.predict[data-held]').count() === 1, 'the waiting question covers the slide');
  const reveal = page.locator('.step-bar').getByRole('button', { name: 'Reveal (R)' });
  await reveal.waitFor();
  assert(await reveal.getAttribute('aria-keyshortcuts') === 'R', 'the button names its key');
  await reveal.click();
  const v = await verdict(page, 'depends');
  assert(v.startsWith('Answer:') && v.includes(formatInt(2 * HEADLINE.inChannels + 1)), `the step bar's button reveals the prediction: ${v}`);
  assert(await question(page, 'depends').locator('.predict-verdict').evaluate((e) => {
    const r = e.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }), 'the verdict is on the slide');
  await page.screenshot({ path: `${SHOTS}/predict-present-1024-reveal.png` });
  // The focus stays on the button while a question is open: Enter reveals the check after.
  await page.keyboard.press('Enter');
  assert((await verdict(page, 'meets')).startsWith('Answer:'), 'Enter on the button reveals the check');
  assert(await reveal.count() === 0, 'nothing open: no Reveal button');
  await close();
});

test('predict: "Just show me" reveals without an answer; the verdict is announced in a live region', async ({ baseUrl, newPage }) => {
  const { page, close } = await newPage({ quiz: 'ask' });
  await page.goto(`${baseUrl}?lang=en#bottleneck`);
  for (const id of ['direct', 'squeezed']) {
    await question(page, id).getByRole('button', { name: 'Just show me' }).click();
    const v = question(page, id).locator('.predict-verdict');
    assert(await v.getAttribute('role') === 'status', 'the verdict is a live region');
  }
  assert((await verdict(page, 'direct')).startsWith('Answer: 1,800.'), 'the shown answer is the count');
  await page.getByTestId('bottleneck-headline').waitFor();
  assert((await page.getByTestId('predict-score').first().textContent()) === '0 of 3 predicted, 0 right', 'shown answers are not predictions');
  await close();
});

test('predict: works without storage (a sandboxed frame): answers are kept in memory', async ({ baseUrl, newPage }) => {
  const { page, context, consoleErrors, close } = await newPage({ quiz: 'ask' });
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
  });
  await page.goto(`${baseUrl}?lang=en#bottleneck`);
  await question(page, 'direct').getByRole('textbox').fill('1800');
  await question(page, 'direct').getByRole('button', { name: 'Check' }).click();
  assert((await verdict(page, 'direct')).startsWith('Right'), 'judged without storage');
  assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join('; ')}`);
  await close();
});

test('predict: lecture mode shows A–D large and R reveals the first open question', async ({ baseUrl, newPage }) => {
  const { page, close } = await newPage({ quiz: 'ask', width: 1280, height: 800 });
  await page.goto(`${baseUrl}?present=1&lang=en#v=1&view=walkthrough&scene=1`);
  await question(page, 'weights').waitFor({ timeout: 60_000 });
  assert(await question(page, 'weights').locator('.predict-letter').first().textContent() === 'A', 'options are lettered');
  assert(await question(page, 'weights').getByRole('button', { name: 'Reveal (R)' }).count() === 1, 'a Reveal button');
  await page.screenshot({ path: `${SHOTS}/predict-present-1280.png` });
  await page.keyboard.press('r');
  const v = await verdict(page, 'weights');
  assert(v.startsWith('Answer:') && v.includes(formatInt(512 * 1024)), `R reveals the first question: ${v}`);
  assert((await question(page, 'share').locator('.predict-verdict').textContent()) === '', 'only the first');
  await page.keyboard.press('r');
  assert((await verdict(page, 'share')).startsWith('Answer:'), 'R again reveals the next');
  // The question's own Reveal button does the same, for the check after the reveal.
  await question(page, 'space').getByRole('button', { name: 'Reveal (R)' }).click();
  assert((await verdict(page, 'space')).startsWith('Answer:'), 'the Reveal button reveals the check');
  await close();
});

test('predict: quiz=0 hides the questions and shows every reveal', async ({ baseUrl, newPage }) => {
  const { page, close } = await newPage({ quiz: 'ask' });
  await page.goto(`${baseUrl}?quiz=0&lang=en#bottleneck`);
  await page.getByTestId('bottleneck-headline').waitFor({ timeout: 60_000 });
  assert(await page.locator('.predict').count() === 0, 'no questions with quiz=0');
  await page.goto(`${baseUrl}?quiz=maybe&lang=en#bottleneck`);
  await page.reload();
  await page.locator('.url-notice').filter({ hasText: 'quiz' }).waitFor();
  await close();
});

test('predict: keyboard only — arrows choose, Tab reaches Check, Enter judges, the verdict takes the focus', async ({ baseUrl, newPage }) => {
  const { page, close } = await newPage({ quiz: 'ask' });
  await page.goto(`${baseUrl}?lang=en#v=1&view=walkthrough&scene=1`);
  const q = question(page, 'weights');
  await q.locator('input[type="radio"]').first().focus();
  await page.keyboard.press('ArrowDown');
  const picked = await q.locator('input[type="radio"]:checked').count();
  assert(picked === 1, 'an arrow key picks an option (and does not step the scene)');
  assert((await page.getByTestId('step-at').textContent())?.includes('k = 0'), 'the filter did not move');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await verdict(page, 'weights');
  assert(await page.evaluate(() => document.activeElement?.classList.contains('predict-verdict')), 'the verdict has the focus');
  await close();
});
