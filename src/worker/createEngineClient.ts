/** The app's engine client: real module workers, with the main-thread fallback. */
import { EngineClient, MAX_WORKERS } from './client';
import type { Endpoint } from './protocol';

/**
 * Runs the worker's handler on the main thread over a MessageChannel, in slices: a layer is
 * made in steps of about 10 ms and computed in chunks of 8·10⁶ multiply-adds (a few ms once
 * the kernels are compiled, and short enough before that), with the event loop free between
 * them, so the page never stops for 50 ms. The handler is loaded
 * only when needed: a port queues messages until it is started.
 */
export function mainThreadEndpoint(): Endpoint {
  const channel = new MessageChannel();
  void import('./handler').then(({ serve }) => {
    serve(channel.port2, { sliceMs: 10, chunkMultiplyAdds: 8e6 });
    channel.port2.start();
  });
  return channel.port1;
}

/**
 * Workers for a machine with `cores` logical cores: one core is left for the page, at least
 * two workers where there are two cores (one worker would double the time, and the page
 * does little while they compute: no task of 50 ms, browser-tested), and MAX_WORKERS at most
 * (past that, the copies of the weights and the joining cost more than the rows save).
 */
export function workersFor(cores: number): number {
  const n = Math.floor(cores) || 1;
  return n <= 1 ? 1 : Math.max(2, Math.min(MAX_WORKERS, n - 1));
}

export function createEngineClient(onFallback?: (reason: string) => void): EngineClient {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 1 : 1;
  return new EngineClient({
    workers: workersFor(cores),
    createWorker: () => {
      if (typeof Worker === 'undefined') throw new Error('this browser has no Web Workers');
      return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'pointwise-engine' });
    },
    createFallback: mainThreadEndpoint,
    ...(onFallback ? { onFallback } : {}),
  });
}
