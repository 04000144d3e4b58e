import { describe, expect, it } from 'vitest';
import { approxCount, enApproxCount, koApproxCount } from '../../../src/lib/i18n/approxCount';

describe('koApproxCount: Korean counts in 만 (10⁴), 억 (10⁸), 조 (10¹²)', () => {
  it('keeps numbers under 10⁴ whole', () => {
    expect(koApproxCount(0)).toBe('0');
    expect(koApproxCount(512)).toBe('512');
    expect(koApproxCount(9_999)).toBe('9,999');
  });
  it('switches to 만 at 10⁴, with one decimal below 10만', () => {
    expect(koApproxCount(9_999.6)).toBe('1만');
    expect(koApproxCount(10_000)).toBe('1만');
    expect(koApproxCount(12_345)).toBe('1.2만');
    expect(koApproxCount(99_499)).toBe('9.9만');
    expect(koApproxCount(99_999)).toBe('10만');
    expect(koApproxCount(100_000)).toBe('10만');
  });
  it('counts whole 만 up to 9,999만', () => {
    expect(koApproxCount(3_211_264)).toBe('321만');
    expect(koApproxCount(6_000_000)).toBe('600만');
    expect(koApproxCount(12_845_056)).toBe('1,285만');
    expect(koApproxCount(60_000_000)).toBe('6,000만');
    expect(koApproxCount(99_994_999)).toBe('9,999만');
  });
  it('carries into 억 rather than writing 10,000만', () => {
    expect(koApproxCount(99_995_000)).toBe('1억');
    expect(koApproxCount(99_999_999)).toBe('1억');
    expect(koApproxCount(100_000_000)).toBe('1억');
    expect(koApproxCount(160_000_000)).toBe('1.6억');
    expect(koApproxCount(1_644_167_168)).toBe('16억');
    expect(koApproxCount(6_000_000_000)).toBe('60억');
    expect(koApproxCount(999_999_999_999)).toBe('1조');
    expect(koApproxCount(2.5e12)).toBe('2.5조');
  });
  it('writes a real minus sign', () => {
    expect(koApproxCount(-12_345)).toBe('−1.2만');
  });
});

describe('enApproxCount: English counts in millions and billions', () => {
  it('keeps numbers under a million whole, then counts millions and billions', () => {
    expect(enApproxCount(999_999)).toBe('999,999');
    expect(enApproxCount(999_999.7)).toBe('1 million');
    expect(enApproxCount(1_600_000)).toBe('1.6 million');
    expect(enApproxCount(12_845_056)).toBe('13 million');
    expect(enApproxCount(600_000_000)).toBe('600 million');
    expect(enApproxCount(999_600_000)).toBe('1 billion');
    expect(enApproxCount(6_000_000_000)).toBe('6 billion');
  });
  it('approxCount picks the language', () => {
    expect(approxCount(60_000_000, 'en')).toBe('60 million');
    expect(approxCount(60_000_000, 'ko')).toBe('6,000만');
  });
});
