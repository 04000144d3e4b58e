import type { CSSProperties } from 'react';

/**
 * The value under the pointer (or at the focused cell) of a map, as a small label beside the
 * cell: above it, or below it near the top edge, and leaning inwards near the sides.
 */
export function MapProbe({ row, col, height, width, text }: { row: number; col: number; height: number; width: number; text: string }) {
  const x = (col + 0.5) / width, y = row / height;
  const style: CSSProperties = {
    left: `${x * 100}%`,
    top: y < 0.2 ? `${((row + 1) / height) * 100}%` : `${y * 100}%`,
    transform: `translate(${x < 0.25 ? '-10%' : x > 0.75 ? '-90%' : '-50%'}, ${y < 0.2 ? '4px' : 'calc(-100% - 4px)'})`,
  };
  return <span className="map-probe" data-testid="map-probe" style={style}>{text}</span>;
}
