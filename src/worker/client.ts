/**
 * The main-thread side of the protocol: starts the engine workers lazily, numbers requests,
 * keeps the pending ones in a Map, drops replies nobody waits for any more, and splits a
 * forward pass across its workers by image rows (as many as the machine has cores for).
 *
 * Without SharedArrayBuffer (embedding pages are rarely cross-origin isolated), each worker
 * gets its own copy of its rows and of the weights, transferred rather than cloned.
 */
import { Connection, EngineError, LIVELY_SILENT_MS, type RequestOptions } from './connection';
import { COPY_STEP, copyInSteps, setInSteps } from './copySteps';
import type { Endpoint, ForwardParams, ParamsOf, RequestType, ResultOf } from './protocol';
import { yieldTask } from './yieldTask';

/** Below this many multiply-adds a forward pass runs on one worker. */
const SPLIT_MIN_MULTIPLY_ADDS = 4_000_000;
/** The most workers a forward pass is split over. */
export const MAX_WORKERS = 8;
/** A worker that fails is started again this many times before the engine moves to the main thread. */
const RESPAWNS = 2;

export interface EngineClientOptions {
  /** Makes one worker endpoint; throws if workers are unavailable. */
  readonly createWorker: () => Endpoint;
  /** Makes an endpoint that runs the engine on the main thread (the fallback). */
  readonly createFallback: () => Endpoint;
  /** How many workers to use for a forward pass (1 … MAX_WORKERS). */
  readonly workers: number;
  /** Below this many multiply-adds a forward pass is not split (default 4 M). */
  readonly splitMinMultiplyAdds?: number;
  /** Told once when the client falls back to the main thread. */
  readonly onFallback?: (reason: string) => void;
  /** Told when a worker failed and was started again (its pending requests failed with 'worker-failed'). */
  readonly onRespawn?: (reason: string) => void;
}

/**
 * When a worker fails (its script cannot load, it has a syntax error, or an error escapes it),
 * every request it was working on is rejected with an EngineError of code 'worker-failed' —
 * the caller re-runs its job, see isRetryable — and the worker is started again, up to
 * RESPAWNS times; after that the engine runs on the main thread, which also fails and retries
 * whatever the workers still held.
 */
export class EngineClient {
  private connections: Connection[] | undefined;
  private fallbackReason: string | undefined;
  private respawns = 0;
  constructor(private readonly options: EngineClientOptions) {}

  /** True once the client runs the engine on the main thread. */
  get isFallback(): boolean {
    return this.fallbackReason !== undefined;
  }

  get workerCount(): number {
    return this.start().length;
  }

  /** Starts the workers now (they boot while the page fetches what the first job needs). */
  prepare(): void {
    this.start();
  }

  /** Starts the workers on first use (lazily), or the fallback if they cannot start. */
  private start(): Connection[] {
    if (this.connections) return this.connections;
    try {
      const count = Math.max(1, Math.min(MAX_WORKERS, Math.floor(this.options.workers) || 1));
      const conns: Connection[] = [];
      this.connections = conns;
      for (let i = 0; i < count; i++) conns.push(this.connect(this.options.createWorker()));
    } catch (e) {
      this.useFallback(`workers unavailable: ${e instanceof Error ? e.message : String(e)}`);
    }
    return this.connections!;
  }

  private connect(endpoint: Endpoint): Connection {
    const conn: Connection = new Connection(endpoint,
      (ms) => this.workerFailed(conn, `the engine worker stopped answering (silent for ${(ms / 1000).toFixed(1)} s)`),
      () => this.workerFailed(conn, 'the engine worker closed'));
    (endpoint as Partial<Worker>).addEventListener?.('error' as 'message', ((event: Event) => {
      event.preventDefault?.();
      this.workerFailed(conn, (event as ErrorEvent).message || 'the engine worker failed to start or crashed');
    }) as never);
    return conn;
  }

  /** A worker failed: its requests fail (to be re-run by their callers) and it is replaced. */
  private workerFailed(conn: Connection, reason: string): void {
    const slot = this.connections?.indexOf(conn) ?? -1;
    conn.release();
    if (slot < 0 || this.fallbackReason !== undefined) {
      conn.failAll(new EngineError('worker-failed', reason));
      return;
    }
    if (this.respawns >= RESPAWNS) {
      conn.failAll(new EngineError('worker-failed', reason));
      this.useFallback(`the engine worker failed ${this.respawns + 1} times (${reason})`);
      return;
    }
    this.respawns++;
    try {
      this.connections![slot] = this.connect(this.options.createWorker());
    } catch (e) {
      conn.failAll(new EngineError('worker-failed', reason));
      this.useFallback(`workers unavailable: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    // Reject only once the replacement is in place, so a caller that re-runs at once reaches it.
    conn.failAll(new EngineError('worker-failed', reason));
    this.options.onRespawn?.(reason);
  }

  private useFallback(reason: string): void {
    if (this.fallbackReason !== undefined) return;
    this.fallbackReason = reason;
    const old = this.connections ?? [];
    this.connections = [new Connection(this.options.createFallback())];
    // Requests the workers still held fail now (and are re-run on the main thread by their
    // callers) rather than waiting for ever on a terminated worker.
    for (const c of old) {
      c.release();
      c.failAll(new EngineError('worker-failed', reason));
    }
    this.options.onFallback?.(reason);
  }

  /** Sends one request to the first worker. */
  request<T extends RequestType>(type: T, params: ParamsOf<T>, options?: RequestOptions): Promise<ResultOf<T>> {
    return this.start()[0]!.request(type, params, options);
  }

  /**
   * The pointwise convolution of a whole H×W×Cin input, split by image rows across the
   * workers. `input` and `weights` are only read (each worker gets copies).
   */
  async forward(
    params: Omit<ForwardParams, 'input' | 'weights'> & { input: Float32Array; weights: Float32Array },
    options: { signal?: AbortSignal | undefined; onProgress?: ((fraction: number) => void) | undefined } = {},
  ): Promise<{ output: Float32Array; computeMs: number; workers: number; absMax: number; nonFinite: number }> {
    const conns = this.start();
    const { height, width, inChannels: cin, outChannels: cout } = params;
    // A small job is faster on one worker than split: the messages would cost more than the work.
    const splitMin = this.options.splitMinMultiplyAdds ?? SPLIT_MIN_MULTIPLY_ADDS;
    const parts = height * width * cin * cout < splitMin ? 1 : Math.min(conns.length, height);
    const bounds = Array.from({ length: parts + 1 }, (_, i) => Math.round((i * height) / parts));
    const progress = new Array<number>(parts).fill(0);
    const jobs = conns.slice(0, parts).map(async (conn, i) => {
      const r0 = bounds[i]!, r1 = bounds[i + 1]!;
      // The first band's worker returns the whole map with its rows filled in.
      const placement = i === 0 && parts > 1 ? { totalRows: height, rowOffset: 0 } : undefined;
      const key = params.cacheKey === undefined ? undefined : `${params.cacheKey}#${r0}-${r1}`;
      const request = {
        signal: options.signal,
        onProgress: (f: number) => {
          progress[i] = f * (r1 - r0);
          options.onProgress?.(progress.reduce((s, v) => s + v, 0) / height);
        },
      };
      const band = { ...params, height: r1 - r0, placement, cacheKey: key };
      const send = async () => {
        const bias = params.bias?.slice();
        // A large layer's band is tens of megabytes: copied a slice at a time, so the page
        // never stops for longer than a frame (128×128×1024 took one 112 ms task).
        // Each copy in a task of its own (with two workers: four copies of up to 8 MB, which
        // took 27–36 ms at 4× CPU in the task that brought the layer's data).
        await yieldTask();
        const input = await copyInSteps(params.input, r0 * width * cin, r1 * width * cin, options.signal);
        await yieldTask();
        const weights = await copyInSteps(params.weights, 0, params.weights.length, options.signal);
        const transfer: Transferable[] = [input.buffer, weights.buffer];
        if (bias) transfer.push(bias.buffer);
        conn.sentKey = key;
        return conn.request('forward', { ...band, input, weights, bias }, { ...request, transfer, silenceMs: LIVELY_SILENT_MS });
      };
      if (key === undefined || conn.sentKey !== key) return send();
      // The worker holds this band already: send only the flags (and the small bias); if it
      // no longer does (a new worker), the band goes again with its data. (The transport's own
      // resend: importing session/recovery here costs the start-up bundle a split into six
      // small chunks under rolldown, 0.7 KB gzip over the embed budget.)
      try {
        const bias = params.bias?.slice();
        return await conn.request('forward', { ...band, input: undefined, weights: undefined, bias }, { ...request, transfer: bias ? [bias.buffer] : [], silenceMs: LIVELY_SILENT_MS });
      } catch (e) {
        if (e instanceof EngineError && e.code === 'cache-miss') return send();
        throw e;
      }
    });
    const results = await Promise.all(jobs);
    const absMax = Math.max(...results.map((r) => r.absMax));
    const nonFinite = results.reduce((n, r) => n + r.nonFinite, 0);
    if (results.length === 1) return { output: results[0]!.output, computeMs: results[0]!.computeMs, workers: 1, absMax, nonFinite };
    const output = results[0]!.output;
    for (let i = 1; i < results.length; i++) await setInSteps(output, results[i]!.output, bounds[i]! * width * cout, options.signal);
    // The page draws the output in the task after the join (a large layer's join is 8 ms).
    if (output.length > COPY_STEP) await yieldTask();
    return { output, computeMs: Math.max(...results.map((r) => r.computeMs)), workers: results.length, absMax, nonFinite };
  }

  /**
   * Links the first two workers so that a model's convolutions are split between them (see
   * worker/peer.ts); again after a worker was replaced. False with one worker or none.
   */
  async linkPeers(): Promise<boolean> {
    const conns = this.start();
    if (this.isFallback || conns.length < 2) return false;
    if (this.linked === conns[0]!.endpoint && this.linkedHelper === conns[1]!.endpoint) return true;
    const channel = new MessageChannel();
    await Promise.all([
      conns[1]!.request('peerLink', { port: channel.port2, role: 'help' }, { transfer: [channel.port2] }),
      conns[0]!.request('peerLink', { port: channel.port1, role: 'lead' }, { transfer: [channel.port1] }),
    ]);
    this.linked = conns[0]!.endpoint;
    this.linkedHelper = conns[1]!.endpoint;
    return true;
  }

  private linked: Endpoint | undefined;
  private linkedHelper: Endpoint | undefined;

  dispose(): void {
    for (const c of this.connections ?? []) {
      c.failAll(new EngineError('cancelled', 'client disposed'));
      c.release();
    }
    this.connections = undefined;
  }
}
