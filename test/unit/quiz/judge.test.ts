import { describe, expect, it } from 'vitest';
import { judge, parseNumber, withinTolerance } from '../../../src/quiz/judge';
import type { Question, Tolerance } from '../../../src/quiz/types';

const numberQuestion = (value: number, tolerance: Tolerance): Question => ({
  id: 'n', phase: 'predict', signature: 's', tolerance, prompt: { key: 'bn.direct.q' }, explanation: { key: 'bn.direct.why' },
  answer: { kind: 'number', value },
});

describe('parseNumber(raw)', () => {
  it('reads the ways people type numbers', () => {
    expect(parseNumber('1800')).toBe(1800);
    expect(parseNumber(' 1,800 ')).toBe(1800);
    expect(parseNumber('1 800')).toBe(1800);
    expect(parseNumber('1.8e3')).toBe(1800);
    expect(parseNumber('−3')).toBe(-3);
    expect(parseNumber('11.9%')).toBe(11.9);
    expect(parseNumber('.5')).toBe(0.5);
  });
  it('returns null for an empty field or words', () => {
    for (const raw of ['', '  ', 'abc', '1,8,0,0x', '--1', '1e']) expect(parseNumber(raw)).toBeNull();
  });
});

describe('withinTolerance(given, value, tolerance)', () => {
  it('exact: only the value itself', () => {
    expect(withinTolerance(1800, 1800, 'exact')).toBe(true);
    expect(withinTolerance(1801, 1800, 'exact')).toBe(false);
    expect(withinTolerance(1799, 1800, 'exact')).toBe(false);
  });
  it('relative10: ±10 % counts, at its edges too, and nothing beyond', () => {
    expect(withinTolerance(1045, 950, 'relative10')).toBe(true); // +10 %
    expect(withinTolerance(855, 950, 'relative10')).toBe(true); // −10 %
    expect(withinTolerance(1045.2, 950, 'relative10')).toBe(false);
    expect(withinTolerance(854.8, 950, 'relative10')).toBe(false);
    expect(withinTolerance(11.9 * 1.1, 11.9, 'relative10')).toBe(true);
  });
  it('magnitude: within a factor of 10 either way, same sign', () => {
    expect(withinTolerance(1.6e8, 1.6e9, 'magnitude')).toBe(true);
    expect(withinTolerance(1.6e10, 1.6e9, 'magnitude')).toBe(true);
    expect(withinTolerance(1.5e8, 1.6e9, 'magnitude')).toBe(false);
    expect(withinTolerance(1.7e10, 1.6e9, 'magnitude')).toBe(false);
    expect(withinTolerance(-1.6e9, 1.6e9, 'magnitude')).toBe(false);
  });
  it('sign: any value of the same sign', () => {
    expect(withinTolerance(0.001, 42, 'sign')).toBe(true);
    expect(withinTolerance(-0.001, 42, 'sign')).toBe(false);
    expect(withinTolerance(0, 0, 'sign')).toBe(true);
  });
});

describe('judge(question, response)', () => {
  it('judges typed numbers under the question’s tolerance, and names unreadable input', () => {
    expect(judge(numberQuestion(1800, 'exact'), '1,800')).toEqual({ status: 'right', given: '1800' });
    expect(judge(numberQuestion(1800, 'exact'), '1,900').status).toBe('wrong');
    expect(judge(numberQuestion(950, 'relative10'), '1000').status).toBe('right');
    expect(judge(numberQuestion(950, 'relative10'), '1100').status).toBe('wrong');
    expect(judge(numberQuestion(950, 'relative10'), 'about a thousand').status).toBe('invalid');
  });
  it('judges a choice by its id, and an id not among the options as invalid', () => {
    const q: Question = {
      id: 'c', phase: 'predict', signature: 's', tolerance: 'exact', prompt: { key: 'fam.dw.q' }, explanation: { key: 'fam.dw.why' },
      answer: { kind: 'choice', options: [{ id: 'a', label: { key: 'opt.yes' } }, { id: 'b', label: { key: 'opt.no' } }], correct: 'b' },
    };
    expect(judge(q, 'b').status).toBe('right');
    expect(judge(q, 'a').status).toBe('wrong');
    expect(judge(q, 'z').status).toBe('invalid');
    expect(judge(q, '').status).toBe('invalid');
  });
});
