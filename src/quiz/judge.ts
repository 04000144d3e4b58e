/** The one checker of every question: pure, so its tolerances are unit-tested at their edges. */
import type { Question, Tolerance, Verdict } from './types';

/** Relative tolerance of 'relative10' (±10 %); a hair of float slack so 10 % exactly counts. */
export const RELATIVE = 0.1;
const SLACK = 1e-9;

/**
 * Reads a typed number: "1800", "1,800", "1 800", "1.8e3", "−3", "11.9%", "12 %". Returns null
 * for anything else (an empty field, words).
 */
export function parseNumber(raw: string): number | null {
  const s = raw.trim().replace(/[−–]/g, '-').replace(/[,\s_]/g, '').replace(/%$/, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}

/** Whether `given` is close enough to `value` under `tolerance` (for typed numbers). */
export function withinTolerance(given: number, value: number, tolerance: Tolerance): boolean {
  switch (tolerance) {
    case 'exact':
    case 'range':
      return given === value;
    case 'sign':
      return Math.sign(given) === Math.sign(value);
    case 'relative10':
      return Math.abs(given - value) <= RELATIVE * Math.abs(value) * (1 + SLACK);
    case 'magnitude':
      // The same power of ten: within a factor of 10 either way (10× and ÷10 still count).
      if (value === 0) return given === 0;
      if (Math.sign(given) !== Math.sign(value)) return false;
      return Math.abs(Math.log10(given / value)) <= 1 + SLACK;
  }
}

/** Judges a response: a choice's id, or the text typed into a number field. */
export function judge(q: Question, response: string): Verdict {
  const a = q.answer;
  if (a.kind === 'choice') {
    if (!a.options.some((o) => o.id === response)) return { status: 'invalid' };
    return { status: response === a.correct ? 'right' : 'wrong', given: response };
  }
  const v = parseNumber(response);
  if (v === null) return { status: 'invalid' };
  return { status: withinTolerance(v, a.value, q.tolerance) ? 'right' : 'wrong', given: String(v) };
}
