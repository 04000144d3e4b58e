/** Time one animation frame may spend painting, so that painting never blocks the main thread. */
const PAINT_BUDGET_MS = 8;

/**
 * Runs `paintSome` once per animation frame, starting with the next one, until it returns true.
 * `paintSome(until)` paints pieces until it is done or `performance.now()` passes `until`, puts
 * back what it painted, and says whether it is done. Returns a cancel (for an effect's cleanup:
 * newer data stops the rest).
 */
export function paintInFrames(paintSome: (until: number) => boolean): () => void {
  let frame = 0;
  const run = () => {
    if (!paintSome(performance.now() + PAINT_BUDGET_MS)) frame = requestAnimationFrame(run);
  };
  frame = requestAnimationFrame(run);
  return () => cancelAnimationFrame(frame);
}
