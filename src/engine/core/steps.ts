/**
 * Long engine jobs written as generators: they `yield` between pieces of work (a group of
 * channels, a band of rows) so a caller on the main thread can let the page breathe between
 * them; a worker simply runs them through with runSteps.
 */

/** A job that yields (nothing) between pieces of work and returns T at the end. */
export type Steps<T> = Generator<void, T, void>;

/** Runs a job through without pausing. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
