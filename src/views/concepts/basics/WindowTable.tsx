import type { ConvWindow } from '../../../engine/concepts/convWindow';
import { formatValue } from '../../../lib/format';
import { useConceptT } from '../text/useConceptT';

/**
 * One output value laid open: the kernel-sized window of inputs, the weights, and the
 * products, as three small grids, then the sum. A text alternative to the sliding window.
 */
export function WindowTable({ win, kernel, row, col, value }: { win: ConvWindow; kernel: number; row: number; col: number; value: number }) {
  const t = useConceptT();
  const grid = (pick: (i: number) => string, caption: string, className: string) => (
    <table className={`window-grid ${className}`}>
      <caption>{caption}</caption>
      <tbody>
        {Array.from({ length: kernel }, (_, y) => (
          <tr key={y}>
            {Array.from({ length: kernel }, (_, x) => {
              const term = win.terms[y * kernel + x]!;
              return <td key={x} className={term.isPadding ? 'pad' : undefined}>{pick(y * kernel + x)}</td>;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
  const f = (v: number) => formatValue(Math.round(v * 1000) / 1000);
  return (
    <div className="window" data-testid="conv-window">
      <div className="window-grids">
        {grid((i) => (win.terms[i]!.isPadding ? '0' : f(win.terms[i]!.input)), t('basics.window.inputs'), 'input-ink')}
        <span className="op" aria-hidden="true">×</span>
        {grid((i) => f(win.terms[i]!.weight), t('basics.window.weights'), 'weight-ink')}
        <span className="op" aria-hidden="true">=</span>
        {grid((i) => f(win.terms[i]!.product), t('basics.window.products'), 'output-ink')}
      </div>
      <p className="readout">{t('basics.window.sum', { row, col, value: formatValue(value) })}</p>
      <p className="caption">{t('basics.window.rounded')}</p>
    </div>
  );
}
