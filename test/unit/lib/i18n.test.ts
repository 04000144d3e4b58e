import { describe, expect, it } from 'vitest';
import { en } from '../../../src/lib/i18n/en';
import { ko } from '../../../src/lib/i18n/ko';
import { hasFinalConsonant, translate } from '../../../src/lib/i18n/t';

describe('translate(lang, key, params)', () => {
  it('fills placeholders in both languages', () => {
    expect(translate('en', 'pixel.value', { row: 1, col: 2, k: 3, value: '0.5' })).toBe('output (1, 2, 3) = 0.5');
    expect(translate('ko', 'picker.heading', { k: 7 })).toBe('출력 채널 7');
  });
  it('picks 은/는 after a placeholder by the word’s final sound', () => {
    expect(translate('ko', 'error.shape', { key: '높이', min: 1, max: 128 })).toMatch(/^높이는 /);
    expect(translate('ko', 'error.shape', { key: '입력 채널', min: 1, max: 2048 })).toMatch(/^입력 채널은 /);
  });
  it('reads digits as Sino-Korean numbers for particles', () => {
    expect(hasFinalConsonant('3')).toBe(true); // 삼
    expect(hasFinalConsonant('2')).toBe(false); // 이
    expect(hasFinalConsonant('10')).toBe(true); // 십
  });
  it('has the same keys in Korean as in English, none empty', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    for (const v of Object.values(ko)) expect(v.length).toBeGreaterThan(0);
  });
});
