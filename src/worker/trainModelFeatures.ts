/**
 * The Train page's features from the student's model: the model the worker holds, run on the
 * picture up to a 1×1 layer; the pixels that layer reads (its input, stride and pads applied:
 * extractLayer) become the features, laid cell by cell on the page's grid (resampleMap.ts), so
 * the layer trained there reads exactly what the model's own 1×1 layer reads.
 */
import { resampleNearest } from '../engine/train';
import { hwcTensor } from '../engine/core/tensor';
import { runModelLayer } from './modelJobs';
import { RequestError, checkPositiveInt } from './requestChecks';
import { keepFeatures } from './trainJobs';
import type { TrainFeaturesParams, TrainFeaturesResult } from './trainProtocol';

/** The most input channels a model layer may give the trained layer (each re-train reads them all). */
export const MAX_MODEL_CHANNELS = 2048;

export async function runTrainModelFeatures(p: TrainFeaturesParams, checkpoint: () => Promise<void>): Promise<TrainFeaturesResult> {
  const start = performance.now();
  const h = checkPositiveInt('height', p.height), w = checkPositiveInt('width', p.width);
  if (h > 128 || w > 128) throw new RequestError('the map is limited to 128×128');
  if (typeof p.key !== 'string' || p.key.length > 200) throw new RequestError('key must be a short string');
  const m = p.model;
  if (!m || typeof m.key !== 'string' || typeof m.node !== 'string') throw new RequestError('a model input needs the model and the layer');
  const r = await runModelLayer({ key: m.key, node: m.node, rgba: m.rgba, width: m.width, height: m.height, preprocessing: m.preprocessing, fold: false }, () => {}, checkpoint);
  if (r.status === 'refused') throw new RequestError(`the model cannot be run to ${m.node}: ${r.code} ${r.detail}`);
  if (r.inChannels > MAX_MODEL_CHANNELS) throw new RequestError(`${m.node} reads ${r.inChannels} channels; the Train page takes at most ${MAX_MODEL_CHANNELS}`);
  const data = resampleNearest(r.input, r.height, r.width, r.inChannels, h, w);
  keepFeatures(p.key, hwcTensor(h, w, r.inChannels, data));
  return { channels: r.inChannels, layer: { height: r.height, width: r.width }, computeMs: performance.now() - start };
}
