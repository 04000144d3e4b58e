/**
 * Two workers on one model: the worker holding the model (the lead) computes half of each
 * large chain of convolutions (chain.ts: a Conv, or a whole MobileNet or ResNet block with its
 * residual Add) — half of a block's hidden channels, or the top half of another chain's output rows —
 * and asks the other (the helper) for the other half, over a MessagePort the page gave them
 * both. The helper needs no model: it is sent the input rows its band reads and the layers;
 * a layer's (BN-folded) weights cross once per model and are kept there under a number, in
 * the runtime of the link (engine/onnx/runtime.ts: its one budget says how many). A
 * helper that fails or falls silent is dropped and its band computed here, so a crash costs
 * time, never the result.
 */
import { addInto, chainMultiplyAdds, chainRows, closeHalves, hiddenHalves, inputRows, runChainHere, type Bounds, type PreparedChain } from '../engine/onnx/chain';
import type { LayerWeights } from '../engine/onnx/prepared';
import type { ConvLayer } from '../engine/onnx/ops/conv';
import { bytesOf, createRuntime, type Runtime } from '../engine/onnx/runtime';
import { allocFloat } from '../engine/onnx/tensor';
import type { PeerLinkParams } from './modelProtocol';

/** Below this many multiply-adds a chain is not split (the messages would cost more). */
const SPLIT_MIN_MULTIPLY_ADDS = 1_000_000;
/** The helper's band is taken back after this long without an answer (plus four times the lead's own band time). */
export const HELPER_GRACE_MS = 2_000;

type LayerShape = Omit<ConvLayer, 'weights' | 'bias'>;

/**
 * Output rows [r0, r1) of a chain, from its input's rows `first`, `first + 1`, … in `input`,
 * and rows [r0, r1) of the map added after it (`addend`), then clamped (`post`).
 * The layers' weights come with the request (`weights`), to be kept under `key` when the
 * helper's runtime has room for them, or are those the helper keeps under `key`.
 */
interface BandRequest {
  kind: 'band'; id: number; input: Float32Array; first: number; shapes: LayerShape[]; key: number; weights?: LayerWeights[];
  residual: boolean; addend?: Float32Array | undefined; post?: Bounds | undefined; r0: number; r1: number;
}
/** The lead has a new model: the weights kept for the last one go. */
interface ForgetRequest { kind: 'forget' }
/** Another job's request (kind 'train…': worker/trainPeer.ts), answered by that job's module, loaded on first use. */
export interface JobRequest { kind: `train${string}`; id: number }
/** The band's rows, and whether the weights that came with it are kept (to be named by their key from now on). */
type BandReply = { id: number; output: Float32Array; kept: boolean } | { id: number; error: string };
/** A job's answer: its numbers, or what went wrong. */
export type JobReply = { id: number; values: Float64Array } | { id: number; error: string };
type Reply = BandReply | JobReply;

type Port = MessagePort & { start?: () => void };
interface Helper {
  port: Port;
  pending: Map<number, (r: Reply | null) => void>;
  /** The weights the helper said it keeps, by the arrays they are here (a chain's layers in order). */
  sent: WeakMap<Float32Array, { arrays: Float32Array[]; key: number }[]>;
}
let helper: Helper | null = null;
/** On the helper: the runtime of its link (the weights its lead sent, what was made of them, scratch). */
let linkRuntime: Runtime | null = null;
let nextId = 1;
let nextKey = 1;

/** Links this worker to the other end of `port` as lead (it will ask) or helper (it will answer). */
export function linkPeer(p: PeerLinkParams): Record<string, never> {
  const port = p.port as Port;
  if (p.role === 'help') {
    // A new link is a new lead (the last one may have crashed): what the last one sent goes,
    // and what was made of it here (Winograd's transformed filters, scratch).
    linkRuntime?.dispose();
    const rt = createRuntime();
    linkRuntime = rt;
    port.addEventListener('message', (e: MessageEvent) => {
      const r = e.data as BandRequest | ForgetRequest | JobRequest;
      if (r.kind !== 'band' && r.kind !== 'forget') {
        // Answered in arrival order: every message waits for the same module.
        void import('./trainPeer').then((m) => m.helpTrain(r, port), (err: unknown) => port.postMessage({ id: r.id, error: String(err) } satisfies JobReply));
        return;
      }
      if (r.kind === 'forget') {
        rt.dispose();
        return;
      }
      try {
        const kept = !!r.weights && r.key !== 0 && rt.received.keep(r.key, r.weights, bytesOf(r.weights.flatMap((w) => [w.weights, w.bias])));
        const weights = r.weights ?? rt.received.get(r.key);
        if (weights?.length !== r.shapes.length) throw new Error(`no weights kept as ${r.key}`);
        const layers = r.shapes.map((shape, i) => ({ ...shape, ...weights[i]! }));
        const last = layers.at(-1)!;
        const output = new Float32Array((r.r1 - r.r0) * last.geometry.ow * last.outChannels);
        chainRows(r.input, r.first, { layers, residual: r.residual, addend: r.addend, addendFirst: r.r0, post: r.post }, output, r.r0, r.r1, rt);
        port.postMessage({ id: r.id, output, kept } satisfies BandReply, [output.buffer]);
      } catch (err) {
        port.postMessage({ id: r.id, error: err instanceof Error ? err.message : String(err) } satisfies BandReply);
      }
    });
  } else {
    for (const resolve of helper?.pending.values() ?? []) resolve(null);
    const pending = new Map<number, (r: Reply | null) => void>();
    helper = { port, pending, sent: new WeakMap() };
    port.addEventListener('message', (e: MessageEvent) => {
      const r = e.data as Reply;
      pending.get(r.id)?.(r);
      pending.delete(r.id);
    });
  }
  port.start?.();
  return {};
}

/** Whether a helper is linked (the lead's split is on). */
export const hasHelper = (): boolean => helper !== null;

/** The linked helper as an object to key what it was sent by (a new link is a new object), or null. */
export const currentHelper = (): object | null => helper;

/**
 * Sends a job's request to the helper without waiting (it is answered in order, after what was
 * sent before it). Resolves with the answer, or null — the caller then does the work itself —
 * when there is no helper, when it answers with an error, or when it stays silent `graceMs`
 * (then it is dropped).
 */
export function askHelper(request: Omit<JobRequest, 'id'> & Record<string, unknown>, transfer: Transferable[], graceMs = HELPER_GRACE_MS): Promise<Float64Array | null> {
  const h = helper;
  if (!h) return Promise.resolve(null);
  const id = nextId++;
  const answer = new Promise<Reply | null>((resolve) => h.pending.set(id, resolve));
  h.port.postMessage({ ...request, id }, transfer);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silence = new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), graceMs); });
  return Promise.race([answer, silence]).then((reply) => {
    clearTimeout(timer);
    if (reply && 'values' in reply) return reply.values;
    if (!reply) {
      h.pending.delete(id);
      if (helper === h) helper = null;
    }
    return null;
  });
}

/** Tells the helper to let the weights it keeps go (the lead's model runtime is disposed: another model is opened). */
export function forgetSharedWeights(): void {
  if (!helper) return;
  helper.sent = new WeakMap();
  helper.port.postMessage({ kind: 'forget' } satisfies ForgetRequest);
}

/**
 * The key the helper keeps `layers`' weights under, and the weights when they must be sent
 * (with a new key): until the helper says it keeps them — every time, once its runtime's
 * budget is full.
 */
function weightsFor(h: Helper, layers: readonly ConvLayer[]): { key: number; weights?: LayerWeights[] } {
  const arrays = layers.map((l) => l.weights);
  const known = (h.sent.get(arrays[0]!) ?? []).find((e) => e.arrays.length === arrays.length && e.arrays.every((a, i) => a === arrays[i]));
  if (known) return { key: known.key };
  return { key: nextKey++, weights: layers.map(({ weights, bias }) => ({ weights, bias })) };
}

/** Notes that the helper keeps `layers`' weights under `key`. */
function noteKept(h: Helper, layers: readonly ConvLayer[], key: number): void {
  const arrays = layers.map((l) => l.weights);
  h.sent.set(arrays[0]!, [...(h.sent.get(arrays[0]!) ?? []), { arrays, key }]);
}

/**
 * Runs a prepared chain with the helper when it is large enough to be worth it: a MobileNet
 * block as its two halves of hidden channels (the helper's output added to the lead's, as
 * runChainHere does, so the numbers are the same), any other chain by rows (the helper takes
 * the lower ones). `rt` is the model's runtime (halved weights, pooled storage, scratch).
 */
export async function runChainShared(p: PreparedChain, rt: Runtime = createRuntime()): Promise<Float32Array> {
  const [, c, oh, ow] = p.shape as [number, number, number, number];
  const h = helper;
  if (!h || chainMultiplyAdds(p.layers) < SPLIT_MIN_MULTIPLY_ADDS || oh < 2) return runChainHere(p, rt);
  const out = allocFloat(p.shape, p.name, rt);
  const halves = hiddenHalves(p, rt);
  // Mine: `lead` rows [0, split) into `out`; the helper's: `rest` over rows [split, oh), or the whole map.
  const [lead, rest] = halves ?? [p, p];
  const split = halves ? oh : Math.ceil(oh / 2), r0 = halves ? 0 : split, band = ow * c;
  const [first, last] = inputRows(rest, r0, oh), row = p.layers[0]!.geometry.w * p.layers[0]!.inChannels;
  const id = nextId++;
  const answer = new Promise<Reply | null>((resolve) => h.pending.set(id, resolve));
  // The input rows are transferred (a copy); the weights are cloned (they may be the model's own), once.
  const input = p.input.slice(first * row, last * row);
  const addend = rest.addend?.slice(r0 * band, oh * band);
  const shapes = rest.layers.map(({ weights: _w, bias: _b, ...shape }) => shape);
  const sending = weightsFor(h, rest.layers);
  const request: BandRequest = { kind: 'band', id, input, first, shapes, ...sending, residual: rest.residual, addend, post: rest.post, r0, r1: oh };
  h.port.postMessage(request, addend ? [input.buffer, addend.buffer] : [input.buffer]);
  const start = performance.now();
  chainRows(p.input, 0, lead, out.subarray(0, split * band), 0, split, rt);
  const mine = performance.now() - start;
  const timer = new Promise<null>((resolve) => setTimeout(() => resolve(null), HELPER_GRACE_MS + 4 * mine));
  const reply = await Promise.race([answer, timer]);
  let theirs: Float32Array;
  if (reply && 'output' in reply && reply.output.length === (oh - r0) * band) {
    theirs = reply.output;
    if (sending.weights && reply.kept) noteKept(h, rest.layers, sending.key);
  } else {
    // The helper failed or is gone: drop it and do its part here.
    h.pending.delete(id);
    if (helper === h) helper = null;
    theirs = new Float32Array((oh - r0) * band);
    chainRows(p.input, 0, rest, theirs, r0, oh, rt);
  }
  if (halves) {
    addInto(out, theirs);
    closeHalves(p, out);
  } else out.set(theirs, split * band);
  return out;
}
