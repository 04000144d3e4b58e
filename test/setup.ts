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

// Prediction questions (#29) hold their reveals until the student answers. The component tests
// check the reveals, so they start as a student who chose "show answers at once"; the quiz's own
// tests (unit and browser) ask.
if (typeof localStorage !== 'undefined') localStorage.setItem('pointwise.quiz.v1', JSON.stringify({ mode: 'show', pages: {} }));
// The questions' chunk, loaded once here, so a page's first render in a test does not wait for it.
if (typeof document !== 'undefined') await (await import('../src/views/predict/Predict')).preloadPredict();
