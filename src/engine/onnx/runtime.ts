/**
 * Everything a model's runs keep between them, in one object: the storage of dead tensors
 * (the pool), each target's plan, the prepared weights (BatchNormalization folded in,
 * MobileNet blocks halved, Winograd's transformed filters), the weights a helper worker was
 * sent, and the scratch arrays of the kernels. One byte budget covers all of it, and
 * dispose() lets all of it go at once (another model is opened, a helper's lead is gone).
 *
 * The worker makes one per model (worker/modelJobs.ts) and one per helper link
 * (worker/peer.ts) and passes it down: to the graph runner, to the ops that allocate, to the
 * chains and to the kernels that keep scratch. A function called without one makes a fresh
 * runtime for that call alone: it keeps nothing from one call to the next, so there is no
 * module-level state in the engine to reset (the GEMM's HEAP aside: gemmKernel.ts says why).
 *
 * Plans count as 0 bytes (a few node lists); everything else by its arrays' bytes.
 */
import { trimWorkspace, type PackedB } from '../kernels/gemm';
import type { LayerWeights } from './prepared';
import type { OnnxModel, OnnxNode } from './model';
import type { Plan } from './graph';

/**
 * What one runtime keeps at most, in bytes: the pool, the prepared weights and the scratch
 * together. About what the four budgets it replaces allowed between them (32 MB of pool,
 * 64 MB of folded and halved weights, 64 MB of transformed filters, 48 MB of scratch): a
 * large model's (ResNet-50's 100 MB) weights are not doubled in memory past it; beyond it,
 * what is not kept is made again on each run (the same numbers, more time).
 */
export const RUNTIME_BUDGET_BYTES = 192 * 1024 * 1024;

/** The scratch arrays a run reuses: the chains' two maps in turn, depthwise's padded band, Winograd's V and M. */
export type ScratchSlot = 'ping' | 'pong' | 'band' | 'tilesIn' | 'tilesOut';

/** A weight's BatchNormalization-folded copy, and the node of the fusion it was folded for. */
export interface Fold { readonly by: OnnxNode | undefined; readonly weights: Float32Array; readonly bias: Float32Array | undefined }
/** A MobileNet block's two halves (chain.ts), with the depthwise and projection weights they were cut from. */
export interface Halves { readonly d: Float32Array; readonly q: Float32Array; readonly halves: [LayerWeights[], LayerWeights[]] }

/** Bytes taken from a runtime's one budget. */
class Budget {
  held = 0;
  constructor(readonly limit: number) {}

  /** Takes `bytes` when they fit; whether they did. */
  take(bytes: number): boolean {
    if (this.held + bytes > this.limit) return false;
    this.held += bytes;
    return true;
  }

  give(bytes: number): void {
    this.held -= bytes;
  }
}

/** Values kept by key while their bytes fit the budget. */
export class Kept<K, V> {
  private readonly entries = new Map<K, { value: V; bytes: number }>();
  constructor(private readonly budget: Budget) {}

  get(key: K): V | undefined {
    return this.entries.get(key)?.value;
  }

  /** Keeps `value` under `key` (in place of what was there) when its bytes fit; whether it did. */
  keep(key: K, value: V, bytes: number): boolean {
    const old = this.entries.get(key);
    if (old) this.budget.give(old.bytes);
    this.entries.delete(key);
    if (!this.budget.take(bytes)) return false;
    this.entries.set(key, { value, bytes });
    return true;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    for (const { bytes } of this.entries.values()) this.budget.give(bytes);
    this.entries.clear();
  }
}

/** The bytes of some arrays (missing ones are none). */
export const bytesOf = (arrays: readonly (Float32Array | undefined)[]): number => arrays.reduce((n, a) => n + (a?.byteLength ?? 0), 0);

export interface RuntimeOptions {
  /** The one budget (default RUNTIME_BUDGET_BYTES); with 0 only plans (counted as no bytes) are kept. */
  readonly budgetBytes?: number;
}

export class Runtime {
  private readonly budget: Budget;
  private readonly pool = new Map<number, Float32Array[]>();
  private readonly slots = new Map<ScratchSlot, Float32Array>();
  private readonly disposers: (() => void)[] = [];
  /** Each model's plans, by their targets (graph.ts). */
  readonly plans: Kept<OnnxModel, Map<string, Plan>>;
  /** Each Conv's weights with its BatchNormalization folded in. */
  readonly folds: Kept<OnnxNode, Fold>;
  /** Each MobileNet block's halves, by its expansion's weights. */
  readonly halves: Kept<Float32Array, Halves>;
  /** Winograd's transformed filters, by the weights they were made from. */
  readonly transformed: Kept<Float32Array, PackedB[]>;
  /** On a helper: the weights its lead sent, by the lead's key. */
  readonly received: Kept<number, LayerWeights[]>;

  constructor(options: RuntimeOptions = {}) {
    this.budget = new Budget(options.budgetBytes ?? RUNTIME_BUDGET_BYTES);
    this.plans = new Kept(this.budget);
    this.folds = new Kept(this.budget);
    this.halves = new Kept(this.budget);
    this.transformed = new Kept(this.budget);
    this.received = new Kept(this.budget);
  }

  get budgetBytes(): number {
    return this.budget.limit;
  }

  /** Every byte this runtime keeps: pool, prepared and received weights, scratch. */
  bytesHeld(): number {
    return this.budget.held;
  }

  /** A pooled array of n values (zeroed), or undefined: the caller then makes a fresh one. */
  takePooled(n: number): Float32Array | undefined {
    const kept = this.pool.get(n)?.pop();
    if (!kept) return undefined;
    this.budget.give(kept.byteLength);
    return kept.fill(0);
  }

  /**
   * Keeps a tensor's storage for the next tensor of its length (a student's next picture or
   * layer runs the same sizes: fewer fresh arrays, fewer collections, whose threads take a
   * core from the two workers). The caller guarantees nothing reads it any more. Only an
   * array that owns its whole buffer (not a view into another) and still has it (not
   * transferred away), while it fits the budget.
   */
  recycle(data: Float32Array): void {
    const n = data.length;
    if (n === 0 || data.byteOffset !== 0 || data.buffer.byteLength !== n * 4) return;
    const list = this.pool.get(n) ?? [];
    if (list.includes(data) || !this.budget.take(data.byteLength)) return;
    list.push(data);
    this.pool.set(n, list);
  }

  /**
   * n values of the scratch array `slot` (grown to the largest asked for while the budget
   * allows, then reused; past it, a fresh array). Its values are whatever the last user left:
   * every user writes what it reads.
   */
  scratch(slot: ScratchSlot, n: number): Float32Array {
    const have = this.slots.get(slot);
    if (have && have.length >= n) return have.subarray(0, n);
    const grow = n * 4 - (have?.byteLength ?? 0);
    if (!this.budget.take(grow)) return new Float32Array(n);
    const made = new Float32Array(n);
    this.slots.set(slot, made);
    return made;
  }

  /**
   * Lets the working memory go — the scratch arrays and this thread's GEMM workspace — and
   * keeps the rest (a model's next run after a pause starts by regrowing them: a few ms).
   */
  trimScratch(): void {
    for (const a of this.slots.values()) this.budget.give(a.byteLength);
    this.slots.clear();
    trimWorkspace();
  }

  /** Calls `fn` when the runtime is disposed (e.g. to tell a helper to let what it was sent go). */
  onDispose(fn: () => void): void {
    this.disposers.push(fn);
  }

  /** Lets everything go: bytesHeld() is 0 after it. The runtime can be used again (it starts empty). */
  dispose(): void {
    this.trimScratch();
    for (const list of this.pool.values()) for (const a of list) this.budget.give(a.byteLength);
    this.pool.clear();
    for (const k of [this.plans, this.folds, this.halves, this.transformed, this.received]) k.clear();
    for (const fn of this.disposers.splice(0)) fn();
  }
}

/** A runtime with its own budget (RUNTIME_BUDGET_BYTES unless told). */
export const createRuntime = (options: RuntimeOptions = {}): Runtime => new Runtime(options);
