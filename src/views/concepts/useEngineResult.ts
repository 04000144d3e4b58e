import { useEffect, useState } from 'react';
import { engineRequest } from '../../store/engine';
import { isAbortError, isRetryable } from '../../worker/client';
import type { ParamsOf, RequestType, ResultOf } from '../../worker/protocol';

export type EngineState<R> =
  | { readonly status: 'loading'; readonly result: R | null }
  | { readonly status: 'done'; readonly result: R }
  | { readonly status: 'error'; readonly result: R | null; readonly message: string };

/**
 * Runs `run` (engine requests) whenever `key` changes; a newer key aborts the older run and
 * its late answer is dropped. The last result stays on screen while the next one computes.
 */
export function useEngineResult<R>(key: string, run: (signal: AbortSignal) => Promise<R>): EngineState<R> {
  const [state, setState] = useState<EngineState<R>>({ status: 'loading', result: null });
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ status: 'loading', result: s.result }));
    // A job whose worker died runs again (on a new worker or the main thread), twice at most.
    const attempt = (left: number): Promise<R> => run(controller.signal).catch((e: unknown) => {
      if (left > 0 && isRetryable(e) && !controller.signal.aborted) return attempt(left - 1);
      throw e;
    });
    attempt(2).then(
      (result) => {
        if (!controller.signal.aborted) setState({ status: 'done', result });
      },
      (e: unknown) => {
        if (controller.signal.aborted || isAbortError(e)) return;
        setState((s) => ({ status: 'error', result: s.result, message: e instanceof Error ? e.message : String(e) }));
      },
    );
    return () => controller.abort();
    // `run` is rebuilt each render; `key` names what it computes, so only a new key reruns it.
  }, [key]);
  return state;
}

/** One engine request, abortable through `signal`. */
export function request<T extends RequestType>(type: T, params: ParamsOf<T>, signal: AbortSignal, transfer?: Transferable[]): Promise<ResultOf<T>> {
  return engineRequest(type, params, { signal, ...(transfer ? { transfer } : {}) });
}
