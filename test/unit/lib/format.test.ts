import { describe, expect, it } from 'vitest';
import { formatInt, formatMs, formatValue } from '../../../src/lib/format';

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
  it('shows 4 significant digits with a real minus sign, plain decimals where a table can hold them, and powers of ten written as such', () => {
    expect(formatValue(-0.840412)).toBe('−0.8404');
    expect(formatValue(2.30149)).toBe('2.301');
    expect(formatValue(0)).toBe('0');
    expect(formatValue(1.615e-4)).toBe('0.0001615');
    expect(formatValue(1.5e-5)).toBe('0.00001500');
    expect(formatValue(-12345.67)).toBe('−12,345.7');
    expect(formatValue(1.5e-7)).toBe('1.500 × 10⁻⁷');
    expect(formatValue(3.4e38)).toBe('3.400 × 10³⁸');
  });
});

describe('formatMs', () => {
  it('writes times as each language writes units', () => {
    expect(formatMs(3.21)).toBe('3.2 ms');
    expect(formatMs(412.4)).toBe('412 ms');
    expect(formatMs(1236)).toBe('1.24 s');
    expect(formatMs(412.4, 'ko')).toBe('412 ms');
    expect(formatMs(1236, 'ko')).toBe('1.24초');
  });
});
