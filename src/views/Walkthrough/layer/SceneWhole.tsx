import './layer.css';
import { useEffect, useId, useMemo, useState } from 'react';
import { usePalette } from '../../../components/usePalette';
import { positiveDomain, quantilePositiveDomain, weightDomain } from '../../../lib/colormap';
import { appStore } from '../../../store';
import type { LayerSnapshot } from '../../../store/slices/results';
import { useAppStore } from '../../../store/useAppStore';
import { LayerFigure, PART_SCENE, type Part } from './LayerFigure';
import { LayerSentence } from './LayerSentence';
import { prefersLessMotion } from './motion';
import { FANNED } from './geometry';
import { strongestChannels } from './schedule';
import { useT } from '../../../components/useT';
import { Predict } from '../../predict/Predict';

/**
 * Scene 0, the opening view: the whole layer as volumes, computing itself pixel by pixel,
 * and one sentence that says what happens, with the layer's own numbers. It plays by itself
 * unless motion is to be reduced (then it is a still figure with a Play button).
 */
export function SceneWhole({ data, output }: { data: LayerSnapshot; output: Float32Array | null }) {
  const t = useT();
  const palette = usePalette();
  const playing = useAppStore((s) => s.playing);
  const motion = useAppStore((s) => s.presentation.motion);
  const useBias = useAppStore((s) => s.config.useBias);
  const relu = useAppStore((s) => s.config.useRelu);
  const [lit, setLit] = useState<Part | null>(null);
  const sentenceId = useId();
  const { height, width, channels: cin } = data.input;
  const cout = data.weights.outChannels;
  // A photo's features are sparse: their colours are scaled to the 99th percentile, as in scene 2.
  const isSparse = data.firstFilters !== undefined;
  const channels = useMemo(() => {
    const n = Math.min(FANNED + 1, cin);
    return isSparse ? strongestChannels(data.input.data, cin, n) : Array.from({ length: n }, (_, i) => Math.round((i * (cin - 1)) / Math.max(1, n - 1)));
  }, [data.input.data, cin, isSparse]);
  const learned = data.filterKind === 'learned';
  const colours = useMemo(() => ({
    inputs: palette.inputs, weights: palette.weights, signed: palette.signed,
    inputDomain: isSparse ? quantilePositiveDomain(data.input.data, 0.99) : positiveDomain(data.input.data),
    weightDomain: weightDomain(data.weights.data, learned),
  }), [palette, data.input.data, data.weights.data, isSparse, learned]);
  const figureData = useMemo(() => ({
    height, width, inChannels: cin, outChannels: cout, input: data.input.data, weights: data.weights.data,
    bias: useBias ? data.bias : undefined, relu, output,
  }), [height, width, cin, cout, data, useBias, relu, output]);
  // Once this data is on screen, the rest of the learned bank may take the network (workerSync).
  useEffect(() => {
    if (appStore.getState().shownData !== data) appStore.setState({ shownData: data });
  }, [data]);
  // It moves by itself when it is first shown, unless motion is to be reduced.
  useEffect(() => {
    if (!prefersLessMotion(motion)) appStore.getState().setPlaying(true);
  }, [motion]);
  const open = (p: Part) => appStore.getState().setScene(PART_SCENE[p]);
  const toggle = () => appStore.getState().setPlaying(!appStore.getState().playing);
  return (
    <div className="scene scene-whole" aria-describedby={sentenceId}>
      <LayerFigure data={figureData} channels={channels} colours={colours} playing={playing} lit={lit} onOpen={open}>
        <button type="button" className="lf-play" aria-pressed={playing} onClick={toggle}>
          <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {t(playing ? 'layer.pause' : 'layer.play')}
        </button>
      </LayerFigure>
      <LayerSentence id={sentenceId} onPoint={setLit} onOpen={open} />
      {/* Under the sentence, never a gate: the figure loops on while the student thinks. It comes
          with the whole layer's output, so its chunk never takes the network or the main thread
          from the opening view's first frames (the bank's parts load first). */}
      {output && <Predict page="scene0" state={{ height, width, inChannels: cin, outChannels: cout, useBias }} />}
    </div>
  );
}
