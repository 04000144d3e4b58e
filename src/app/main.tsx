/**
 * Start-up in two steps: this small chunk starts the engine workers and asks for the layer's
 * data at once; React and the views load meanwhile (a separate chunk) and render when ready.
 */
import { loadLanguage } from '../lib/i18n/t';
import { appStore } from '../store';
import { startSession } from '../session/start';
import { startUrlSync } from '../store/urlSync';

// The URL first, so the first layer the workers make is the one the link names.
startUrlSync(appStore);
startSession(appStore);

const { presentation } = appStore.getState();
if (presentation.embed) void import('./autoHeight').then((m) => m.startAutoHeight(presentation.id));

// React and the views load while the first layer is made; the page's language comes with them.
void Promise.all([import('./renderApp'), loadLanguage(appStore.getState().lang)]).then(([m]) => m.renderApp());

// Offline once loaded: the service worker precaches the build (production only; a frame
// whose storage is blocked simply goes without). Its precache (every file, ≈ 1.9 MB) waits for
// the first layer to be computed: on a phone's network it would take the bandwidth the first
// view needs.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const register = () => void navigator.serviceWorker.register('./sw.js').catch(() => {});
  const settled = () => ['idle', 'done', 'error'].includes(appStore.getState().job.status);
  addEventListener('load', () => {
    if (settled()) return register();
    const stop = appStore.subscribe(() => {
      if (!settled()) return;
      stop();
      register();
    });
  });
}
