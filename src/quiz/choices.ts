/** Helpers that make a question's options from computed values (no React, no DOM). */
import { formatInt } from '../lib/format';
import { text, type ChoiceOption, type Param, type Text } from './types';
import type { QuizKey } from './text/en';

/** A small stable hash of a string (FNV-1a), to place the right option differently per question. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Rotates `items` by a hash of `seed`, so the right answer is not always first. */
export function rotate<T>(items: readonly T[], seed: string): T[] {
  if (items.length === 0) return [];
  const r = hashString(seed) % items.length;
  return [...items.slice(r), ...items.slice(0, r)];
}

/**
 * Count options: the right count and distractors (each a misconception's count), with
 * duplicates of the right count dropped. Ids are 'a', 'b', … in the order shown.
 */
export function countOptions(correct: number, distractors: readonly number[], seed: string, key: QuizKey = 'opt.count'): { options: ChoiceOption[]; correct: string } {
  const values = [correct, ...distractors.filter((d, i) => d !== correct && Number.isFinite(d) && distractors.indexOf(d) === i)];
  return lettered(rotate(values, seed).map((v) => ({ value: v, label: text(key, { n: formatInt(v) }) })), (v) => v === correct);
}

/** Turns labelled values into options with ids a, b, c…, and names the right one. */
export function lettered<T>(items: readonly { value: T; label: Text }[], isRight: (v: T) => boolean): { options: ChoiceOption[]; correct: string } {
  const options = items.map((it, i) => ({ id: String.fromCharCode(97 + i), label: it.label }));
  const at = items.findIndex((it) => isRight(it.value));
  return { options, correct: options[at]?.id ?? '' };
}

/** Fixed options (yes/no, above/below…) in a fixed order, the right one named by its key. */
export function fixedOptions<K extends QuizKey>(keys: readonly K[], right: K, params?: Record<string, Param>): { options: ChoiceOption[]; correct: string } {
  return lettered(keys.map((key) => ({ value: key, label: text(key, params) })), (k) => k === right);
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** 10⁸ written with a superscript exponent. */
export const powerOfTen = (e: number) => `10${String(e).replace(/[0-9]/g, (d) => SUPERSCRIPT[Number(d)]!)}`;

/**
 * Four powers-of-ten bands ("10⁸ to 10⁹"), one holding `value`; where the right band sits
 * among them follows `seed`. For estimates where the order of magnitude is the skill.
 */
export function magnitudeOptions(value: number, seed: string): { options: ChoiceOption[]; correct: string; exponent: number } {
  const e = Math.floor(Math.log10(Math.max(1, value)));
  const first = Math.max(0, e - (hashString(seed) % 4));
  const bands = [first, first + 1, first + 2, first + 3];
  const r = lettered(bands.map((b) => ({ value: b, label: text('opt.band', { lo: powerOfTen(b), hi: powerOfTen(b + 1) }) })), (b) => b === e);
  return { ...r, exponent: e };
}

/**
 * Bands of a value between 0 and 1 (variance kept, a share of outputs), e.g. edges
 * [0.25, 0.5, 0.75] give four bands "0–25 %" … "75–100 %".
 */
export function shareOptions(share: number, edges: readonly number[]): { options: ChoiceOption[]; correct: string } {
  const bounds = [0, ...edges, 1];
  const bands = bounds.slice(0, -1).map((lo, i) => ({ lo, hi: bounds[i + 1]! }));
  const pct = (x: number) => `${Math.round(x * 100)}`;
  const at = bands.findIndex((b, i) => share < b.hi || i === bands.length - 1);
  return lettered(bands.map((b, i) => ({ value: i, label: text('opt.percentBand', { lo: pct(b.lo), hi: pct(b.hi) }) })), (i) => i === at);
}
