import { describe, expect, it } from 'vitest';
import { formatInt, formatValue } from '../../../src/lib/format';

describe('formatInt', () => {
  it('groups thousands like Intl does for en-US and ko-KR', () => {
    for (const n of [0, 7, 999, 1000, 524_288, 1_644_167_168, 60_965_224]) {
      expect(formatInt(n)).toBe(new Intl.NumberFormat('en-US').format(n));
      expect(formatInt(n, 'ko')).toBe(new Intl.NumberFormat('ko-KR').format(n));
    }
    expect(formatInt(-1234)).toBe('−1,234');
  });
});

describe('formatValue', () => {
  it('shows 4 significant digits with a real minus sign, and exponents for extremes', () => {
    expect(formatValue(-0.840412)).toBe('−0.8404');
    expect(formatValue(2.30149)).toBe('2.301');
    expect(formatValue(0)).toBe('0');
    expect(formatValue(1.5e-5)).toBe('1.500e-5');
  });
});
