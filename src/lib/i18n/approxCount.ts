/**
 * Large counts written approximately, the way each language counts them. English groups by
 * thousands (million, billion); Korean by ten-thousands: 만 (10⁴), 억 (10⁸), 조 (10¹²), so
 * 12,845,056 is "1,285만", not "12.8백만", and 160,000,000 is "1.6억". Pure: no Intl (its first
 * use costs tens of ms at start-up), no React.
 */
import { formatInt } from '../format';
import type { Lang } from './t';

type Unit = readonly [value: number, name: string];

const KO: readonly Unit[] = [[1, ''], [1e4, '만'], [1e8, '억'], [1e12, '조']];
const EN: readonly Unit[] = [[1, ''], [1e6, ' million'], [1e9, ' billion'], [1e12, ' trillion']];

/**
 * `n` in the largest unit it reaches, with at least two significant digits: one decimal below
 * 10 of the unit (1.6억, 1.2만), whole units from 10 on (1,285만, 60억); below the first unit,
 * the whole number (9,999). A value that rounds up to 10⁴ of a unit moves to the next one
 * (99,999,999 → 1억, not 10,000만).
 */
function approx(n: number, units: readonly Unit[]): string {
  const a = Math.abs(n);
  if (!Number.isFinite(a)) return String(n);
  let i = 0;
  while (i + 1 < units.length && a >= units[i + 1]![0]) i++;
  for (; ; i++) {
    const [value, name] = units[i]!;
    const q = a / value;
    const rounded = i === 0 || q >= 10 ? Math.round(q) : Math.round(q * 10) / 10;
    const next = units[i + 1];
    // Carried into the next unit when this one would need its full step (10⁴ 만 is 1억).
    if (next && rounded * value >= next[0]) continue;
    const digits = Number.isInteger(rounded) ? formatInt(rounded) : rounded.toFixed(1);
    return `${n < 0 ? '−' : ''}${digits}${name}`;
  }
}

/** Korean: 9,999 · 1만 · 1.2만 · 1,285만 · 1억 · 1.6억 · 60억 · 1조. */
export const koApproxCount = (n: number): string => approx(n, KO);

/** English: 999,999 · 1 million · 1.6 million · 13 million · 600 million · 6 billion. */
export const enApproxCount = (n: number): string => approx(n, EN);

/** An approximate count in `lang` (used after "about" / "약"). */
export const approxCount = (n: number, lang: Lang): string => (lang === 'ko' ? koApproxCount(n) : enApproxCount(n));
