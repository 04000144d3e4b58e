/**
 * The main-thread side of the protocol: starts the engine workers lazily, numbers requests,
 * keeps the pending ones in a Map, drops replies nobody waits for any more, and splits a
 * forward pass across its workers by image rows (as many as the machine has cores for).
 *
 * Without SharedArrayBuffer (embedding pages are rarely cross-origin isolated), each worker
 * gets its own copy of its rows and of the weights, transferred rather than cloned.
 */
import type { Endpoint, ForwardParams, FromWorker, ParamsOf, RequestType, ResultOf, WorkerError } from './protocol';
import { yieldTask } from './yieldTask';

/** Below this many multiply-adds a forward pass runs on one worker. */
const SPLIT_MIN_MULTIPLY_ADDS = 4_000_000;
/** The most workers a forward pass is split over. */
export const MAX_WORKERS = 8;
/** A worker that fails is started again this many times before the engine moves to the main thread. */
const RESPAWNS = 2;

/** A reply that failed: the worker's error code and message. */
export class EngineError extends Error {
  readonly code: WorkerError['code'] | 'worker-failed';
  constructor(code: EngineError['code'], message: string) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}

export interface RequestOptions {
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((fraction: number) => void) | undefined;
  readonly transfer?: Transferable[] | undefined;
  /**
   * How long the worker may stay silent (no reply, no progress) before it is taken for dead:
   * SILENT_MS unless the job says otherwise (a forward pass reports progress every chunk).
   */
  readonly silenceMs?: number | undefined;
}

/**
 * A worker silent this long while it owes an answer is taken for dead (closed by the
 * browser, out of memory, or killed): generous, since a large single-step job (the photo
 * layer of a 128×128×2048 layer) takes about a second here and may take ten on a slow phone.
 */
export const SILENT_MS = 30_000;
/**
 * A job that says it is alive at least every half second (a forward pass by its progress after
 * every chunk of ≈ 50 ms here, the photo layer by its heartbeat) is dead after three seconds of
 * silence. A worker that closes or crashes is known at once by its Web Lock (see watchLock).
 */
export const LIVELY_SILENT_MS = 3_000;


interface Pending {
  resolve: (value: never) => void;
  reject: (reason: unknown) => void;
  onProgress?: ((fraction: number) => void) | undefined;
  silenceMs: number;
}

/** One endpoint (a worker, or the main-thread fallback) with its pending requests. */
class Connection {
  private readonly pending = new Map<number, Pending>();
  /** The cacheKey of the last layer data this connection's worker was sent. */
  sentKey: string | undefined;
  /** When the worker was last heard from, or last given work while idle. */
  private heardAt = 0;
  private watchdog: ReturnType<typeof setInterval> | undefined;
  private static nextId = 1;
  /** Whether the worker has said anything yet (a worker script sends `alive` when it starts). */
  private booted = false;
  /** Set once the page itself let the worker go (terminated it): its lock's release is no news. */
  private released = false;
  /**
   * `onSilent` is called once when a request has waited too long without a word (no watchdog
   * without it); `onClosed` when the worker's Web Lock is released, that is when it died.
   */
  constructor(readonly endpoint: Endpoint, private readonly onSilent?: (silentMs: number) => void, private readonly onClosed?: () => void) {
    endpoint.addEventListener('message', (event: MessageEvent) => {
      this.heardAt = Date.now();
      this.booted = true;
      this.receive(event.data as FromWorker);
    });
    (endpoint as { start?: () => void }).start?.();
  }

  /** Terminates the worker; its death is then expected, not reported. */
  release(): void {
    this.released = true;
    this.unwatch();
    (this.endpoint as Partial<Worker>).terminate?.();
  }

  /**
   * Asks for the lock the worker holds while it lives: the browser grants it when the worker
   * closes itself, is killed or crashes, whether or not a request is pending.
   */
  private watchLock(name: string): void {
    const locks = typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { locks?: LockManager }).locks;
    if (!locks || !this.onClosed) return;
    locks.request(name, () => {
      if (!this.released) this.onClosed!();
    }).catch(() => {});
  }

  /** Checks twice a second, while requests are pending, that the worker still speaks. */
  private watch(): void {
    if (!this.onSilent || this.watchdog !== undefined) return;
    this.watchdog = setInterval(() => {
      if (this.pending.size === 0) return this.unwatch();
      // Until the worker has said it is up, its script may still be downloading on a slow
      // network: the short limits start with its first word.
      const limit = Math.max(...[...this.pending.values()].map((p) => (this.booted ? p.silenceMs : Math.max(p.silenceMs, SILENT_MS))));
      const silent = Date.now() - this.heardAt;
      if (silent > limit) {
        this.unwatch();
        this.onSilent!(silent);
      }
    }, 500);
  }

  private unwatch(): void {
    if (this.watchdog !== undefined) clearInterval(this.watchdog);
    this.watchdog = undefined;
  }

  request<T extends RequestType>(type: T, params: ParamsOf<T>, options: RequestOptions = {}): Promise<ResultOf<T>> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(abortError());
    const id = Connection.nextId++;
    return new Promise<ResultOf<T>>((resolve, reject) => {
      const onAbort = () => {
        if (!this.pending.delete(id)) return;
        this.endpoint.postMessage({ id, type: 'cancel' });
        reject(abortError());
      };
      // An idle worker's clock starts with its new work.
      if (this.pending.size === 0) this.heardAt = Date.now();
      this.pending.set(id, {
        resolve: ((value: ResultOf<T>) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(value);
        }) as (value: never) => void,
        reject: (reason) => {
          signal?.removeEventListener('abort', onAbort);
          reject(reason);
        },
        onProgress: options.onProgress,
        silenceMs: options.silenceMs ?? SILENT_MS,
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      this.endpoint.postMessage({ id, type, params }, options.transfer ?? []);
      this.watch();
    });
  }

  /** Fails every pending request, e.g. when the worker died. */
  failAll(error: EngineError): void {
    this.unwatch();
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  private receive(msg: FromWorker): void {
    if ('alive' in msg) {
      if (msg.lock !== undefined) this.watchLock(msg.lock);
      return;
    }
    const p = this.pending.get(msg.id);
    if (!p) return; // superseded or cancelled: its late reply is dropped
    if ('progress' in msg) {
      p.onProgress?.(msg.progress);
      return;
    }
    this.pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.result as never);
    else p.reject(new EngineError(msg.error.code, msg.error.message));
  }
}

/** The error every superseded or cancelled request ends with (the one place it is made; src/session/recovery re-exports it). */
export function abortError(): DOMException {
  return new DOMException('superseded by a newer request', 'AbortError');
}

export function isAbortError(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

/** Floats copied in one step of copyInSteps: 2 M (8 MB), about 4 ms. */
const COPY_STEP = 1 << 21;

/** A copy of src[start, end), made COPY_STEP floats at a time with a yield between steps. */
export async function copyInSteps(src: Float32Array, start: number, end: number, signal?: AbortSignal): Promise<Float32Array> {
  if (end - start <= COPY_STEP) return src.slice(start, end);
  const out = new Float32Array(end - start);
  for (let o = start; o < end; o += COPY_STEP) {
    if (o > start) {
      await yieldTask();
      if (signal?.aborted) throw abortError();
    }
    out.set(src.subarray(o, Math.min(end, o + COPY_STEP)), o - start);
  }
  return out;
}

/** dst.set(src, offset), COPY_STEP floats at a time with a yield between steps. */
export async function setInSteps(dst: Float32Array, src: Float32Array, offset: number, signal?: AbortSignal): Promise<void> {
  for (let o = 0; o < src.length; o += COPY_STEP) {
    if (o > 0) {
      await yieldTask();
      if (signal?.aborted) throw abortError();
    }
    dst.set(src.subarray(o, Math.min(src.length, o + COPY_STEP)), offset + o);
  }
}

/** Whether a failed request is worth sending again: its worker died (a new one or the main thread now serves). */
export function isRetryable(e: unknown): boolean {
  return e instanceof EngineError && e.code === 'worker-failed';
}

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
        const input = await copyInSteps(params.input, r0 * width * cin, r1 * width * cin, options.signal);
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
