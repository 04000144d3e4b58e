// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { appStore } from '../../src/store';
import { LayerConfig } from '../../src/views/shared/LayerConfig';

afterEach(() => {
  cleanup();
  appStore.setState(appStore.getInitialState(), true);
});

describe('LayerConfig', () => {
  it('applies a custom shape within the limits', () => {
    render(<LayerConfig />);
    fireEvent.change(screen.getByLabelText('Cout'), { target: { value: '64' } });
    expect(appStore.getState().config).toMatchObject({ height: 56, width: 56, inChannels: 512, outChannels: 64 });
    expect((screen.getByLabelText('Layer') as HTMLSelectElement).value).toBe('custom');
  });

  it('explains a value out of range and keeps the last good layer', () => {
    render(<LayerConfig />);
    fireEvent.change(screen.getByLabelText('H'), { target: { value: '100000' } });
    expect(screen.getByRole('alert').textContent).toBe('H must be a whole number from 1 to 128.');
    expect(appStore.getState().config.height).toBe(56);
    expect(screen.getByLabelText('H').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(screen.getByLabelText('H'), { target: { value: '2.5' } });
    expect(screen.getByRole('alert')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('H'), { target: { value: '8' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(appStore.getState().config.height).toBe(8);
  });

  it('says so in Korean with the right particle', () => {
    appStore.setState({ lang: 'ko' });
    render(<LayerConfig />);
    fireEvent.change(screen.getByLabelText('입력 채널 Cin'), { target: { value: '0' } });
    expect(screen.getByRole('alert').textContent).toBe('입력 채널 Cin은 1부터 2,048 사이의 정수여야 합니다.');
  });

  it('switches presets', () => {
    render(<LayerConfig />);
    fireEvent.change(screen.getByLabelText('Layer'), { target: { value: 'tiny' } });
    expect(appStore.getState().config).toMatchObject({ height: 4, width: 4, inChannels: 3, outChannels: 2 });
  });
});
