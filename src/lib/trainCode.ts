/**
 * The Train page's state in a link: class names and painted strokes, compact and checked.
 *
 * Strokes: `<class><radius><points>` joined by `.`, where class is 0–5 or `e` (the eraser),
 * radius 0–8, and each point two base64url characters (row, col < 64), e.g. `01AAAB.11ghgi`.
 * A 20-cell drag costs 42 characters.
 */
import { ERASER, type Stroke } from '../engine/train/strokes';

/** The map the student paints on (the walkthrough's 56×56). */
export const TRAIN_MAP = 56;
export const MIN_CLASSES = 2;
export const MAX_CLASSES = 6;
/** The most strokes a link (and the page) keeps, and characters of strokes in a link. */
export const MAX_STROKES = 64;
export const MAX_STROKE_CHARS = 6000;
export const MAX_RADIUS = 8;
export const MAX_NAME = 20;

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function encodeStrokes(strokes: readonly Stroke[]): string {
  return strokes.map((s) => {
    let out = `${s.cls === ERASER ? 'e' : s.cls}${s.radius}`;
    for (const v of s.points) out += DIGITS[v];
    return out;
  }).join('.');
}

/** The strokes of a link, or undefined when any is malformed, too many, or outside a map of `classes` classes. */
export function decodeStrokes(raw: string, classes: number): Stroke[] | undefined {
  if (raw === '') return [];
  if (raw.length > MAX_STROKE_CHARS) return undefined;
  const parts = raw.split('.');
  if (parts.length > MAX_STROKES) return undefined;
  const strokes: Stroke[] = [];
  for (const part of parts) {
    const m = /^([0-5e])([0-8])((?:[A-Za-z0-9_-]{2})+)$/.exec(part);
    if (!m) return undefined;
    const cls = m[1] === 'e' ? ERASER : Number(m[1]);
    if (cls >= classes) return undefined;
    const points = Array.from(m[3]!, (ch) => DIGITS.indexOf(ch));
    if (points.some((v) => v >= TRAIN_MAP)) return undefined;
    strokes.push({ cls, radius: Number(m[2]), points });
  }
  return strokes;
}

/** Class names in a link: comma-separated, 2–6 of them, each 1–20 characters without a comma. */
export function decodeClassNames(raw: string): string[] | undefined {
  const names = raw.split(',').map((n) => n.trim());
  if (names.length < MIN_CLASSES || names.length > MAX_CLASSES) return undefined;
  return names.every((n) => n.length > 0 && n.length <= MAX_NAME) ? names : undefined;
}

export const encodeClassNames = (names: readonly string[]): string => names.join(',');

/** A name as the student typed it, made fit for a link (commas dropped, trimmed, at most 20 characters). */
export const cleanClassName = (name: string): string => name.replace(/,/g, ' ').slice(0, MAX_NAME);
