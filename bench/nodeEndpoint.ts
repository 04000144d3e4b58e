/** Adapts Node's worker_threads to the protocol's Endpoint, so the benchmark drives the app's own client. */
import type { MessagePort, Worker } from 'node:worker_threads';
import type { Endpoint } from '../src/worker/protocol';

export function nodeEndpoint(port: Worker | MessagePort): Endpoint & { terminate?: () => void } {
  const listeners = new Map<(e: MessageEvent) => void, (data: unknown) => void>();
  return {
    postMessage: (message, transfer) => port.postMessage(message, (transfer ?? []) as never),
    addEventListener: (type: string, listener) => {
      const wrapped = type === 'message' ? (data: unknown) => listener({ data } as MessageEvent) : (error: unknown) => { throw error; };
      listeners.set(listener, wrapped);
      port.on(type, wrapped);
    },
    removeEventListener: (type: string, listener) => {
      const wrapped = listeners.get(listener);
      if (wrapped) port.off(type, wrapped);
    },
    ...('terminate' in port ? { terminate: () => void port.terminate() } : {}),
  };
}
