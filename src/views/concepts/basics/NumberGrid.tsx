import { formatValue } from '../../../lib/format';

/**
 * A small map shown as numbers (the 7×7 example): cells inside `window` are marked; with
 * `onPick` each cell is a button, so the grid works by keyboard too.
 */
export function NumberGrid({ values, height, width, label, window, selected, onPick }: {
  values: ArrayLike<number>; height: number; width: number; label: string;
  window?: { top: number; left: number; size: number; step: number } | undefined;
  selected?: { row: number; col: number } | undefined;
  onPick?: ((row: number, col: number) => void) | undefined;
}) {
  const inWindow = (r: number, c: number) => {
    if (!window) return false;
    const dr = r - window.top, dc = c - window.left;
    return dr >= 0 && dc >= 0 && dr % window.step === 0 && dc % window.step === 0 && dr / window.step < window.size && dc / window.step < window.size;
  };
  return (
    <table className="number-grid" aria-label={label}>
      <tbody>
        {Array.from({ length: height }, (_, r) => (
          <tr key={r}>
            {Array.from({ length: width }, (_, c) => {
              const text = formatValue(Math.round(values[r * width + c]! * 1000) / 1000);
              const isSelected = selected?.row === r && selected.col === c;
              const cls = `${inWindow(r, c) ? 'in-window' : ''} ${isSelected ? 'selected' : ''}`;
              return (
                <td key={c} className={cls}>
                  {onPick ? <button type="button" aria-pressed={isSelected} aria-label={`(${r}, ${c}) = ${text}`} onClick={() => onPick(r, c)}>{text}</button> : text}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
