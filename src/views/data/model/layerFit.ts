/** What a 1×1 layer of a model becomes in the app, and whether it fits the app's limits. */
import { checkShape } from '../../../lib/limits';
import type { ModelLayer } from '../../../worker/modelProtocol';

/** The map the layer's outputs cover (its input after its stride and pads), or null when the layer is not reached. */
export function layerMap(l: ModelLayer): { height: number; width: number } | null {
  if (l.height === undefined || l.width === undefined) return null;
  const [pt, pl, pb, pr] = l.pads;
  return { height: Math.floor((l.height + pt + pb - 1) / l.stride[0]) + 1, width: Math.floor((l.width + pl + pr - 1) / l.stride[1]) + 1 };
}

export type LayerStatus = 'ok' | 'blocked' | 'limits' | 'unreached';

export function layerStatus(l: ModelLayer): LayerStatus {
  if (l.blockedBy) return 'blocked';
  const map = layerMap(l);
  if (!map) return 'unreached';
  return checkShape({ ...map, inChannels: l.inChannels, outChannels: l.outChannels }) ? 'limits' : 'ok';
}
