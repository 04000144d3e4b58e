/**
 * The worker side of the protocol: answers each request with its job from the table in
 * jobs.ts, and says which buffers to transfer. It has no worker globals of its own, so tests
 * run it over a MessageChannel in Node and the client can run it on the main thread when no
 * worker can start.
 */
import { checkpointFor, JOBS as JOBS_BY_NAME, runJob, type JobContext, type ServeOptions } from './jobs';
import { LayerRuntime } from './layerJobs';
import { CacheMiss, Cancelled, RequestError } from './requestChecks';
import { yieldTask } from './yieldTask';
import type { Endpoint, FromWorker, ToWorker } from './protocol';

export { MAX_VALUES, RequestError } from './requestChecks';
export { runForward, runGenerate, runLearnedWeights, generateSteps, validateForward, type LoadedForward } from './layerJobs';
export { JOBS, type ServeOptions } from './jobs';

/**
 * A worker running a long job says it is alive at least this often (a forward pass by its
 * progress, the photo layer and a re-train by a heartbeat between their steps), so that the
 * page can take three seconds of silence for death (client.ts).
 */
export const HEARTBEAT_MS = 250;

/** Buffers to transfer (not copy) back to the main thread. */
function transferables(result: object): Transferable[] {
  return Object.values(result)
    .filter((v): v is Float32Array | Float64Array => ArrayBuffer.isView(v) && !(v instanceof DataView))
    .map((v) => v.buffer as ArrayBuffer);
}

/** Answers requests arriving at `endpoint` until the endpoint goes away. */
export function serve(endpoint: Endpoint, options: ServeOptions = {}): void {
  const cancelled = new Set<number>();
  const layer = new LayerRuntime();
  const reply = (message: FromWorker, transfer: Transferable[] = []) => endpoint.postMessage(message, transfer);
  let beatAt = 0;
  const every = options.heartbeatMs;
  const beat = every === undefined ? undefined : () => {
    const now = performance.now();
    if (now - beatAt < every) return;
    beatAt = now;
    reply({ id: 0, alive: true });
  };
  endpoint.addEventListener('message', (event: MessageEvent) => {
    const msg = event.data as ToWorker;
    if (!msg || typeof msg !== 'object' || typeof msg.id !== 'number') return;
    if (msg.type === 'cancel') {
      cancelled.add(msg.id);
      return;
    }
    void (async () => {
      try {
        // Let a cancel already queued behind this request be seen before any work starts.
        await yieldTask();
        if (cancelled.has(msg.id)) throw new Cancelled();
        if (typeof msg.type !== 'string' || !Object.hasOwn(JOBS_BY_NAME, msg.type)) throw new RequestError(`unknown request type ${String((msg as { type: unknown }).type)}`);
        const isCancelled = () => cancelled.has(msg.id);
        const ctx: JobContext = {
          options, layer, isCancelled, beat,
          progress: (progress) => reply({ id: msg.id, progress }),
          checkpoint: checkpointFor(isCancelled),
        };
        const result = await runJob(msg.type, msg.params, ctx);
        reply({ id: msg.id, ok: true, result }, transferables(result));
      } catch (e) {
        const code = e instanceof Cancelled ? 'cancelled' : e instanceof CacheMiss ? 'cache-miss' : e instanceof RequestError ? 'bad-request' : 'engine-error';
        reply({ id: msg.id, ok: false, error: { code, message: e instanceof Error ? e.message : String(e) } });
      } finally {
        cancelled.delete(msg.id);
      }
    })();
  });
}
