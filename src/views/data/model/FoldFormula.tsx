import { formatValue } from '../../../lib/format';
import type { UsedLayer } from '../../../session/model';
import { useModelT } from './text/useModelT';

/** The folded BatchNormalization written out with filter k's numbers. */
export function FoldFormula({ used, k }: { used: UsedLayer; k: number }) {
  const t = useModelT();
  const f = used.fold;
  if (!f || k >= used.outChannels) return null;
  const gamma = f.gamma[k]!, variance = f.variance[k]!, mean = f.mean[k]!, beta = f.beta[k]!;
  const a = gamma / Math.sqrt(variance + f.epsilon);
  const folded = used.bias[k]!, b = f.convBias[k]!;
  const v = (x: number) => formatValue(x);
  // A negative number inside a sum is written in brackets: 0.6 · (0 − (−0.02)) + (−0.3).
  const term = (x: number) => (x < 0 ? `(${v(x)})` : v(x));
  return (
    <div className="fold-formula" data-testid="fold-formula">
      <p>{t('fold.title', { node: f.node, k })}</p>
      <p className="formula">{t('fold.scale', { gamma: v(gamma), variance: v(variance), epsilon: v(f.epsilon), a: v(a) })}</p>
      <p className="formula">{t('fold.weights', { cin: used.inChannels, a: v(a) })}</p>
      <p className="formula">{t('fold.bias', { a: v(a), b: v(b), mean: term(mean), beta: term(beta), result: v(folded) })}</p>
    </div>
  );
}
