// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeNpy } from '../../src/engine';
import { appStore } from '../../src/store';
import { setEngineClient } from '../../src/session/engine';
import DataLoader from '../../src/views/data/DataLoader';
import { LayerConfig } from '../../src/views/shared/LayerConfig';
import { EngineClient } from '../../src/worker/client';
import { serve } from '../../src/worker/handler';
import type { Endpoint } from '../../src/worker/protocol';

function handlerEndpoint(): Endpoint {
  const channel = new MessageChannel();
  serve(channel.port2 as unknown as Endpoint);
  channel.port2.start();
  return channel.port1 as unknown as Endpoint;
}

beforeAll(() => setEngineClient(new EngineClient({ workers: 1, createWorker: handlerEndpoint, createFallback: handlerEndpoint })));
afterEach(() => {
  cleanup();
  appStore.setState(appStore.getInitialState(), true);
});

describe('the Seed field (issue #18 §6)', () => {
  it('an empty or non-whole seed is a message and the last good seed stays; a good one applies', async () => {
    render(<LayerConfig />);
    const seed = screen.getByLabelText('Seed');
    fireEvent.change(seed, { target: { value: '7' } });
    expect(appStore.getState().config.seed).toBe(7);
    fireEvent.change(seed, { target: { value: '' } });
    expect(appStore.getState().config.seed).toBe(7);
    expect(screen.getByRole('alert').textContent).toBe('Seed must be a whole number from 0 to 2,147,483,647.');
    fireEvent.change(seed, { target: { value: '4.7' } });
    expect(appStore.getState().config.seed).toBe(7);
    screen.getByRole('alert');
    fireEvent.change(seed, { target: { value: '12' } });
    expect(appStore.getState().config.seed).toBe(12);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('the data loader', () => {
  it('two files chosen in quick succession are both read (issue #18 §6)', async () => {
    render(<DataLoader />);
    const input = new File([writeNpy(new Float32Array(48), [1, 3, 4, 4])], 'x.npy');
    const weights = new File([writeNpy(new Float32Array(6), [2, 3, 1, 1])], 'w.npy');
    // The second choice arrives before the first file has been parsed.
    fireEvent.change(screen.getByLabelText('Input activations'), { target: { files: [input] } });
    fireEvent.change(screen.getByLabelText('1×1 weights'), { target: { files: [weights] } });
    await waitFor(() => {
      const text = screen.getByTestId('npy-summary').textContent ?? '';
      expect(text).toContain('(1, 3, 4, 4)');
      expect(text).toContain('(2, 3, 1, 1)');
    }, { timeout: 5000 });
  });
});
