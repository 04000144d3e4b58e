/**
 * Two workers on one model: the worker holding the model (the lead) computes the top part of
 * each large convolution's output rows and asks the other (the helper) for the rest, over a
 * MessagePort the page gave them both. The helper needs no model: it is sent the input rows
 * its band reads and the (BN-folded) weights. A helper that fails or falls silent is dropped
 * and its band computed here, so a crash costs time, never the result.
 */
import { convBand, convRows, convSlab, type ConvLayer, type PreparedConv } from '../engine/onnx/ops/conv';
import { runConvHere } from '../engine/onnx/graph';
import { allocFloat } from '../engine/onnx/tensor';
import type { PeerLinkParams } from './modelProtocol';

/** Below this many multiply-adds a convolution is not split (the messages would cost more). */
const SPLIT_MIN_MULTIPLY_ADDS = 1_000_000;
/** The helper's band is taken back after this long without an answer (plus four times the lead's own band time). */
const HELPER_GRACE_MS = 2_000;

interface BandRequest { id: number; input: Float32Array; layer: ConvLayer; rows: number }
type BandReply = { id: number; output: Float32Array } | { id: number; error: string };

type Port = MessagePort & { start?: () => void };
let helper: { port: Port; pending: Map<number, (r: BandReply | null) => void> } | null = null;
let nextId = 1;

/** Links this worker to the other end of `port` as lead (it will ask) or helper (it will answer). */
export function linkPeer(p: PeerLinkParams): Record<string, never> {
  const port = p.port as Port;
  if (p.role === 'help') {
    port.addEventListener('message', (e: MessageEvent) => {
      const r = e.data as BandRequest;
      try {
        const output = new Float32Array(r.rows * r.layer.geometry.ow * r.layer.outChannels);
        convRows(r.input, r.layer, output, 0, r.rows);
        port.postMessage({ id: r.id, output } satisfies BandReply, [output.buffer]);
      } catch (err) {
        port.postMessage({ id: r.id, error: err instanceof Error ? err.message : String(err) } satisfies BandReply);
      }
    });
  } else {
    for (const resolve of helper?.pending.values() ?? []) resolve(null);
    const pending = new Map<number, (r: BandReply | null) => void>();
    helper = { port, pending };
    port.addEventListener('message', (e: MessageEvent) => {
      const r = e.data as BandReply;
      pending.get(r.id)?.(r);
      pending.delete(r.id);
    });
  }
  port.start?.();
  return {};
}

/** Whether a helper is linked (the lead's split is on). */
export const hasHelper = (): boolean => helper !== null;

/** Runs a prepared Conv, its lower rows on the helper when it is large enough to be worth it. */
export async function runConvShared(p: PreparedConv): Promise<Float32Array> {
  const g = p.layer.geometry;
  const macs = g.oh * g.ow * p.layer.outChannels * (p.layer.inChannels / p.layer.groups) * g.kh * g.kw;
  const h = helper;
  if (!h || macs < SPLIT_MIN_MULTIPLY_ADDS || g.oh < 2) return runConvHere(p);
  const out = allocFloat(p.shape, p.name);
  const split = Math.ceil(g.oh / 2), band = g.ow * p.layer.outChannels;
  const slab = convSlab(p, split, g.oh);
  const id = nextId++;
  const answer = new Promise<BandReply | null>((resolve) => h.pending.set(id, resolve));
  // The input slab is transferred (it is a copy); the weights are cloned (they may be the model's own).
  h.port.postMessage({ id, input: slab.input, layer: slab.layer, rows: g.oh - split } satisfies BandRequest, [slab.input.buffer]);
  const start = performance.now();
  convBand(p, out.subarray(0, split * band), 0, split);
  const mine = performance.now() - start;
  const timer = new Promise<null>((resolve) => setTimeout(() => resolve(null), HELPER_GRACE_MS + 4 * mine));
  const reply = await Promise.race([answer, timer]);
  if (reply && 'output' in reply && reply.output.length === (g.oh - split) * band) {
    out.set(reply.output, split * band);
    return out;
  }
  // The helper failed or is gone: drop it and do its band here.
  h.pending.delete(id);
  if (helper === h) helper = null;
  convBand(p, out.subarray(split * band), split, g.oh);
  return out;
}
