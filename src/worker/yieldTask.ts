/**
 * Lets queued tasks run (a cancel message, a frame, an input event) before the caller goes on:
 * a MessageChannel round trip, since timers are clamped to 4 ms or more after a few nestings.
 * Used by the worker between chunks and by the page between slices of work.
 */
export function yieldTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
