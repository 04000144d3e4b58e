/** Vitest set-up: both UI dictionaries, which the app loads before its first render, are loaded for every test. */
import { loadLanguage } from '../src/lib/i18n/t';

await Promise.all([loadLanguage('en'), loadLanguage('ko')]);

// jsdom lays nothing out, so it has no ResizeObserver: one that never reports (sizes stay 0,
// as jsdom measures them) lets the components that watch their size mount.
if (typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  } as unknown as typeof ResizeObserver;
}
