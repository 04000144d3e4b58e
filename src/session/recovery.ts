/**
 * The one recovery policy for the page's requests to the engine: a job whose worker died runs
 * again (the client has started a new worker, or moved to the main thread), a job the worker
 * cannot serve from what it holds ('cache-miss') is sent again with its data, an abort is never
 * retried, and after the last attempt the job gives up with the failure it met.
 *
 * Used by the layer sync, concept jobs and the model session; the views take the abort and
 * retry tests from here too.
 */

import { abortError, isAbortError, isRetryable } from '../worker/connection';

/** Made in one place, the client (which aborts superseded requests); re-exported for the session and views. */
export { abortError, isAbortError, isRetryable };

/** Whether `e` is an engine failure with one of `codes` (EngineError carries a code). */
export function hasCode(e: unknown, codes: readonly string[]): boolean {
  return e instanceof Error && 'code' in e && typeof e.code === 'string' && codes.includes(e.code);
}

/** What the student reads when a job gives up. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export interface Recovery {
  /** How many times the job may run again after a failure it can recover from. */
  readonly retries: number;
  /** Aborting it stops the retries: the job ends with an AbortError. */
  readonly signal?: AbortSignal | undefined;
  /** The failure codes worth another run (by default, only a worker that died). */
  readonly retryOn?: readonly string[];
  /** Runs before each new attempt (e.g. sends the model again); its failure ends the job. */
  readonly beforeRetry?: (failure: unknown, attempt: number) => Promise<void> | void;
}

const WORKER_DIED = ['worker-failed'] as const;

/**
 * Runs `job(attempt)` (attempt 0, 1, …) until it succeeds, fails with something not worth
 * retrying, or has used `retries` more attempts; then the last failure is thrown as it came.
 */
export async function withRecovery<T>(job: (attempt: number) => Promise<T>, policy: Recovery): Promise<T> {
  const { signal, retries, retryOn = WORKER_DIED, beforeRetry } = policy;
  for (let attempt = 0; ; attempt++) {
    try {
      return await job(attempt);
    } catch (e) {
      if (isAbortError(e)) throw e;
      if (signal?.aborted) throw abortError();
      if (attempt >= retries || !hasCode(e, retryOn)) throw e;
      await beforeRetry?.(e, attempt + 1);
      if (signal?.aborted) throw abortError();
    }
  }
}
