import { describe, expect, it } from 'vitest';
import { createAnswerBook, parseQuizData, STORAGE_KEY, type KeyValueStore } from '../../../src/quiz/answers';

function memoryStorage(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => { map.set(k, v); } };
}

describe('createAnswerBook(storage)', () => {
  it('keeps answers per page in storage, and a new book reads them back', () => {
    const storage = memoryStorage();
    const book = createAnswerBook(() => storage);
    book.record('scene2', 'sign', { signature: 'x', response: 'a', status: 'right' });
    book.record('scene2', 'term', { signature: 'x', response: null, status: 'shown' });
    expect(JSON.parse(storage.map.get(STORAGE_KEY)!).pages.scene2.sign.status).toBe('right');
    const again = createAnswerBook(() => storage);
    expect(again.get().pages.scene2).toEqual(book.get().pages.scene2);
    expect(again.isPersistent()).toBe(true);
  });
  it('resets one page and leaves the others', () => {
    const book = createAnswerBook(() => memoryStorage());
    book.record('scene1', 'weights', { signature: 's', response: 'b', status: 'wrong' });
    book.record('bottleneck', 'direct', { signature: 's', response: '1800', status: 'right' });
    book.resetPage('scene1');
    expect(book.get().pages.scene1).toBeUndefined();
    expect(book.get().pages.bottleneck?.direct?.status).toBe('right');
  });
  it('works in memory when storage throws (a sandboxed frame), and says it is not persistent', () => {
    const throwing = () => { throw new DOMException('denied', 'SecurityError'); };
    const book = createAnswerBook(throwing);
    let heard = 0;
    book.subscribe(() => heard++);
    book.record('scene2', 'sign', { signature: 's', response: 'a', status: 'right' });
    expect(book.get().pages.scene2?.sign?.status).toBe('right');
    expect(book.isPersistent()).toBe(false);
    expect(heard).toBe(1);
  });
  it('keeps working in memory when writing fails (storage full)', () => {
    const book = createAnswerBook(() => ({ getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } }));
    book.setMode('show');
    expect(book.get().mode).toBe('show');
    expect(book.isPersistent()).toBe(false);
  });
});

describe('parseQuizData(raw)', () => {
  it('drops malformed records and defaults to asking', () => {
    const d = parseQuizData(JSON.stringify({ mode: 'weird', pages: { a: { ok: { signature: 's', response: 'x', status: 'right' }, bad: { signature: 1 } }, b: 7 } }));
    expect(d.mode).toBe('ask');
    expect(Object.keys(d.pages.a!)).toEqual(['ok']);
    expect(parseQuizData('{not json').pages).toEqual({});
    expect(parseQuizData(null).mode).toBe('ask');
  });
});
