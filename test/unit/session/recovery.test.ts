import { describe, expect, it } from 'vitest';
import { abortError, errorMessage, isAbortError, isRetryable, withRecovery } from '../../../src/session/recovery';
import { EngineError } from '../../../src/worker/connection';

/** A job that fails with `failures` in turn, then answers with the attempt it succeeded on. */
function flaky(failures: unknown[]) {
  const calls: number[] = [];
  const job = (attempt: number) => {
    calls.push(attempt);
    const f = failures.shift();
    return f === undefined ? Promise.resolve(`ok on ${attempt}`) : Promise.reject(f);
  };
  return { job, calls };
}

const died = () => new EngineError('worker-failed', 'the engine worker closed');

describe('withRecovery: the one recovery policy', () => {
  it('runs a job again after its worker died, counting the attempts', async () => {
    const { job, calls } = flaky([died(), died()]);
    await expect(withRecovery(job, { retries: 3 })).resolves.toBe('ok on 2');
    expect(calls).toEqual([0, 1, 2]);
  });

  it('gives up after `retries` more attempts with the failure it met, message intact', async () => {
    const { job, calls } = flaky([died(), died(), died(), died(), died()]);
    const e = await withRecovery(job, { retries: 3 }).catch((x: unknown) => x);
    expect(calls).toEqual([0, 1, 2, 3]);
    expect(e).toBeInstanceOf(EngineError);
    expect(errorMessage(e)).toBe('the engine worker closed');
    expect(isRetryable(e)).toBe(true);
  });

  it('does not retry what a new worker would not fix (a refused request, an engine error)', async () => {
    const { job, calls } = flaky([new EngineError('bad-request', 'tensor too large')]);
    await expect(withRecovery(job, { retries: 3 })).rejects.toMatchObject({ code: 'bad-request', message: 'tensor too large' });
    expect(calls).toEqual([0]);
  });

  it('honours an abort: no retry once the signal is aborted, and the job ends with an AbortError', async () => {
    const controller = new AbortController();
    let runs = 0;
    const job = () => {
      runs++;
      controller.abort();
      return Promise.reject(died());
    };
    const e = await withRecovery(job, { retries: 3, signal: controller.signal }).catch((x: unknown) => x);
    expect(runs).toBe(1);
    expect(isAbortError(e)).toBe(true);
  });

  it('passes an AbortError through as it came and never retries it', async () => {
    const { job, calls } = flaky([abortError()]);
    const e = await withRecovery(job, { retries: 3 }).catch((x: unknown) => x);
    expect(isAbortError(e)).toBe(true);
    expect(calls).toEqual([0]);
  });

  it('resends before the next attempt on the codes asked for (a worker that lost the model: cache-miss)', async () => {
    const { job, calls } = flaky([new EngineError('cache-miss', 'no model m#1')]);
    const resent: [string, number][] = [];
    const r = await withRecovery(job, {
      retries: 1, retryOn: ['cache-miss', 'worker-failed'],
      beforeRetry: (e, attempt) => { resent.push([errorMessage(e), attempt]); },
    });
    expect(r).toBe('ok on 1');
    expect(calls).toEqual([0, 1]);
    expect(resent).toEqual([['no model m#1', 1]]);
  });

  it('ends the job when the resend itself fails, with the resend’s failure', async () => {
    const { job, calls } = flaky([new EngineError('cache-miss', 'no model')]);
    const e = await withRecovery(job, {
      retries: 1, retryOn: ['cache-miss'],
      beforeRetry: () => Promise.reject(new EngineError('engine-error', 'bad-model')),
    }).catch((x: unknown) => x);
    expect(calls).toEqual([0]);
    expect(errorMessage(e)).toBe('bad-model');
  });

  it('an abort during the resend stops before the next attempt', async () => {
    const controller = new AbortController();
    const { job, calls } = flaky([died()]);
    const e = await withRecovery(job, { retries: 2, signal: controller.signal, beforeRetry: () => controller.abort() }).catch((x: unknown) => x);
    expect(calls).toEqual([0]);
    expect(isAbortError(e)).toBe(true);
  });

  it('makes the abort error in one place (the worker connection); the session re-exports the same functions', async () => {
    const client = await import('../../../src/worker/connection');
    expect(client.abortError).toBe(abortError);
    expect(client.isAbortError).toBe(isAbortError);
    expect(client.isRetryable).toBe(isRetryable);
    expect(abortError().name).toBe('AbortError');
    expect(isRetryable(new Error('plain'))).toBe(false);
    expect(errorMessage('text')).toBe('text');
  });
});
