/**
 * Embed mode's side of the iframe contract: post `{ type: 'pointwise:resize', v: 1, id,
 * height }` to the parent on load and whenever the document's height changes, at most once a
 * frame. The app sends only this message and accepts no commands from the parent.
 */
export const RESIZE_MESSAGE = 'pointwise:resize';

export function startAutoHeight(id: string, win: Window = window): () => void {
  if (win.parent === win) return () => {};
  let frame = 0;
  let last = -1;
  const send = () => {
    frame = 0;
    const height = Math.ceil(win.document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    win.parent.postMessage({ type: RESIZE_MESSAGE, v: 1, id, height }, '*');
  };
  const schedule = () => {
    if (!frame) frame = win.requestAnimationFrame(send);
  };
  const observer = new ResizeObserver(schedule);
  observer.observe(win.document.documentElement);
  schedule();
  return () => {
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

/** The app's URL in embed mode (keeping the hash state), and the full app's URL. */
export function embedUrls(href: string, id: string): { embed: string; full: string } {
  const url = new URL(href);
  url.searchParams.delete('embed');
  url.searchParams.delete('id');
  const full = url.toString();
  url.searchParams.set('embed', '1');
  url.searchParams.set('id', id);
  return { embed: url.toString(), full };
}
