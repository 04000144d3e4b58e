/**
 * startUrlSync(store, window): a link read on hashchange reaches the address whole. A change
 * of view writes the address at once, so the Train page's strokes must be in the store first.
 */
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/store';
import { startUrlSync } from '../../../src/store/urlSync';

/** Just enough of a window: a location with a hash, history that rewrites it, and hashchange. */
function fakeWindow(hash: string) {
  const listeners = new Map<string, () => void>();
  const location = { hash, pathname: '/', search: '' };
  const setUrl = (_s: unknown, _t: string, url: string) => { location.hash = url.slice(url.indexOf('#')); };
  return {
    win: {
      location, history: { pushState: setUrl, replaceState: setUrl },
      addEventListener: (type: string, l: () => void) => listeners.set(type, l),
      removeEventListener: (type: string) => listeners.delete(type),
    } as unknown as Window,
    go: (next: string) => { location.hash = next; listeners.get('hashchange')?.(); },
    location,
  };
}

describe('startUrlSync(store, window)', () => {
  it('a link to the Train page with strokes, followed from another view, keeps its strokes in the store and the address', () => {
    const store = createAppStore();
    const w = fakeWindow('#v=1&view=params');
    const stop = startUrlSync(store, w.win);
    w.go('#view=train&ts=01Ubec.11FFFU.01fcob.11KjKy');
    expect(store.getState().view).toBe('train');
    expect(store.getState().train.strokes.length).toBe(4);
    expect(w.location.hash).toContain('ts=01Ubec.11FFFU.01fcob.11KjKy');
    stop();
  });
});

describe('startUrlSync while playing', () => {
  it('writes a new photo to the address while the opening view plays, but not the moving cursor', async () => {
    const store = createAppStore();
    const w = fakeWindow('#v=1&view=walkthrough&scene=0');
    const stop = startUrlSync(store, w.win);
    store.getState().setPlaying(true);
    store.getState().setConfig({ image: 'rocket' });
    store.getState().setCursor({ row: 3, col: 4 });
    await new Promise((r) => setTimeout(r, 400));
    expect(w.location.hash).toContain('img=rocket');
    expect(w.location.hash).toContain('r=0&c=0');
    stop();
  });
});
