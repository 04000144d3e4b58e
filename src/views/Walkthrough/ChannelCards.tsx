import { useMemo } from 'react';
import { usePalette } from '../../components/usePalette';
import { CanvasHeatmap } from '../../components/CanvasHeatmap/CanvasHeatmap';
import { useFigureT } from '../shared/text/useFigureT';
import { positiveDomain, quantilePositiveDomain } from '../../lib/colormap';
import { formatInt, formatValue } from '../../lib/format';
import { Legend } from '../../components/Legend/Legend';
import type { HwcTensor } from '../../engine/core/tensor';
import { channelsByVariance, type InputSummary } from '../../engine/data/channelStats';
import { cellValue, inputProbe } from '../shared/probes';

export interface ChannelCardsProps {
  input: HwcTensor;
  row: number;
  col: number;
  /** The channel the dot product has reached; its card is outlined. */
  channel: number;
  /** Called with the input position under a click: jump there. */
  onPick?: ((row: number, col: number) => void) | undefined;
  /**
   * Scale colours to the 99th percentile of the positive values instead of the maximum:
   * for a photo's sparse features, whose few large values would leave the maps pale.
   */
  isSparse?: boolean | undefined;
  /** The sparse input's channels by variance and colour scale, when the worker made them with the layer. */
  summary?: InputSummary | undefined;
}

/** How many channel maps the offset stack shows of a deep input; an input of up to ALL_UP_TO channels shows them all. */
const CARDS = 6, ALL_UP_TO = 8;

/**
 * The input's depth made visible: a few of its C channel maps as an offset stack, each
 * with pixel (row, col) marked — the C values the 1×1 filter reads at that pixel.
 */
export function ChannelCards({ input, row, col, channel, onPick, isSparse, summary }: ChannelCardsProps) {
  const palette = usePalette();
  const t = useFigureT();
  const c = input.channels;
  // A photo's features: the channels that vary most over this photo (the ones that show it);
  // otherwise evenly spread channels. The current channel is always among them.
  const strongest = useMemo(() => (isSparse && c > CARDS ? mostVaried(summary?.byVariance ?? channelsByVariance(input), CARDS - 1) : null), [input, isSparse, c, summary]);
  const shown = useMemo(() => {
    if (c <= ALL_UP_TO) return Array.from({ length: c }, (_, i) => i);
    const picks = new Set<number>(strongest ?? Array.from({ length: CARDS - 1 }, (_, i) => Math.round((i * (c - 1)) / (CARDS - 1))));
    picks.add(channel);
    // The current channel may be one of the picks already: the stack still shows CARDS maps.
    for (let i = 0; picks.size < CARDS && i < c; i++) picks.add(Math.round((i * (c - 1)) / (CARDS * 2)) % c);
    return [...picks].sort((a, b) => a - b).slice(0, CARDS);
  }, [c, channel, strongest]);
  const domain = useMemo(() => (isSparse ? (summary ? { lo: 0, hi: summary.high } : quantilePositiveDomain(input.data, 0.99)) : positiveDomain(input.data)), [input.data, isSparse, summary]);
  const table = palette.inputs;
  return (
    <div className="channel-cards" style={cardBox(input.width, input.height, shown.length)}>
      {shown.map((ch, i) => (
        <div key={ch} className={`card ${ch === channel ? 'current' : ''}`} style={{ ['--i' as string]: i }}>
          <CanvasHeatmap
            source={{ values: input.data, height: input.height, width: input.width, offset: ch, stride: c }}
            domain={domain}
            lut={table}
            label={t('cards.label', { channel: ch, row, col })}
            highlight={{ row, col }}
            onPick={onPick}
            probe={inputProbe(ch)}
            cellText={cellValue}
          />
          <span className="card-name">{t('cards.name', { channel: ch })}</span>
        </div>
      ))}
      <p className="cards-note">{t(strongest ? 'cards.noteStrongest' : 'cards.note', { count: formatInt(c), shown: shown.length })}</p>
      <Legend domain={domain} lut={table} label={t(isSparse ? 'legend.inputsClipped' : 'legend.inputs', { lo: formatValue(domain.lo), hi: formatValue(domain.hi) })} />
    </div>
  );
}

/** The `count` channels of largest variance over the map, in channel order. */
function mostVaried(byVariance: Int32Array, count: number): number[] {
  return Array.from(byVariance.subarray(0, count)).sort((a, b) => a - b);
}

/** The widest a card may be, and how far each next card moves right, in % of the stack's width. */
const CARD_SIDE = 62, CARD_SHIFT = 7;

/**
 * A card keeps its map's aspect inside a CARD_SIDE % square, so a wide map (64×128) is a low
 * card and a tall one (128×16) a narrow card, never taller than a square one; each next card
 * overlaps the last by 84 % of the card's own height. Percent margins are relative to the
 * stack's width, which is why the height is given in those units too.
 */
export function cardBox(width: number, height: number, cards: number): Record<string, string | number> {
  const w = CARD_SIDE * Math.min(1, width / height);
  const h = CARD_SIDE * Math.min(1, height / width);
  // More cards move less each, so the last one still ends inside the stack.
  const shift = Math.min(CARD_SHIFT, (100 - w) / Math.max(1, cards - 1));
  return { '--cards': cards, '--card-w': `${w}%`, '--card-overlap': `${-0.84 * h}%`, '--card-shift': `${shift}%` };
}
