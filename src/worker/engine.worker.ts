/**
 * The engine's web worker (a module worker). Everything it does lives in handler.ts; this
 * file only connects it to the worker's global scope. Compiled against the WebWorker lib
 * (tsconfig.worker.json), so touching `document` here fails to type-check.
 */
import { HEARTBEAT_MS, serve } from './handler';
import type { AliveMessage, Endpoint } from './protocol';

const endpoint = self as unknown as Endpoint;
serve(endpoint, { heartbeatMs: HEARTBEAT_MS });
holdAliveLock();

/**
 * Holds a Web Lock of its own for the worker's whole life and tells the page its name: the
 * browser releases it when the worker closes itself, is terminated or crashes, and the page,
 * waiting for the same lock, learns of the death at once instead of after a silence. Where
 * Web Locks are missing or refused (an insecure or opaque origin) the page's silence watchdog
 * alone keeps watch.
 */
function holdAliveLock(): void {
  const locks = self.navigator.locks as LockManager | undefined;
  if (!locks) {
    endpoint.postMessage({ id: 0, alive: true } satisfies AliveMessage);
    return;
  }
  const name = `pointwise-engine ${Date.now().toString(36)} ${Math.random().toString(36).slice(2)}`;
  locks.request(name, () => {
    endpoint.postMessage({ id: 0, alive: true, lock: name } satisfies AliveMessage);
    return new Promise<never>(() => {});
  }).catch(() => endpoint.postMessage({ id: 0, alive: true } satisfies AliveMessage));
}
