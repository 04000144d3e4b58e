import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { scaleByte } from '../../src/engine/onnx/preprocess';
import { mobilenetLike, ModelBuilder, resnetLike } from '../fixtures/onnxBuilder';
import { ortRun } from '../unit/engine/onnx/reference';
import { assert, openSettings, SHOTS, test } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'pointwise-onnx-'));
const SIZE = 64;
// A ResNet-like model whose input size is left open (as torch.onnx.export with dynamic axes writes it).
const model = resnetLike({ size: SIZE, width: 16, blocks: [2, 2], dynamic: true });
writeFileSync(join(dir, 'resnet-mini.onnx'), model.bytes);
writeFileSync(join(dir, 'broken.onnx'), Buffer.from('this is not a model'));
// A picture already at the input size, so the browser does not resample it.
const png = new PNG({ width: SIZE, height: SIZE });
for (let i = 0; i < SIZE * SIZE; i++) png.data.set([(i * 7) % 256, (i >> 6) * 4, (i % 64) * 4, 255], 4 * i);
writeFileSync(join(dir, 'picture.png'), PNG.sync.write(png));

type NodeProto = onnxProto.onnx.INodeProto;

const parse = (s: string) => Number(s.replace(/−/g, '-').replace(/,/g, ''));

/** onnxruntime's output of the BatchNormalization after the Conv `pick` chooses, on `picture` (size×size, ImageNet scaling). */
async function bnReference(bytes: Uint8Array, pick: (n: NodeProto) => boolean, picture: PNG, size: number): Promise<{ conv: string; values: Float32Array; dims: readonly number[] }> {
  const { onnx } = onnxProto;
  const proto = onnx.ModelProto.decode(bytes);
  const nodes = proto.graph!.node!;
  const conv = nodes.find(pick)!;
  const bn = nodes.find((n) => n.input![0] === conv.output![0])!;
  proto.graph!.output = [onnx.ValueInfoProto.create({ name: bn.output![0]!, type: { tensorType: { elemType: 1 } } })];
  const x = new Float32Array(3 * size * size);
  for (let p = 0; p < size * size; p++) for (let ch = 0; ch < 3; ch++) x[ch * size * size + p] = scaleByte(picture.data[4 * p + ch]!, ch, 'imagenet');
  const out = (await ortRun(onnx.ModelProto.encode(proto).finish(), 'input', x, [1, 3, size, size]))[bn.output![0]!]!;
  return { conv: conv.name!, values: out.data, dims: out.dims };
}

/** The stage-2 downsample 1×1 Conv (stride 2) of the ResNet-like model. */
const strided1x1 = (n: NodeProto) => n.opType === 'Conv' && (n.attribute ?? []).some((a) => a.name === 'strides' && Number(a.ints![0]) === 2) && (n.attribute ?? []).some((a) => a.name === 'kernel_shape' && Number(a.ints![0]) === 1);

/** Scene 2's whole sum (End: the last term) equals the reference at its pixel, for filter 5. */
async function assertSceneTwoSum(page: Page, ref: { values: Float32Array; dims: readonly number[] }): Promise<void> {
  await page.locator('.viz').focus();
  await page.keyboard.press('End');
  const text = (await page.getByTestId('partial-sum').textContent()) ?? '';
  const m = /output \((\d+), (\d+), (\d+)\) = (\S+)$/.exec(text);
  assert(m, `the sum: ${text}`);
  const [r, c, k] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const want = ref.values[(k * ref.dims[2]! + r) * ref.dims[3]! + c]!, got = parse(m[4]!);
  assert(k === 5 && Math.abs(got - want) <= 2e-3 * Math.max(1, Math.abs(want)), `walkthrough ${got} at (${r}, ${c}, ${k}), onnxruntime ${want}`);
}

test('model: an .onnx file and a picture dropped in; a 1×1 layer used with BN folded; the walkthrough’s sum is onnxruntime’s value', async ({ baseUrl, newPage }) => {
  const ref = await bnReference(model.bytes, strided1x1, png, SIZE);
  const { page, consoleErrors, foreignRequests, close } = await newPage({ width: 1280, height: 900 });
  await page.goto(`${baseUrl}#v=1&scene=2&k=5&img=noise`);
  await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  await openSettings(page);
  await page.getByRole('button', { name: /Your own data/ }).click();
  // A file that is not a model: a sentence, and nothing else changes.
  await page.getByLabel('Model file').setInputFiles(join(dir, 'broken.onnx'));
  await page.getByRole('alert').filter({ hasText: 'broken.onnx is not an ONNX model' }).waitFor({ timeout: 20_000 });
  // The model, dropped on the panel as a student would.
  const drop = await page.evaluateHandle(({ bytes, name }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(bytes)], name));
    return dt;
  }, { bytes: [...model.bytes], name: 'resnet-mini.onnx' });
  await page.locator('.data-loader').dispatchEvent('drop', { dataTransfer: drop });
  const summary = page.getByTestId('model-summary');
  await summary.filter({ hasText: 'resnet-mini.onnx' }).waitFor({ timeout: 30_000 });
  assert(((await summary.textContent()) ?? '').includes('input (batch, 3, height, width)'), 'the input shape with its open sizes');
  await page.getByLabel('Input size').selectOption(String(SIZE));
  await page.getByLabel('Or your own picture').setInputFiles(join(dir, 'picture.png'));
  await page.getByLabel(ref.conv).check();
  const row = page.locator('.model-layers tr', { has: page.getByLabel(ref.conv) });
  assert(/64 → 128.*16×16 → 8×8.*BatchNorm follows/s.test((await row.textContent()) ?? ''), `the layer's row: ${await row.textContent()}`);
  await page.getByLabel(/Fold the BatchNormalization/).check();
  await page.getByRole('button', { name: 'Use this layer' }).click();
  await page.getByTestId('model-used').waitFor({ timeout: 30_000 });
  await page.getByTestId('fold-formula').waitFor();
  await page.screenshot({ path: `${SHOTS}/model-1280.png`, fullPage: true });
  await page.locator('.settings-text').filter({ hasText: `8×8×64 → 128 · your data: resnet-mini.onnx · ${ref.conv}` }).waitFor();
  await page.locator('[data-status="done"]').waitFor({ timeout: 30_000 });
  assert(((await page.locator('.filter-note').textContent()) ?? '').includes(`Weights of ${ref.conv} in resnet-mini.onnx`), 'provenance under the status');
  // Scene 2 at pixel (0, 0), filter 5: the whole sum is the BatchNorm's output there.
  await assertSceneTwoSum(page, ref);
  // A broken file now: a sentence, and the layer stays in use.
  await page.getByLabel('Model file').setInputFiles(join(dir, 'broken.onnx'));
  await page.getByRole('alert').filter({ hasText: 'broken.onnx is not an ONNX model' }).waitFor({ timeout: 20_000 });
  assert(((await page.locator('.settings-text').textContent()) ?? '').includes(`resnet-mini.onnx · ${ref.conv}`), 'the layer is kept after a refused file');
  // The reduction page offers the layer, and measures what its own filters keep.
  // (Through the page's own links: an address with another shape would put the layer away.)
  await page.getByRole('link', { name: 'Why 1×1?' }).or(page.getByRole('tab', { name: 'Why 1×1?' })).first().click();
  await page.getByRole('navigation', { name: 'Reasons to use a 1×1 convolution' }).getByRole('link', { name: 'Channel reduction' }).click();
  await page.getByLabel('Input', { exact: true }).selectOption({ label: `Your layer: resnet-mini.onnx · ${ref.conv}` });
  const kept = await page.getByTestId('red-layer').textContent({ timeout: 30_000 });
  assert(/The layer’s own 128 trained filters keep [\d.]+% of its input’s variance; the best 128 linear filters \(PCA\) would keep 100\.0%/.test(kept ?? ''), `the layer's kept variance: ${kept}`);
  assert(((await page.getByTestId('red-headline').textContent()) ?? '').includes('With k = 10 of 64 channels'), 'the headline counts the layer’s channels');
  await page.screenshot({ path: `${SHOTS}/model-reduction-1280.png`, fullPage: true });
  assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join('; ')}`);
  assert(foreignRequests.length === 0, `requests left the app: ${foreignRequests.join(', ')}`);
  await close();
});

test('model: the panel at 375 px, in Korean', async ({ baseUrl, newPage }) => {
  const { page, consoleErrors, close } = await newPage({ width: 375, height: 812 });
  await page.goto(`${baseUrl}?lang=ko#v=1&view=explorer&img=noise`);
  await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  await openSettings(page);
  await page.getByRole('button', { name: /내 데이터/ }).click();
  await page.getByLabel('모델 파일').setInputFiles(join(dir, 'resnet-mini.onnx'));
  await page.locator('.model-layers').first().waitFor({ timeout: 30_000 });
  await page.getByLabel('입력 크기').selectOption(String(SIZE));
  await page.locator('.model-layers input[type=radio]:not([disabled])').first().check();
  await page.getByRole('button', { name: '이 레이어 쓰기' }).click();
  await page.getByTestId('model-used').waitFor({ timeout: 30_000 });
  assert(((await page.getByTestId('model-used').textContent()) ?? '').startsWith('사용 중:'), 'Korean result line');
  // Nothing wider than the screen but the tables, which scroll inside themselves.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert(overflow <= 0, `page scrolls sideways by ${overflow} px`);
  await page.locator('.model-loader').screenshot({ path: `${SHOTS}/model-375-ko.png` });
  assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join('; ')}`);
  await close();
});

test('model: MobileNet blocks, split between the two workers by halves of their channels, give the walkthrough onnxruntime’s value', async ({ baseUrl, newPage }) => {
  // 96×96: the blocks are large enough to be split (the app starts two workers on two cores).
  const n = 96, mobilenet = mobilenetLike({ size: n, stages: [[1, 16, 1, 1], [6, 24, 2, 2], [6, 32, 2, 2]] });
  writeFileSync(join(dir, 'mobilenet-mini.onnx'), mobilenet.bytes);
  const picture = new PNG({ width: n, height: n });
  for (let i = 0; i < n * n; i++) picture.data.set([(i * 5) % 256, (i >> 5) % 256, (i % 96) * 2, 255], 4 * i);
  writeFileSync(join(dir, 'picture96.png'), PNG.sync.write(picture));
  // onnxruntime's output of the BatchNormalization after /head/Conv (folded in: the panel's default).
  const ref = await bnReference(mobilenet.bytes, (node) => node.name === mobilenet.layer, picture, n);
  const { page, consoleErrors, close } = await newPage({ width: 1280, height: 900 });
  await page.goto(`${baseUrl}#v=1&scene=2&k=5&img=noise`);
  await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  await openSettings(page);
  await page.getByRole('button', { name: /Your own data/ }).click();
  await page.getByLabel('Model file').setInputFiles(join(dir, 'mobilenet-mini.onnx'));
  await page.getByTestId('model-summary').filter({ hasText: 'mobilenet-mini.onnx' }).waitFor({ timeout: 30_000 });
  await page.getByLabel('Or your own picture').setInputFiles(join(dir, 'picture96.png'));
  await page.getByLabel(mobilenet.layer, { exact: true }).check();
  await page.getByRole('button', { name: 'Use this layer' }).click();
  await page.getByTestId('model-used').waitFor({ timeout: 30_000 });
  await page.getByTestId('fold-formula').waitFor();
  await page.locator('.settings-text').filter({ hasText: `12×12×32 → 128 · your data: mobilenet-mini.onnx · ${mobilenet.layer}` }).waitFor();
  await page.locator('[data-status="done"]').waitFor({ timeout: 30_000 });
  await assertSceneTwoSum(page, ref);
  assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join('; ')}`);
  await close();
});

test('model: a 256 MB file opens in the worker, with progress, and the page never stops', async ({ baseUrl, newPage }) => {
  // Seventeen 1×1 layers of up to 2,048 × 2,048 weights: 67 M parameters, 256 MB of float32.
  const b = new ModelBuilder(11, 13);
  let x = b.relu(b.conv('input', 3, 2048, { name: '/stem/Conv' }));
  for (let i = 0; i < 16; i++) x = b.relu(b.conv(x, 2048, 2048, { name: `/block${i}/Conv` }));
  const path = join(dir, 'big.onnx');
  writeFileSync(path, b.build({ name: 'input', dims: [1, 3, 'height', 'width'] }, [x]));
  const { page, consoleErrors, close } = await newPage({ width: 1280, height: 900 });
  await page.goto(`${baseUrl}#v=1&view=explorer&img=noise`);
  await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  await openSettings(page);
  await page.getByRole('button', { name: /Your own data/ }).click();
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' });
    // Every progress line shown on the way.
    const seen: string[] = [];
    (window as unknown as { progress: string[] }).progress = seen;
    new MutationObserver(() => { const t = document.querySelector('.model-progress')?.textContent; if (t && seen.at(-1) !== t) seen.push(t); })
      .observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const start = Date.now();
  await page.getByLabel('Model file').setInputFiles(path);
  await page.getByTestId('model-summary').filter({ hasText: '67,115,008' }).waitFor({ timeout: 60_000 });
  await page.locator('.model-layers').first().waitFor({ timeout: 60_000 });
  console.log(`      256 MB model open and listed in ${Date.now() - start} ms`);
  const progress = await page.evaluate(() => (window as unknown as { progress: string[] }).progress);
  assert(progress.some((p) => /Reading the file… \d+%/.test(p)) && progress.some((p) => /Reading the graph and its weights/.test(p)), `progress shown: ${progress.join(' | ')}`);
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  assert(longTasks.every((d) => d < 100), `long tasks while opening: ${longTasks.map(Math.round).join(', ')} ms`);
  assert((await page.locator('.model-layers tbody tr').count()) === 17, 'all seventeen 1×1 layers listed');
  assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join('; ')}`);
  await close();
});

test('model: the panel names the open file, shows the picture at the model’s input size, folds only a BatchNorm that is there, wraps node names between their parts; scene 2 shows all 8 channels and the picture (issue #26)', async ({ baseUrl, newPage }) => {
  // Two 1×1 layers with torchvision-long names: the first without a BatchNormalization, the second with one, on a fixed 32×32 input.
  const b = new ModelBuilder(3, 13);
  const first = '/features/features.13/downsample/downsample.0/Conv', second = '/features/features.14/block/block.2/Conv';
  const x = b.relu(b.conv('input', 3, 8, { name: first, bias: true }));
  const y = b.relu(b.bn(b.conv(x, 8, 8, { name: second }), 8));
  writeFileSync(join(dir, 'long-names.onnx'), b.build({ name: 'input', dims: [1, 3, 32, 32] }, [y]));
  const { page, consoleErrors, close } = await newPage({ width: 1280, height: 800 });
  await page.goto(`${baseUrl}#v=1&scene=2&img=noise`);
  await page.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
  await openSettings(page);
  await page.getByRole('button', { name: /Your own data/ }).click();
  assert((await page.getByTestId('model-file-name').textContent()) === 'No model open yet', 'nothing open yet');
  await page.getByLabel('Model file').setInputFiles(join(dir, 'long-names.onnx'));
  await page.locator('.model-layers').first().waitFor({ timeout: 30_000 });
  assert((await page.getByTestId('model-file-name').textContent()) === 'long-names.onnx', 'the file field names the open model');
  // In the settings column the names wrap, only after a separator.
  const breaks = await page.locator('.model-layers th[scope=row] label').evaluateAll((labels) => labels.flatMap((l) => {
    const out: string[] = [];
    let top: number | null = null, before = '';
    const walker = document.createTreeWalker(l, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (let i = 0; i < n.textContent!.length; i++) {
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 1);
        const at = r.getBoundingClientRect().top;
        if (top !== null && at > top + 2) out.push(`${l.textContent} breaks after “${before}”`);
        top = at;
        before = n.textContent![i]!;
      }
    }
    return out;
  }));
  assert(breaks.length > 0, 'the long names wrap in the settings column');
  assert(breaks.every((s) => /after “[/._:-]”$/.test(s)), `a name broken inside a word: ${breaks.join('; ')}`);
  // No BatchNormalization after the first layer: words, not a ticked box.
  await page.getByLabel(first).check();
  assert((await page.getByRole('checkbox', { name: /BatchNormalization/ }).count()) === 0, 'no fold checkbox for a layer without BN');
  await page.getByTestId('fold-none').waitFor();
  await page.getByLabel(second).check();
  assert(await page.getByRole('checkbox', { name: /Fold the BatchNormalization/ }).isChecked(), 'the fold checkbox for a layer with BN');
  await page.getByRole('button', { name: 'Use this layer' }).click();
  await page.getByTestId('model-used').waitFor({ timeout: 30_000 });
  const crop = page.getByTestId('model-crop').locator('canvas');
  assert(await crop.evaluate((c: HTMLCanvasElement) => c.width === 32 && c.height === 32), 'the picture at the model’s 32×32 input');
  await page.locator('.settings-panel').screenshot({ path: `${SHOTS}/model-settings-1280.png` });
  await page.locator('[data-status="done"]').waitFor({ timeout: 30_000 });
  // Scene 2: all eight input channels stacked, and where they come from.
  await page.locator('.channel-cards .card').nth(7).waitFor();
  assert((await page.locator('.channel-cards .card').count()) === 8, 'all 8 channels in the stack');
  await page.getByTestId('model-origin').waitFor();
  assert(await page.getByTestId('model-origin').locator('canvas').evaluate((c: HTMLCanvasElement) => c.width === 32), 'scene 2 shows the picture at 32×32');
  assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join('; ')}`);
  await close();
});
