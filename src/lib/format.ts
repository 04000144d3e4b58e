/** Number formatting shared by every view, in the current UI language. */
import type { Lang } from './i18n/t';

/**
 * 1644167168 → "1,644,167,168". English and Korean both group by thousands with a comma, so
 * no Intl.NumberFormat is needed (creating the first one costs ~40 ms at start-up).
 */
export function formatInt(n: number, _lang: Lang = 'en'): string {
  const s = Math.round(Math.abs(n)).toString();
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ',';
    out += s[i];
  }
  return (n < 0 ? '−' : '') + out;
}

/** A signed value with 4 significant digits and a real minus sign: −0.01234, 1.235. */
export function formatValue(v: number): string {
  if (v === 0) return '0';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  if (v !== v) return 'NaN';
  const a = Math.abs(v);
  const s = a >= 1e4 || a < 1e-3 ? a.toExponential(3) : a.toPrecision(4);
  return (v < 0 ? '−' : '') + s;
}

/** Milliseconds for status lines: "0.3 ms", "412 ms", "1.24 s". */
export function formatMs(ms: number): string {
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
