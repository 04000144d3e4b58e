// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyLoaded } from '../../src/components/lazyLoaded';

afterEach(cleanup);

function Hello({ name }: { name: string }) {
  return <p>hello {name}</p>;
}

describe('lazyLoaded (issue #26: a loaded chunk renders without suspending)', () => {
  it('once preloaded, a first mount renders its content in the same commit (no fallback, no throttled reveal)', async () => {
    const load = vi.fn(() => Promise.resolve(Hello));
    const { Component, preload } = lazyLoaded(load);
    await act(() => preload());
    render(<Suspense fallback={<p>loading</p>}><Component name="a" /></Suspense>);
    // Synchronously there: React.lazy alone would show the fallback first.
    expect(screen.getByText('hello a')).toBeTruthy();
    expect(screen.queryByText('loading')).toBeNull();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('before its chunk has come it suspends like React.lazy, then shows the content; the chunk is asked for once', async () => {
    let resolve!: (c: typeof Hello) => void;
    const load = vi.fn(() => new Promise<typeof Hello>((r) => { resolve = r; }));
    const { Component, preload } = lazyLoaded(load);
    render(<Suspense fallback={<p>loading</p>}><Component name="b" /></Suspense>);
    expect(screen.getByText('loading')).toBeTruthy();
    void preload();
    await act(async () => resolve(Hello));
    expect(await screen.findByText('hello b')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a chunk that failed to load is asked for again on the next preload', async () => {
    const load = vi.fn()
      .mockImplementationOnce(() => Promise.reject(new Error('offline')))
      .mockImplementation(() => Promise.resolve(Hello));
    const { preload } = lazyLoaded(load);
    await expect(preload()).rejects.toThrow('offline');
    await expect(preload()).resolves.toBe(Hello);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
