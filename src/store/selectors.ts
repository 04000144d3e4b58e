/** Values derived from the store; never stored themselves. */
import type { LayerData } from '../engine/layerData';
import type { PointwiseLayer } from '../engine/tensor';
import { layerCost } from '../engine/counts';
import type { AppState } from './index';

/** The layer (weights, optional bias, ReLU) as the engine wants it, or null before data. */
export function selectLayer(s: { data: LayerData | null; config: AppState['config'] }): PointwiseLayer | null {
  if (!s.data) return null;
  return { weights: s.data.weights, bias: s.config.useBias ? s.data.bias : undefined, relu: s.config.useRelu };
}

/** Output (row, col, k) from the full map, or null before the map is computed. */
export function selectOutputValue(s: Pick<AppState, 'output' | 'config' | 'cursor'>): number | null {
  if (!s.output) return null;
  const { width, outChannels } = s.config;
  const { row, col, filterIndex } = s.cursor;
  return s.output[(row * width + col) * outChannels + filterIndex] ?? null;
}

/** The current pixel's Cout outputs, as a view into the full map. */
export function selectPixelOutputs(s: Pick<AppState, 'output' | 'config' | 'cursor'>): Float32Array | null {
  if (!s.output) return null;
  const { width, outChannels } = s.config;
  const start = (s.cursor.row * width + s.cursor.col) * outChannels;
  return s.output.subarray(start, start + outChannels);
}

export function selectCost(s: Pick<AppState, 'config'>) {
  const { height, width, inChannels, outChannels } = s.config;
  return layerCost({ kind: 'pointwise', inChannels, outChannels, kernel: 1, outHeight: height, outWidth: width });
}
