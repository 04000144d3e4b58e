/**
 * Embed mode's side of the iframe contract: post `{ type: 'pointwise:resize', v: 1, id,
 * height }` to the parent on load and whenever the document's height changes, at most once a
 * frame. The app sends only this message and accepts no commands from the parent.
 */
export const RESIZE_MESSAGE = 'pointwise:resize';

/** How long the first message waits for the view before it sends the page's height anyway. */
const RENDER_WAIT_MS = 8000;

/**
 * True once the page shows its view, not the loading shell: the main region is there, no
 * lazy part is still a "Loading…" line, and the layer's status (where there is one) is done
 * or has failed.
 */
export function viewRendered(doc: Document): boolean {
  const main = doc.getElementById('main');
  if (!main) return false;
  if (doc.querySelector('[data-status]:not([data-status="done"]):not([data-status="error"])')) return false;
  return main.querySelector('.status[role="status"]:not([data-status])') === null;
}

export function startAutoHeight(id: string, win: Window = window): () => void {
  if (win.parent === win) return () => {};
  let frame = 0;
  let last = -1;
  const giveUp = Date.now() + RENDER_WAIT_MS;
  const send = () => {
    frame = 0;
    const height = Math.ceil(win.document.documentElement.getBoundingClientRect().height);
    // Nothing is sent before the view has rendered: the loading shell's height (a few hundred
    // px) would size the frame once and then jump. The first message carries the real height;
    // after a few seconds a slow or failed page is sized as it is.
    if (height === last || height <= 0 || (!viewRendered(win.document) && Date.now() < giveUp)) return;
    last = height;
    win.parent.postMessage({ type: RESIZE_MESSAGE, v: 1, id, height }, '*');
  };
  const schedule = () => {
    if (!frame) frame = win.requestAnimationFrame(send);
  };
  const observer = new ResizeObserver(schedule);
  observer.observe(win.document.documentElement);
  schedule();
  // The view's parts may arrive without changing the root's size at first (a status line
  // swapped for the scene): look again until it has rendered.
  const poll = win.setInterval(() => {
    schedule();
    if (last > 0) win.clearInterval(poll);
  }, 100);
  return () => {
    win.clearInterval(poll);
    observer.disconnect();
    if (frame) win.cancelAnimationFrame(frame);
  };
}

/** The iframe tag and a small listener for a host page; the listener checks event.source. */
export function embedSnippet(src: string, id: string, title: string): string {
  const safe = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe id="${safe(id)}" src="${safe(src)}" title="${safe(title)}" loading="lazy" allow="fullscreen"
  style="width: 100%; height: 640px; border: 0;"></iframe>
<script>
  addEventListener('message', (event) => {
    const frame = document.getElementById(${JSON.stringify(id)});
    if (!frame || event.source !== frame.contentWindow) return;
    const d = event.data;
    if (d && d.type === '${RESIZE_MESSAGE}' && d.v === 1 && Number.isFinite(d.height)) frame.style.height = d.height + 'px';
  });
</script>`;
}

/** What the embed dialog lets a blogger choose; `scene` replaces the walkthrough's scene. */
export interface EmbedOptions {
  readonly controls?: 'full' | 'min' | 'none';
  readonly lang?: 'auto' | 'en' | 'ko';
  readonly theme?: 'auto' | 'light' | 'dark';
  readonly scene?: 1 | 2 | 3 | 4 | 5;
}

/**
 * The app's URL in embed mode (keeping the hash state, with the options chosen), and the
 * full app's URL. Options left at their defaults stay out of the address.
 */
export function embedUrls(href: string, id: string, options: EmbedOptions = {}): { embed: string; full: string } {
  const full = withoutParams(href, ['embed', 'id', 'controls', 'present']);
  const url = new URL(full);
  url.searchParams.set('embed', '1');
  url.searchParams.set('id', id);
  if (options.controls && options.controls !== 'full') url.searchParams.set('controls', options.controls);
  if (options.lang) {
    if (options.lang === 'auto') url.searchParams.delete('lang');
    else url.searchParams.set('lang', options.lang);
  }
  if (options.theme) {
    if (options.theme === 'auto') url.searchParams.delete('theme');
    else url.searchParams.set('theme', options.theme);
  }
  if (options.scene) {
    const hash = new URLSearchParams(url.hash.replace(/^#/, ''));
    hash.set('scene', String(options.scene));
    if (!hash.has('view')) hash.set('view', 'walkthrough');
    url.hash = hash.toString();
  }
  return { embed: url.toString(), full };
}

/** The address without the given query parameters (the view state in the hash is kept). */
export function withoutParams(href: string, keys: readonly string[]): string {
  const url = new URL(href);
  for (const key of keys) url.searchParams.delete(key);
  return url.toString();
}
