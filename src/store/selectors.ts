/** Values derived from the store; never stored themselves. */
import type { LayerData } from '../engine/data/layerData';
import type { PointwiseLayer } from '../engine/core/tensor';
import { layerCost } from '../engine/concepts/counts';
import type { AppState } from './index';

/** The layer (weights, optional bias, ReLU) as the engine wants it, or null before data. */
export function selectLayer(s: { data: LayerData | null; config: AppState['config'] }): PointwiseLayer | null {
  if (!s.data) return null;
  return { weights: s.data.weights, bias: s.config.useBias ? s.data.bias : undefined, relu: s.config.useRelu };
}

/**
 * The data and output the views may draw: only when they were made for the current shape.
 * Between a change of shape and the worker's answer, the old data is stale, and drawing it
 * against a cursor and settings of the new shape is how views used to fail; they show the
 * status line instead for those few hundred milliseconds.
 */
export function selectSnapshot(s: Pick<AppState, 'data' | 'output' | 'config'>): { data: AppState['data']; output: Float32Array | null } {
  const { height, width, inChannels, outChannels } = s.config;
  const d = s.data;
  const fresh = d !== null && !d.filters && d.input.height === height && d.input.width === width && d.input.channels === inChannels
    && d.weights.inChannels === inChannels && d.weights.outChannels === outChannels && d.bias.length === outChannels;
  const output = fresh && s.output && s.output.length === height * width * outChannels ? s.output : null;
  return { data: fresh ? d : null, output };
}

/**
 * The data scene 2 may draw: the whole layer's, or one made before the bank's last parts came
 * when the cursor's filter is among the filters it has (the running sum needs no other).
 */
export function selectPixelData(s: Pick<AppState, 'data' | 'output' | 'config' | 'cursor'>): AppState['data'] {
  const d = s.data;
  if (!d?.filters) return selectSnapshot(s).data;
  const [from, to] = d.filters;
  const k = s.cursor.filterIndex;
  return selectSnapshot({ ...s, data: { ...d, filters: undefined } }).data && k >= from && k < to ? d : null;
}

/** Output (row, col, k) from the full map, or null before the map is computed. */
export function selectOutputValue(s: Pick<AppState, 'output' | 'config' | 'cursor'>): number | null {
  if (!s.output || s.output.length !== s.config.height * s.config.width * s.config.outChannels) return null;
  const { width, outChannels } = s.config;
  const { row, col, filterIndex } = s.cursor;
  return s.output[(row * width + col) * outChannels + filterIndex] ?? null;
}

/** The current pixel's Cout outputs, as a view into the full map. */
export function selectPixelOutputs(s: Pick<AppState, 'output' | 'config' | 'cursor'>): Float32Array | null {
  if (!s.output || s.output.length !== s.config.height * s.config.width * s.config.outChannels) return null;
  const { width, outChannels } = s.config;
  const start = (s.cursor.row * width + s.cursor.col) * outChannels;
  return s.output.subarray(start, start + outChannels);
}

export function selectCost(s: Pick<AppState, 'config'>) {
  const { height, width, inChannels, outChannels } = s.config;
  return layerCost({ kind: 'pointwise', inChannels, outChannels, kernel: 1, outHeight: height, outWidth: width });
}
