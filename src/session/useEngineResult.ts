import { useEffect, useRef, useState } from 'react';
import type { ParamsOf, RequestType, ResultOf } from '../worker/protocol';
import { engineRequest } from './engine';
import { errorMessage, isAbortError, withRecovery } from './recovery';

export type EngineState<R> =
  | { readonly status: 'loading'; readonly result: R | null }
  | { readonly status: 'done'; readonly result: R }
  | { readonly status: 'error'; readonly result: R | null; readonly message: string };

/**
 * Runs `run` (engine requests) whenever `key` changes; a newer key aborts the older run and
 * its late answer is dropped. The last result stays on screen while the next one computes.
 */
export function useEngineResult<R>(key: string, run: (signal: AbortSignal) => Promise<R>): EngineState<R> {
  // The state remembers which key it answers; a newer key reads as loading until its answer.
  const [state, setState] = useState<{ key: string | null; state: EngineState<R> }>({ key: null, state: { status: 'loading', result: null } });
  // `run` is rebuilt each render; the effect reads the latest one, and only a new key reruns it.
  const latestRun = useRef(run);
  useEffect(() => {
    latestRun.current = run;
  });
  useEffect(() => {
    const controller = new AbortController();
    // A job whose worker died runs again (on a new worker or the main thread), twice at most.
    withRecovery(() => latestRun.current(controller.signal), { retries: 2, signal: controller.signal }).then(
      (result) => {
        if (!controller.signal.aborted) setState({ key, state: { status: 'done', result } });
      },
      (e: unknown) => {
        if (controller.signal.aborted || isAbortError(e)) return;
        setState((s) => ({ key, state: { status: 'error', result: s.state.result, message: errorMessage(e) } }));
      },
    );
    return () => controller.abort();
  }, [key]);
  return state.key === key ? state.state : { status: 'loading', result: state.state.result };
}

/** One engine request, abortable through `signal`. */
export function request<T extends RequestType>(type: T, params: ParamsOf<T>, signal: AbortSignal, transfer?: Transferable[]): Promise<ResultOf<T>> {
  return engineRequest(type, params, { signal, ...(transfer ? { transfer } : {}) });
}
