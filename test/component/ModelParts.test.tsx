// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateLayerData } from '../../src/engine';
import { appStore } from '../../src/store';
import ModelLoader from '../../src/views/data/model/ModelLoader';
import { modelSession, type ModelSummary, type UsedLayer } from '../../src/session/model';
import { ModelOrigin } from '../../src/views/shared/photo/PhotoParts';
import { ChannelCards } from '../../src/views/Walkthrough/ChannelCards';
import type { ModelLayer } from '../../src/worker/modelProtocol';
import { stubCanvas } from './helpers';

beforeAll(stubCanvas);
const initialSession = modelSession.getState();
afterEach(() => {
  cleanup();
  appStore.setState(appStore.getInitialState(), true);
  modelSession.setState(initialSession, true);
});

const summary: ModelSummary = {
  status: 'read', irVersion: 8, opset: 17, producer: 'pytorch', nodes: 40, parameters: 12345,
  input: { name: 'input', dims: [1, 3, 'height', 'width'], channelsLast: false }, unsupported: [], fileName: 'resnet-mini.onnx', fileBytes: 50_000,
};
const layer = (node: string, batchNorm?: string): ModelLayer => ({
  node, input: `${node}_in`, output: `${node}_out`, inChannels: 8, outChannels: 16, groups: 1, stride: [1, 1], pads: [0, 0, 0, 0], hasBias: false, batchNorm,
  height: 8, width: 8, outHeight: 8, outWidth: 8,
});
const LAYERS = [layer('/layer1/layer1.0/downsample/downsample.0/Conv', '/layer1/bn'), layer('/head/Conv')];

describe('the own-model panel (issue #26)', () => {
  it('names the open model’s file instead of the browser’s “no file chosen”', () => {
    render(<ModelLoader />);
    expect(screen.getByTestId('model-file-name').textContent).toBe('No model open yet');
    act(() => modelSession.setState({ summary, layers: LAYERS, phase: 'ready' }));
    expect(screen.getByTestId('model-file-name').textContent).toBe('resnet-mini.onnx');
    expect((screen.getByLabelText(/Model file/) as HTMLInputElement).type).toBe('file');
  });

  it('offers folding only where a BatchNormalization follows; a layer without one says so, with no checkbox', () => {
    act(() => modelSession.setState({ summary, layers: LAYERS, phase: 'ready' }));
    render(<ModelLoader />);
    expect(screen.queryByRole('checkbox')).toBeNull();
    fireEvent.click(screen.getByLabelText('/head/Conv'));
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.getByTestId('fold-none').textContent).toMatch(/^No BatchNormalization follows this layer/);
    fireEvent.click(screen.getByLabelText(LAYERS[0]!.node));
    const box = screen.getByRole('checkbox', { name: /Fold the BatchNormalization/ }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(screen.queryByTestId('fold-none')).toBeNull();
  });

  it('lets a node name wrap after its separators only', () => {
    act(() => modelSession.setState({ summary, layers: LAYERS, phase: 'ready' }));
    const { container } = render(<ModelLoader />);
    const label = container.querySelector(`label[for="layer-${LAYERS[0]!.node}"]`)!;
    expect(label.textContent).toBe(LAYERS[0]!.node);
    expect(label.innerHTML.split('<wbr>').map((s) => s.at(-1))).toEqual(['/', '/', '.', '/', '/', '.', '/', 'v']);
  });

  it('shows the picture the model was given, at its input size', () => {
    const rgba = new Uint8ClampedArray(32 * 32 * 4).fill(200);
    const used = { status: 'ok', node: '/head/Conv', nodesRun: 12, computeMs: 5, picture: { rgba, width: 32, height: 32 } } as unknown as UsedLayer;
    act(() => modelSession.setState({ summary, layers: LAYERS, phase: 'ready', used }));
    render(<ModelLoader />);
    const crop = screen.getByTestId('model-crop');
    const canvas = crop.querySelector('canvas')!;
    expect([canvas.width, canvas.height]).toEqual([32, 32]);
    expect(canvas.getAttribute('aria-label')).toMatch(/at 32×32, as the model was given it/);
    expect(crop.textContent).toContain('model’s 32×32 input');
  });
});

describe('where a model layer’s channels come from (scene 2)', () => {
  it('draws the crop with the pixel’s block outlined, and says which nodes made the channels', () => {
    const rgba = new Uint8ClampedArray(64 * 64 * 4).fill(90);
    act(() => appStore.setState({
      config: { ...appStore.getState().config, height: 8, width: 8, inChannels: 8, outChannels: 16 },
      userData: { id: 1, label: 'm', provenance: { model: 'resnet-mini.onnx', node: '/head/Conv', picture: 'picture.png', size: '64×64', preprocessing: 'ImageNet · RGB', crop: { rgba, width: 64, height: 64 }, nodes: 12 } },
    }));
    const { container } = render(<ModelOrigin row={2} col={3} />);
    expect(screen.getByTestId('model-origin').textContent).toContain('resnet-mini.onnx ran 12 nodes on picture.png');
    const outline = container.querySelector<HTMLElement>('.rgba-outline')!;
    expect([outline.style.top, outline.style.left, outline.style.width]).toEqual(['25%', '37.5%', '12.5%']);
  });
});

describe('the channel stack', () => {
  const input = (c: number) => generateLayerData({ height: 4, width: 4, inChannels: c, outChannels: 2 }, 1).input;
  it('shows all of a few channels (8 of 8, not 5)', () => {
    const { container } = render(<ChannelCards input={input(8)} row={0} col={0} channel={3} />);
    expect(container.querySelectorAll('.card')).toHaveLength(8);
  });
  it('shows six maps of a deep input even when the current channel is one of the spread ones', () => {
    for (const channel of [0, 10, 63]) {
      const { container, unmount } = render(<ChannelCards input={input(64)} row={0} col={0} channel={channel} />);
      const cards = container.querySelectorAll('.card');
      expect(cards).toHaveLength(6);
      expect(container.querySelector('.card.current')).not.toBeNull();
      unmount();
    }
  });
});
