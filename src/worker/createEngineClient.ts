/** The app's engine client: real module workers, with the main-thread fallback. */
import { EngineClient } from './client';
import type { Endpoint } from './protocol';

/**
 * Runs the worker's handler on the main thread over a MessageChannel (chunked, yielding).
 * The handler is loaded only when needed: a port queues messages until it is started.
 */
export function mainThreadEndpoint(): Endpoint {
  const channel = new MessageChannel();
  void import('./handler').then(({ serve }) => {
    serve(channel.port2);
    channel.port2.start();
  });
  return channel.port1;
}

export function createEngineClient(onFallback?: (reason: string) => void): EngineClient {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 1 : 1;
  return new EngineClient({
    workers: cores >= 2 ? 2 : 1,
    createWorker: () => {
      if (typeof Worker === 'undefined') throw new Error('this browser has no Web Workers');
      return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'pointwise-engine' });
    },
    createFallback: mainThreadEndpoint,
    ...(onFallback ? { onFallback } : {}),
  });
}
