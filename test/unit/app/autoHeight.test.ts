// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { embedSnippet, embedUrls, RESIZE_MESSAGE, startAutoHeight } from '../../../src/app/autoHeight';

describe('embedUrls(href, id, options)', () => {
  const href = 'https://example.org/pointwise/?present=1&lang=ko#v=1&view=walkthrough&scene=2&k=3';
  it('makes the embed address with the chosen controls, language, theme and scene, keeping the view state', () => {
    const { embed, full } = embedUrls(href, 'fig', { controls: 'min', lang: 'en', theme: 'dark', scene: 4 });
    const u = new URL(embed);
    expect(u.searchParams.get('embed')).toBe('1');
    expect(u.searchParams.get('id')).toBe('fig');
    expect(u.searchParams.get('controls')).toBe('min');
    expect(u.searchParams.get('lang')).toBe('en');
    expect(u.searchParams.get('theme')).toBe('dark');
    expect(u.searchParams.has('present')).toBe(false);
    expect(new URLSearchParams(u.hash.slice(1)).get('scene')).toBe('4');
    expect(new URLSearchParams(u.hash.slice(1)).get('k')).toBe('3');
    expect(full).toBe('https://example.org/pointwise/?lang=ko#v=1&view=walkthrough&scene=2&k=3');
  });
  it('leaves defaults out: full controls, the reader’s language and the system theme add nothing', () => {
    const u = new URL(embedUrls(href, 'fig', { controls: 'full', lang: 'auto', theme: 'auto' }).embed);
    expect([...u.searchParams.keys()].sort()).toEqual(['embed', 'id']);
  });
  it('escapes the address in the snippet', () => {
    expect(embedSnippet('https://x/?a=1&b="2"', 'f', 't')).toContain('src="https://x/?a=1&amp;b=&quot;2&quot;"');
  });
});

describe('startAutoHeight', () => {
  it('sends no message while the loading shell shows, and the first one carries the rendered view\'s height', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    const post = vi.fn();
    let height = 0;
    const frames: FrameRequestCallback[] = [];
    const win = {
      parent: { postMessage: post },
      document: {
        documentElement: { getBoundingClientRect: () => ({ height }) },
        getElementById: (id: string) => document.getElementById(id),
        querySelector: (sel: string) => document.querySelector(sel),
      },
      requestAnimationFrame: (f: FrameRequestCallback) => frames.push(f),
      cancelAnimationFrame: () => {},
      setInterval: () => 0,
      clearInterval: () => {},
    } as unknown as Window;
    let notify = () => {};
    vi.stubGlobal('ResizeObserver', class { constructor(cb: () => void) { notify = cb; } observe() {} disconnect() {} });
    const stop = startAutoHeight('fig', win);
    frames.shift()!(0);
    expect(post).not.toHaveBeenCalled();
    // The loading shell: the view is there, the layer is still being made (339 px then).
    document.getElementById('root')!.innerHTML = '<main id="main"><div class="status" role="status" data-status="loading"></div></main>';
    height = 339;
    notify();
    frames.shift()!(0);
    expect(post).not.toHaveBeenCalled();
    // The view renders: the layer is done and the page has its height.
    document.getElementById('root')!.innerHTML = '<main id="main"><div class="status" role="status" data-status="done"></div><p>scene</p></main>';
    height = 812.4;
    notify();
    frames.shift()!(0);
    expect(post).toHaveBeenCalledTimes(1);
    expect(post).toHaveBeenCalledWith({ type: RESIZE_MESSAGE, v: 1, id: 'fig', height: 813 }, '*');
    stop();
    vi.unstubAllGlobals();
  });
});
