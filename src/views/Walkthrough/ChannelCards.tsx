import { useMemo } from 'react';
import { usePalette } from '../../components/usePalette';
import { CanvasHeatmap } from '../../components/CanvasHeatmap/CanvasHeatmap';
import { useT } from '../../components/useT';
import { positiveDomain } from '../../lib/colormap';
import { formatValue } from '../../lib/format';
import { Legend } from '../../components/Legend/Legend';
import type { HwcTensor } from '../../engine/tensor';

export interface ChannelCardsProps {
  input: HwcTensor;
  row: number;
  col: number;
  /** The channel the dot product has reached; its card is outlined. */
  channel: number;
  /** Called with the input position under a click: jump there. */
  onPick?: ((row: number, col: number) => void) | undefined;
}

/** How many channel maps the offset stack shows. */
const CARDS = 6;

/**
 * The input's depth made visible: a few of its C channel maps as an offset stack, each
 * with pixel (row, col) marked — the C values the 1×1 filter reads at that pixel.
 */
export function ChannelCards({ input, row, col, channel, onPick }: ChannelCardsProps) {
  const palette = usePalette();
  const t = useT();
  const c = input.channels;
  const shown = useMemo(() => {
    if (c <= CARDS) return Array.from({ length: c }, (_, i) => i);
    // Evenly spread channels, always including the current one.
    const picks = new Set<number>(Array.from({ length: CARDS - 1 }, (_, i) => Math.round((i * (c - 1)) / (CARDS - 1))));
    picks.add(channel);
    return [...picks].sort((a, b) => a - b).slice(-CARDS);
  }, [c, channel]);
  const domain = useMemo(() => positiveDomain(input.data), [input.data]);
  const table = palette.inputs;
  return (
    <div className="channel-cards" style={{ ['--cards' as string]: shown.length }}>
      {shown.map((ch, i) => (
        <div key={ch} className={`card ${ch === channel ? 'current' : ''}`} style={{ ['--i' as string]: i }}>
          <CanvasHeatmap
            source={{ values: input.data, height: input.height, width: input.width, offset: ch, stride: c }}
            domain={domain}
            lut={table}
            label={t('cards.label', { channel: ch, row, col })}
            highlight={{ row, col }}
            onPick={onPick}
          />
          <span className="card-name">{t('cards.name', { channel: ch })}</span>
        </div>
      ))}
      <p className="cards-note">{t('cards.note', { count: c, shown: shown.length })}</p>
      <Legend domain={domain} lut={table} label={t('legend.inputs', { lo: formatValue(domain.lo), hi: formatValue(domain.hi) })} />
    </div>
  );
}
