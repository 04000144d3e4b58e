import { generateLayerData, pointwiseConv } from '../../src/engine';
import { formatValue } from '../../src/lib/format';
import { assert, test } from './harness';

const SHAPE = { height: 8, width: 8, inChannels: 16, outChannels: 12 };
const HASH = '#v=1&view=walkthrough&h=8&w=8&cin=16&cout=12&seed=3&bias=1&img=noise&scene=3&r=2&c=5&k=7';
const expected = () => {
  const d = generateLayerData(SHAPE, 3);
  return formatValue(pointwiseConv(d.input, { weights: d.weights, bias: d.bias, relu: false }).data[(2 * 8 + 5) * 12 + 7]!);
};

for (const [name, fulfil] of [
  ['the worker script is missing (404)', { status: 404, body: 'not found' }],
  ['the worker script does not parse', { status: 200, contentType: 'text/javascript', body: 'export const = ;' }],
  ['the worker script’s request is aborted', 'abort'],
] as const) {
  test(`faults: ${name} — the engine moves to the main thread, says so, and the first layer finishes with the right numbers`, async ({ baseUrl, newPage }) => {
    const { page, consoleErrors, close } = await newPage();
    await page.route('**/assets/engine.worker*', (route) => (fulfil === 'abort' ? route.abort('failed') : route.fulfill(fulfil)));
    await page.goto(`${baseUrl}${HASH}`);
    await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
    const notice = (await page.getByTestId('fallback-notice').textContent()) ?? '';
    assert(notice.includes('main thread instead'), `notice: ${notice}`);
    assert((await page.locator('[data-status]').textContent())?.includes('on the main thread'), 'status names the main thread');
    const shown = await page.getByTestId('output-value').textContent();
    assert(shown === `output (2, 5, 7) = ${expected()}`, `shown ${shown}`);
    // A later change computes too.
    await page.getByLabel('ReLU').check();
    await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
    // The browser logs the failed worker load itself; nothing else may be an error.
    const unexpected = consoleErrors.filter((e) => !/engine\.worker|Failed to load|404|SyntaxError|Unexpected token|ERR_FAILED/i.test(e));
    assert(unexpected.length === 0, `console errors: ${unexpected.join(' | ')}`);
    await close();
  });
}
