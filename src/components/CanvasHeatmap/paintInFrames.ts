/** Time one animation frame may spend painting, so that painting never blocks the main thread. */
const PAINT_BUDGET_MS = 8;
/** While a long paint goes on, what is painted so far is shown this often. */
const SHOW_EVERY_MS = 100;

/**
 * Paints an image in pieces, a frame's budget at a time starting with the next frame.
 * `paintSome(until)` paints pieces into an off-screen image until it is done or
 * `performance.now()` passes `until`, and says whether it is done; `show(complete)` puts the image
 * on the canvas: when it is complete, and every SHOW_EVERY_MS before that, so a long paint fills
 * in visibly. Not every frame: each frame in which a canvas changes, the browser copies all of
 * it to the compositor (≈ 12 ms for the output grid without a GPU), however few pixels changed.
 * Returns a cancel (for an effect's cleanup: newer data stops the rest).
 */
export function paintInFrames(paintSome: (until: number) => boolean, show: (complete: boolean) => void): () => void {
  let frame = 0;
  let shown = performance.now();
  const run = () => {
    const now = performance.now();
    const done = paintSome(now + PAINT_BUDGET_MS);
    if (done || now - shown >= SHOW_EVERY_MS) {
      show(done);
      shown = now;
    }
    if (!done) frame = requestAnimationFrame(run);
  };
  frame = requestAnimationFrame(run);
  return () => cancelAnimationFrame(frame);
}
