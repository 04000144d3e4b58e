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

/**
 * A signed value with 4 significant digits and a real minus sign: −0.01234, 1.235, 0.0001615,
 * 12,345.7. Only values beyond what a table can hold plainly (below 10⁻⁶ or from 10⁹) take a
 * power of ten, written as one: 1.500 × 10⁻⁷ — never the programmer's "1.5e-7".
 */
export function formatValue(v: number): string {
  if (v === 0) return '0';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  if (v !== v) return 'NaN';
  const a = Math.abs(v);
  let s: string;
  if (a < 1e-6 || a >= 1e9) {
    const [mantissa, exponent] = a.toExponential(3).split('e');
    s = `${mantissa} × 10${superscript(Number(exponent))}`;
  } else if (a >= 1e4) {
    const [whole, fraction] = a.toFixed(1).split('.');
    s = `${formatInt(Number(whole))}.${fraction}`;
  } else s = a.toPrecision(4);
  return (v < 0 ? '−' : '') + s;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
function superscript(n: number): string {
  return (n < 0 ? '⁻' : '') + String(Math.abs(n)).replace(/[0-9]/g, (d) => SUPERSCRIPT[Number(d)]!);
}

/**
 * Milliseconds for status lines: "0.3 ms", "412 ms", "1.24 s". Korean writes a Latin unit
 * symbol the same way, a space after the number ("412 ms", as "512 MB" and "700 px"), and a
 * Korean unit word attached like a counter ("1.24초", as "1,024개"): one rule for every unit.
 */
export function formatMs(ms: number, lang: Lang = 'en'): string {
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)}${lang === 'ko' ? '초' : ' s'}`;
}
