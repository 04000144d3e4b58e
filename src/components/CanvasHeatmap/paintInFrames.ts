/** Time one animation frame may spend painting, so that painting never blocks the main thread. */
const PAINT_BUDGET_MS = 8;

/**
 * Paints an image in pieces, a frame's budget at a time starting with the next frame, then
 * shows it once. `paintSome(until)` paints pieces into an off-screen image until it is done or
 * `performance.now()` passes `until`, and says whether it is done; `show()` then puts the whole
 * image on the canvas. Putting it once matters as much as the budget: every frame in which a
 * canvas changes, the browser copies all of it to the compositor (≈ 12 ms for the output grid
 * without a GPU), however few of its pixels changed.
 * Returns a cancel (for an effect's cleanup: newer data stops the rest).
 */
export function paintInFrames(paintSome: (until: number) => boolean, show: () => void): () => void {
  let frame = 0;
  const run = () => {
    if (paintSome(performance.now() + PAINT_BUDGET_MS)) show();
    else frame = requestAnimationFrame(run);
  };
  frame = requestAnimationFrame(run);
  return () => cancelAnimationFrame(frame);
}
