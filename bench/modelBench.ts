/**
 * `model` workloads of npm run bench: the time to run a network's first stages on a picture up
 * to a mid-network 1×1 layer — a MobileNet-v2-like and a ResNet-50-like model with the real
 * networks' shapes (224×224 input) and seeded weights, built by test/fixtures/onnxBuilder.ts.
 * The engine (the app's worker job, on 1 and 2 workers) against onnxruntime-web's wasm
 * backend and tfjs-wasm, in the same run; maxRelErr is against onnxruntime's tensor.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as ort from 'onnxruntime-web';
import onnxProto from 'onnx-proto';
import { decodeModel } from '../src/engine/onnx/decode';
import { pathTo } from '../src/engine/onnx/graph';
import type { OnnxModel } from '../src/engine/onnx/model';
import { scaleByte } from '../src/engine/onnx/preprocess';
import type { EngineClient } from '../src/worker/client';
import { mobilenetLike, resnetLike, type TestModel } from '../test/fixtures/onnxBuilder';

export type ModelImpl = 'engine-1w' | 'engine-2w' | 'ort-wasm' | 'tfjs-wasm';
export interface ModelRow { impl: ModelImpl; medianMs: number; minMs: number; maxMs: number; maxRelErr: number }

const SIZE = 224;

export const MODEL_WORKLOADS: { name: string; make: () => TestModel }[] = [
  // MobileNet v2 up to the end of its 64-channel stage: the 1×1 that reads 14×14×64.
  { name: 'mobilenetv2', make: () => mobilenetLike({ size: SIZE, stages: [[1, 16, 1, 1], [6, 24, 2, 2], [6, 32, 3, 2], [6, 64, 4, 2]] }) },
  // ResNet-50 up to layer3.0.conv1, which reads layer2's 28×28×512 output.
  { name: 'resnet50', make: () => resnetLike({ size: SIZE, width: 64, blocks: [3, 4] }) },
];

/** The model cut to end at the layer's input (what every implementation computes). */
function cutAt(m: TestModel): Uint8Array {
  const { onnx } = onnxProto;
  const proto = onnx.ModelProto.decode(m.bytes);
  proto.graph!.output = [onnx.ValueInfoProto.create({ name: m.layerInput, type: { tensorType: { elemType: 1 } } })];
  return onnx.ModelProto.encode(proto).finish();
}

/** The same prefix as tfjs ops (NHWC), from the decoded graph: Conv, BN, Relu, Clip, Add, MaxPool. */
function tfjsPrefix(model: OnnxModel, target: string): (x: tf.Tensor4D) => tf.Tensor {
  const path = pathTo(model, [target]);
  const w = (name: string) => model.initializers.get(name)!;
  const prepared = new Map<string, { filter: tf.Tensor4D; bias?: tf.Tensor1D; depthwise: boolean }>();
  for (const n of path) {
    if (n.opType !== 'Conv') continue;
    const t = w(n.inputs[1]!), [cout, cinG, kh, kw] = t.shape as [number, number, number, number];
    const group = Number(n.attrs.get('group') ?? 1), depthwise = group > 1;
    // ONNX (Cout, Cin/G, kh, kw) → tfjs (kh, kw, Cin, Cout), or (kh, kw, C, 1) depthwise.
    const f = new Float32Array(cout * cinG * kh * kw);
    for (let o = 0; o < cout; o++) for (let i = 0; i < cinG; i++) for (let y = 0; y < kh; y++) for (let x = 0; x < kw; x++) {
      const src = ((o * cinG + i) * kh + y) * kw + x;
      f[depthwise ? (y * kw + x) * cout + o : ((y * kw + x) * cinG + i) * cout + o] = t.data![src]!;
    }
    prepared.set(n.name, { filter: tf.tensor4d(f, depthwise ? [kh, kw, cout, 1] : [kh, kw, cinG, cout]), depthwise, ...(n.inputs[2] ? { bias: tf.tensor1d(w(n.inputs[2]).data as Float32Array) } : {}) });
  }
  const vec = (name: string) => tf.tensor1d(w(name).data as Float32Array);
  const bns = new Map(path.filter((n) => n.opType === 'BatchNormalization').map((n) => [n.name, n.inputs.slice(1).map(vec)] as const));
  return (input) => tf.tidy(() => {
    const env = new Map<string, tf.Tensor>([['input', input]]);
    for (const n of path) {
      const x = env.get(n.inputs[0]!) as tf.Tensor4D;
      const ints = (k: string) => n.attrs.get(k) as number[];
      let y: tf.Tensor;
      if (n.opType === 'Conv') {
        const p = prepared.get(n.name)!, s = ints('strides'), pads = ints('pads');
        const pad = [[0, 0], [pads[0]!, pads[2]!], [pads[1]!, pads[3]!], [0, 0]] as [[number, number], [number, number], [number, number], [number, number]];
        y = p.depthwise ? tf.depthwiseConv2d(x, p.filter, [s[0]!, s[1]!], pad) : tf.conv2d(x, p.filter, [s[0]!, s[1]!], pad);
        if (p.bias) y = tf.add(y, p.bias);
      } else if (n.opType === 'BatchNormalization') {
        const [g, b, m, v] = bns.get(n.name)!;
        y = tf.batchNorm(x, m!, v!, b, g, Number(n.attrs.get('epsilon') ?? 1e-5));
      } else if (n.opType === 'Relu') y = tf.relu(x);
      else if (n.opType === 'Clip') y = tf.clipByValue(x, 0, 6);
      else if (n.opType === 'Add') y = tf.add(x, env.get(n.inputs[1]!)!);
      else if (n.opType === 'MaxPool') {
        const pads = ints('pads');
        y = tf.maxPool(tf.pad(x, [[0, 0], [pads[0]!, pads[2]!], [pads[1]!, pads[3]!], [0, 0]], -Infinity), ints('kernel_shape') as [number, number], ints('strides') as [number, number], 'valid');
      } else throw new Error(`tfjs prefix: ${n.opType}`);
      env.set(n.outputs[0]!, y);
    }
    return env.get(target)!;
  });
}

function relErr(got: ArrayLike<number>, want: ArrayLike<number>): number {
  let e = 0, s = 0;
  for (let i = 0; i < want.length; i++) { e = Math.max(e, Math.abs(got[i]! - want[i]!)); s = Math.max(s, Math.abs(want[i]!)); }
  return e / (s || 1);
}

/** Times each implementation, interleaved, after a warm-up of two runs each. */
export async function benchModels(clients: Record<'engine-1w' | 'engine-2w', EngineClient>, runs: number): Promise<{ name: string; rows: ModelRow[] }[]> {
  const out: { name: string; rows: ModelRow[] }[] = [];
  ort.env.wasm.numThreads = 1;
  for (const wl of MODEL_WORKLOADS) {
    const m = wl.make();
    const bytes = cutAt(m);
    const model = decodeModel(bytes);
    const rgba = Uint8ClampedArray.from({ length: SIZE * SIZE * 4 }, (_, i) => (i * 131 + (i >> 10)) % 256);
    const nchw = new Float32Array(3 * SIZE * SIZE), nhwc = new Float32Array(3 * SIZE * SIZE);
    for (let p = 0; p < SIZE * SIZE; p++) for (let c = 0; c < 3; c++) {
      const v = scaleByte(rgba[4 * p + c]!, c, 'imagenet');
      nchw[c * SIZE * SIZE + p] = v;
      nhwc[p * 3 + c] = v;
    }
    const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
    const feeds = { input: new ort.Tensor('float32', nchw, [1, 3, SIZE, SIZE]) };
    const ortOut = async () => (await session.run(feeds))[m.layerInput]!;
    const ref = await ortOut();
    const [, c, h, w] = ref.dims as [number, number, number, number];
    const toNhwc = (src: ArrayLike<number>) => { const o = new Float32Array(src.length); for (let ch = 0; ch < c; ch++) for (let p = 0; p < h * w; p++) o[p * c + ch] = src[ch * h * w + p]!; return o; };
    const want = toNhwc(ref.data as Float32Array);
    await tf.setBackend('wasm');
    const prefix = tfjsPrefix(model, m.layerInput);
    const tfInput = tf.tensor4d(nhwc, [1, SIZE, SIZE, 3]);
    await clients['engine-2w'].linkPeers();
    for (const client of Object.values(clients)) await client.request('modelOpen', { bytes: bytes.slice().buffer, key: wl.name });
    const engine = (client: EngineClient) => async () => {
      const r = await client.request('modelLayer', { key: wl.name, node: m.layer, rgba: rgba.slice(), width: SIZE, height: SIZE, preprocessing: { scaling: 'imagenet', order: 'rgb' }, fold: false });
      if (r.status !== 'ok') throw new Error(`${r.code}: ${r.detail}`);
      return r.input;
    };
    const impls: [ModelImpl, () => Promise<ArrayLike<number>>][] = [
      ['engine-1w', engine(clients['engine-1w'])],
      ['engine-2w', engine(clients['engine-2w'])],
      ['ort-wasm', async () => toNhwc((await ortOut()).data as Float32Array)],
      ['tfjs-wasm', async () => { if (tf.getBackend() !== 'wasm') await tf.setBackend('wasm'); const y = prefix(tfInput); const v = await y.data(); y.dispose(); return v as Float32Array; }],
    ];
    const last = new Map<ModelImpl, ArrayLike<number>>();
    const times = new Map<ModelImpl, number[]>(impls.map(([n]) => [n, []]));
    for (const [name, fn] of impls) { last.set(name, await fn()); await fn(); }
    for (let r = 0; r < runs; r++) {
      for (const [name, fn] of impls) {
        const t = performance.now();
        last.set(name, await fn());
        times.get(name)!.push(performance.now() - t);
      }
    }
    await session.release();
    tfInput.dispose();
    out.push({
      name: `${wl.name} → ${m.layer} (${h}×${w}×${c})`,
      rows: impls.map(([impl]) => {
        const ts = times.get(impl)!.sort((a, b) => a - b);
        return { impl, medianMs: ts[Math.floor(ts.length / 2)]!, minMs: ts[0]!, maxMs: ts.at(-1)!, maxRelErr: relErr(last.get(impl)!, want) };
      }),
    });
  }
  return out;
}

export function printModelTable(name: string, rows: ModelRow[], runs: number): void {
  const base = rows.find((r) => r.impl === 'ort-wasm')!.medianMs;
  console.log(`\nmodel ${name}  (${runs} runs, median)`);
  console.log('impl        median ms    min ms    max ms  ×ort-wasm   maxRelErr');
  for (const r of rows) {
    console.log(`${r.impl.padEnd(10)} ${r.medianMs.toFixed(1).padStart(10)} ${r.minMs.toFixed(1).padStart(9)} ${r.maxMs.toFixed(1).padStart(9)} ${(r.medianMs / base).toFixed(2).padStart(10)}   ${r.maxRelErr.toExponential(1)}`);
  }
}
