/**
 * One worker's side of the conversation, as the page holds it: request ids, the pending
 * requests and their replies, the silence watchdog, and the errors a request can end with.
 */
import type { Endpoint, FromWorker, ParamsOf, RequestType, ResultOf, WorkerError } from './protocol';

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
export class Connection {
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

/** Whether a failed request is worth sending again: its worker died (a new one or the main thread now serves). */
export function isRetryable(e: unknown): boolean {
  return e instanceof EngineError && e.code === 'worker-failed';
}
