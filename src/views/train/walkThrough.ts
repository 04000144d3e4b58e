/**
 * "Walk through it": the walkthrough on the trained layer. Its input is made the way the Train
 * page made it (same photo, same features: learned, untrained with the same seed, or RGB), and
 * the student's K filters and biases take the layer's place as their own weights, as a loaded
 * .npy would (config.ts's userData); the walkthrough opens at scene 2 on a painted pixel.
 */
import { coutCinWeights } from '../../engine/core/tensor';
import type { PhotoId } from '../../lib/photoIds';
import { TRAIN_MAP } from '../../lib/trainCode';
import type { AppStore } from '../../store';
import type { TrainInput } from '../../session/types';

export function walkThroughTrained(store: AppStore, layer: {
  photo: PhotoId; input: TrainInput; weights: Float32Array; bias: Float32Array; classes: number; label: string;
  picture?: Blob | undefined; pixel?: { row: number; col: number } | undefined;
}): void {
  const s = store.getState();
  const cin = layer.input === 'rgb' ? 3 : 512;
  s.setConfig({ image: layer.photo, filters: layer.input === 'random' ? 'random' : 'learned', inChannels: cin, height: TRAIN_MAP, width: TRAIN_MAP, useRelu: false });
  store.getState().setUserData({
    weights: coutCinWeights(layer.classes, cin, layer.weights.slice()), bias: layer.bias.slice(), label: layer.label,
    ...(layer.picture ? { picture: layer.picture } : {}),
  });
  store.setState({ cursor: { row: layer.pixel?.row ?? 0, col: layer.pixel?.col ?? 0, filterIndex: 0 } });
  store.getState().setScene(2);
  store.getState().setView('walkthrough');
}
