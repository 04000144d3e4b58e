import { Fragment } from 'react';
import { formatInt } from '../../../lib/format';
import { useAppStore } from '../../../store/useAppStore';
import type { Part } from './LayerFigure';
import { useT } from '../../../components/useT';

/**
 * The one sentence under the figure, with the layer's own numbers. Each number is a button
 * that lights its part of the figure while pointed at (hover or focus) and opens its step.
 */
export function LayerSentence({ id, onPoint, onOpen }: { id: string; onPoint: (p: Part | null) => void; onOpen: (p: Part) => void }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { height, width, inChannels: cin, outChannels: cout } = useAppStore((s) => s.config);
  const n = (v: number) => formatInt(v, lang);
  const tokens: Record<string, { text: string; part: Part }> = {
    h: { text: String(height), part: 'face' },
    w: { text: String(width), part: 'face' },
    pixels: { text: n(height * width), part: 'outMap' },
    cinValues: { text: n(cin), part: 'column' },
    cinWeights: { text: n(cin), part: 'rod' },
    one: { text: t('layer.one'), part: 'cell' },
    coutFilters: { text: n(cout), part: 'rod' },
    coutChannels: { text: n(cout), part: 'outDepth' },
  };
  // The template split at its {tokens}: odd pieces are token names.
  const pieces = t('layer.sentence').split(/\{(\w+)\}/);
  return (
    <p className="layer-sentence" id={id} data-testid="layer-sentence">
      {pieces.map((piece, i) => {
        const token = i % 2 === 1 ? tokens[piece] : undefined;
        if (!token) return <Fragment key={i}>{piece}</Fragment>;
        return (
          <button key={i} type="button" className="lf-num" onPointerEnter={() => onPoint(token.part)} onPointerLeave={() => onPoint(null)}
            onFocus={() => onPoint(token.part)} onBlur={() => onPoint(null)} onClick={() => onOpen(token.part)}>{token.text}</button>
        );
      })}
    </p>
  );
}
