/**
 * The engine client for requests that views make themselves (concept pages, the model, the
 * student's files, the Train page): set once at start-up (see start.ts), so views need not
 * know how workers are made.
 */
import type { EngineClient } from '../worker/client';
import type { RequestOptions } from '../worker/connection';
import type { ParamsOf, RequestType, ResultOf } from '../worker/protocol';

let current: EngineClient | null = null;

export function setEngineClient(client: EngineClient | null): void {
  current = client;
}

/** Sends one request to the engine; rejects if no client was set. */
export function engineRequest<T extends RequestType>(type: T, params: ParamsOf<T>, options?: RequestOptions): Promise<ResultOf<T>> {
  if (!current) return Promise.reject(new Error('the engine is not running'));
  return current.request(type, params, options);
}

/** Links the engine's first two workers for a model's convolutions (no-op with one worker). */
export function linkEnginePeers(): Promise<boolean> {
  return current ? current.linkPeers().catch(() => false) : Promise.resolve(false);
}

/** A failed reply (the worker's error code and message), for views that tell failures apart; the silence bound of a job that beats. */
export { EngineError, LIVELY_SILENT_MS } from '../worker/connection';
