/**
 * Prediction questions as data. A page's questions are a pure function of the state on its
 * screen (engine values, shape, photo, filter, pixel); the view only draws them and keeps the
 * student's answers. Text is a key of the quiz dictionary (text/en.ts) with its parameters, so
 * the same question reads in English and Korean.
 */
import type { QuizKey } from './text/en';

/**
 * A large count to be written approximately in the reader's language ("60 million",
 * "6,000만"): the one parameter whose wording depends on the language, so it is formatted when
 * read (readText), not when the question is made.
 */
export interface ApproxCount {
  readonly approx: number;
}

/** A parameter: already formatted (a string or a small number), or an approximate count. */
export type Param = string | number | ApproxCount;

/** A sentence of the quiz dictionary and the values it is filled with (numbers already formatted). */
export interface Text {
  readonly key: QuizKey;
  readonly params?: Readonly<Record<string, Param>>;
}

/**
 * How close an answer must be, stated to the student when it is judged:
 * exact (counts), sign (above/below), relative10 (within ±10 %), magnitude (the power of ten),
 * range (the right band of a few).
 */
export type Tolerance = 'exact' | 'sign' | 'relative10' | 'magnitude' | 'range';

export interface ChoiceOption {
  readonly id: string;
  readonly label: Text;
}

export type Answer =
  | { readonly kind: 'choice'; readonly options: readonly ChoiceOption[]; readonly correct: string }
  /** A number typed in; `value` is the engine's, `unit` how it is written ('%': 11.9 means 11.9 %). */
  | { readonly kind: 'number'; readonly value: number; readonly unit?: '%' };

export interface Question {
  /** Stable within its page, e.g. 'weights'. */
  readonly id: string;
  /** predict: asked before the reveal; check: a retrieval question after it. */
  readonly phase: 'predict' | 'check';
  readonly prompt: Text;
  /**
   * What the answer depends on (shape, pixel, filter, photo…): an answer kept for another
   * signature belongs to another question and is not shown as this one's.
   */
  readonly signature: string;
  readonly tolerance: Tolerance;
  readonly answer: Answer;
  /** One sentence of why, with the computed value. */
  readonly explanation: Text;
}

/** The judged answer: right or wrong, or unreadable (a number field with no number in it). */
export type Verdict = { readonly status: 'right' | 'wrong'; readonly given: string } | { readonly status: 'invalid' };

/** A sentence of the dictionary with its values. */
export function text(key: QuizKey, params?: Readonly<Record<string, Param>>): Text {
  return params ? { key, params } : { key };
}
