/**
 * Worker jobs for the student's own model, loaded on first use (the ONNX reader and the
 * graph evaluator are a chunk of their own, so the worker starts without them). The worker
 * keeps one model, the last one opened, with its runtime (engine/onnx/runtime.ts): what its
 * runs keep — plans, pooled tensors, prepared weights, scratch — under one byte budget.
 */
import { decodeModel } from '../engine/onnx/decode';
import { ModelError } from '../engine/onnx/errors';
import { evaluate, firstUnsupported, inferShapes, type ShapeFailure } from '../engine/onnx/graph';
import { extractLayer, pointwiseLayers } from '../engine/onnx/layers';
import { inputSize, type OnnxModel, type OnnxNode } from '../engine/onnx/model';
import { imageTensor } from '../engine/onnx/preprocess';
import { createRuntime, type Runtime } from '../engine/onnx/runtime';
import { metaTensor } from '../engine/onnx/tensor';
import type { ModelLayerParams, ModelLayerResult, ModelLayersParams, ModelLayersResult, ModelOpenParams, ModelOpenResult, ModelRefusal } from './modelProtocol';
import { forgetSharedWeights, hasHelper, runChainShared } from './peer';
import { CacheMiss, checkPositiveInt, RequestError } from './requestChecks';

let held: { key: string; model: OnnxModel; runtime: Runtime } | null = null;

/**
 * The working memory of a model run — the GEMM's workspace and the runtime's scratch
 * arrays — is kept while runs follow one another and let go after this long
 * without one. Releasing it after every run cost the next one its regrowth and the
 * collections that fresh arrays call up: on two workers a MobileNet-v2 prefix took 54 ms
 * against 64 (medians of 25, same session).
 */
const IDLE_TRIM_MS = 10_000;
let idleTrim: ReturnType<typeof setTimeout> | undefined;

function releaseWorkingMemory(): void {
  clearTimeout(idleTrim);
  idleTrim = undefined;
  held?.runtime.trimScratch();
}

function refusal(e: unknown): ModelRefusal {
  if (e instanceof ModelError) return { status: 'refused', code: e.code, detail: e.detail };
  throw e;
}

function modelFor(key: string): { model: OnnxModel; runtime: Runtime } {
  if (!held || held.key !== key) throw new CacheMiss(`no model held as ${key}`);
  return held;
}

export function runModelOpen(p: ModelOpenParams, onProgress: (f: number) => void): ModelOpenResult {
  if (Object.prototype.toString.call(p.bytes) !== '[object ArrayBuffer]') throw new RequestError('bytes must be an ArrayBuffer');
  // The last model goes first, with all its runs kept (the helper's copy of its weights too):
  // two models at once may not fit.
  clearTimeout(idleTrim);
  idleTrim = undefined;
  held?.runtime.dispose();
  held = null;
  try {
    const model = decodeModel(new Uint8Array(p.bytes), (done, total) => { if (done % 16 === 0 || done === total) onProgress(done / total); });
    const runtime = createRuntime();
    runtime.onDispose(forgetSharedWeights);
    held = { key: String(p.key), model, runtime };
    const unsupported = [...new Set(model.nodes.filter((n) => firstUnsupported([n])).map((n) => (n.domain ? `${n.domain}.${n.opType}` : n.opType)))];
    return {
      status: 'read', irVersion: model.irVersion, opset: model.opset, producer: model.producer,
      nodes: model.nodes.length, parameters: model.parameters, input: model.input, unsupported,
    };
  } catch (e) {
    return refusal(e);
  }
}

/** The input's logical shape for one picture of height×width (where the model leaves the size open). */
function inputShape(model: OnnxModel, height: number, width: number): number[] {
  const s = inputSize(model.input, height, width);
  return model.input.channelsLast ? [1, s.height, s.width, s.channels] : [1, s.channels, s.height, s.width];
}

export function runModelLayers(p: ModelLayersParams): ModelLayersResult {
  const { model } = modelFor(p.key);
  const shape = inputShape(model, checkPositiveInt('height', p.height), checkPositiveInt('width', p.width));
  const failures = new Map<string, ShapeFailure>();
  const shapes = inferShapes(model, metaTensor('float', shape, !model.input.channelsLast), failures);
  // Each tensor's earliest unsupported ancestor (the first the engine would stop at), in one
  // pass over the nodes in their order.
  const order = new Map(model.nodes.map((n, i) => [n, i] as const));
  const earlier = (a: OnnxNode | undefined, b: OnnxNode | undefined) => (!a ? b : !b || order.get(a)! <= order.get(b)! ? a : b);
  const blocker = new Map<string, OnnxNode>();
  for (const n of model.nodes) {
    let b = firstUnsupported([n]);
    for (const i of n.inputs) b = earlier(blocker.get(i), b);
    if (b) for (const o of n.outputs) blocker.set(o, b);
  }
  const layers = pointwiseLayers(model, shapes).map((l) => {
    const bad = blocker.get(l.input);
    if (bad) return { ...l, blockedBy: `${bad.domain ? `${bad.domain}.` : ''}${bad.opType} (${bad.name})` };
    // Not reached: the node that failed on the way, or the Conv itself (its output's size is unknown).
    const failed = !shapes.has(l.input) ? failures.get(l.input) : shapes.has(l.output) ? undefined : failures.get(l.output);
    return failed ? { ...l, failedAt: { node: failed.node, code: failed.error.code, detail: failed.error.detail } } : l;
  });
  return { layers };
}

export async function runModelLayer(p: ModelLayerParams, onProgress: (f: number) => void, checkpoint: () => Promise<void>): Promise<ModelLayerResult> {
  const { model, runtime } = modelFor(p.key);
  const size = inputSize(model.input, checkPositiveInt('height', p.height), checkPositiveInt('width', p.width));
  if (size.height !== p.height || size.width !== p.width) throw new RequestError(`the model takes ${size.height}×${size.width} pictures`);
  if (!(p.rgba instanceof Uint8ClampedArray) || p.rgba.length !== p.width * p.height * 4) throw new RequestError(`rgba must hold ${p.width}×${p.height} pixels`);
  if (size.channels !== 1 && size.channels !== 3) return { status: 'refused', code: 'no-image-input', detail: `${model.input.name} (${model.input.dims.join(', ')})` };
  const start = performance.now();
  try {
    const layer = pointwiseLayers(model).find((l) => l.node === p.node);
    if (!layer) throw new ModelError('unknown-node', p.node);
    const image = imageTensor(p.rgba, p.width, p.height, size.channels, p.preprocessing, model.input.channelsLast);
    let nodesRun = 0, since = performance.now();
    const values = await evaluate(model, image, [layer.input], {
      runtime,
      // With a second worker linked, each large chain of convolutions is split with it.
      runChain: hasHelper() ? runChainShared : undefined,
      // Progress, and a look for a cancel, every 20 ms rather than after each of a hundred small nodes.
      afterNode: async (done, total) => {
        nodesRun = done;
        if (performance.now() - since < 20) return;
        onProgress(done / total);
        await checkpoint();
        since = performance.now();
      },
    });
    const x = extractLayer(model, layer, values.get(layer.input)!, p.fold);
    return { status: 'ok', ...x, nodesRun, computeMs: performance.now() - start };
  } catch (e) {
    return refusal(e);
  } finally {
    clearTimeout(idleTrim);
    idleTrim = setTimeout(releaseWorkingMemory, IDLE_TRIM_MS);
  }
}
