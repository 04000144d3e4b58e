/**
 * The student's answers, kept in the browser: one JSON entry in localStorage, read once and
 * written through. Where storage is unavailable (a sandboxed frame, privacy settings) it
 * throws; the answers then live in memory for the page's life and everything else still works.
 */

export type AnswerStatus = 'right' | 'wrong' | 'shown';

export interface AnswerRecord {
  /** The question's signature when it was answered (see Question.signature). */
  readonly signature: string;
  /** The choice's id or the typed text; null when the answer was shown without one. */
  readonly response: string | null;
  readonly status: AnswerStatus;
}

/** ask: reveals wait for a prediction; show: reveals show at once, the questions stay. */
export type QuizMode = 'ask' | 'show';

export interface QuizData {
  readonly mode: QuizMode;
  readonly pages: Readonly<Record<string, Readonly<Record<string, AnswerRecord>>>>;
}

/** The part of the Web Storage API used here. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const STORAGE_KEY = 'pointwise.quiz.v1';
const EMPTY: QuizData = { mode: 'ask', pages: {} };

export interface AnswerBook {
  get(): QuizData;
  /** False once storage has failed: answers last only as long as the page. */
  isPersistent(): boolean;
  record(page: string, id: string, answer: AnswerRecord): void;
  resetPage(page: string): void;
  setMode(mode: QuizMode): void;
  subscribe(listener: () => void): () => void;
}

/** Reads stored data, keeping only well-formed records. */
export function parseQuizData(raw: string | null): QuizData {
  if (!raw) return EMPTY;
  try {
    const d: unknown = JSON.parse(raw);
    if (typeof d !== 'object' || d === null) return EMPTY;
    const mode = 'mode' in d && d.mode === 'show' ? 'show' : 'ask';
    const pages: Record<string, Record<string, AnswerRecord>> = {};
    const rawPages = 'pages' in d && typeof d.pages === 'object' && d.pages !== null ? d.pages : {};
    for (const [page, records] of Object.entries(rawPages)) {
      if (typeof records !== 'object' || records === null) continue;
      const kept: Record<string, AnswerRecord> = {};
      for (const [id, r] of Object.entries(records as Record<string, unknown>)) {
        if (typeof r !== 'object' || r === null) continue;
        const { signature, response, status } = r as Record<string, unknown>;
        if (typeof signature === 'string' && (typeof response === 'string' || response === null) && (status === 'right' || status === 'wrong' || status === 'shown')) {
          kept[id] = { signature, response, status };
        }
      }
      pages[page] = kept;
    }
    return { mode, pages };
  } catch {
    return EMPTY;
  }
}

/** An answer book over `storage` (called lazily; it may throw or return null). */
export function createAnswerBook(storage: () => KeyValueStore | null): AnswerBook {
  let store: KeyValueStore | null = null;
  let persistent = true;
  try {
    store = storage();
  } catch {
    store = null;
  }
  let data: QuizData;
  try {
    data = parseQuizData(store ? store.getItem(STORAGE_KEY) : null);
  } catch {
    data = EMPTY;
  }
  if (!store) persistent = false;
  const listeners = new Set<() => void>();
  const update = (next: QuizData) => {
    data = next;
    if (store && persistent) {
      try {
        store.setItem(STORAGE_KEY, JSON.stringify(data));
      } catch {
        persistent = false;
      }
    }
    for (const l of listeners) l();
  };
  return {
    get: () => data,
    isPersistent: () => persistent,
    record: (page, id, answer) => update({ ...data, pages: { ...data.pages, [page]: { ...data.pages[page], [id]: answer } } }),
    resetPage: (page) => {
      const pages = { ...data.pages };
      delete pages[page];
      update({ ...data, pages });
    },
    setMode: (mode) => update({ ...data, mode }),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
