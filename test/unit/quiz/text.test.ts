import { describe, expect, it } from 'vitest';
import { quizEn } from '../../../src/quiz/text/en';
import { quizKo } from '../../../src/quiz/text/ko';

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('quiz text (en, ko)', () => {
  it('has the same keys in Korean as in English, none empty', () => {
    expect(Object.keys(quizKo).sort()).toEqual(Object.keys(quizEn).sort());
    for (const v of Object.values(quizKo)) expect(v.length).toBeGreaterThan(0);
  });
  it('fills the same placeholders in both languages', () => {
    for (const [key, en] of Object.entries(quizEn)) expect(placeholders(quizKo[key as keyof typeof quizEn]), key).toEqual(placeholders(en));
  });
});
