/** What a 1×1 layer of a model becomes in the app, and whether it fits the app's limits. */
import { checkShape } from '../../../engine/core/limits';
import type { ModelLayer } from '../../../session/types';

/** The map the layer's outputs cover (its input after its stride and pads, as the worker's listing gives it), or null when the layer is not reached. */
export function layerMap(l: ModelLayer): { height: number; width: number } | null {
  if (l.height === undefined || l.width === undefined || l.outHeight === undefined || l.outWidth === undefined) return null;
  return { height: l.outHeight, width: l.outWidth };
}

export type LayerStatus = 'ok' | 'blocked' | 'limits' | 'unreached';

export function layerStatus(l: ModelLayer): LayerStatus {
  if (l.blockedBy) return 'blocked';
  const map = layerMap(l);
  if (!map) return 'unreached';
  return checkShape({ ...map, inChannels: l.inChannels, outChannels: l.outChannels }) ? 'limits' : 'ok';
}
