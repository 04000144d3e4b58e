import { describe, expect, it } from 'vitest';
import { en } from '../../../src/lib/i18n/en';
import { ko } from '../../../src/lib/i18n/ko';
import { fill, hasFinalConsonant, translate } from '../../../src/lib/i18n/t';
import { embedEn, embedKo } from '../../../src/app/embedText';
import { settingsEn, settingsKo } from '../../../src/views/shared/settingsText';
import { figureEn } from '../../../src/views/shared/text/en';
import { figureKo } from '../../../src/views/shared/text/ko';

describe('translate(lang, key, params)', () => {
  it('fills placeholders in both languages', () => {
    expect(translate('en', 'announce.pixel', { row: 1, col: 2, k: 3, value: '0.5' })).toBe('Pixel (1, 2), filter 3: output 0.5');
    expect(translate('ko', 'layer.filter', { k: 7 })).toBe('필터 7');
    expect(fill(figureEn['pixel.value'], { row: 1, col: 2, k: 3, value: '0.5' })).toBe('output (1, 2, 3) = 0.5');
    expect(fill(figureKo['picker.heading'], { k: 7 })).toBe('출력 채널 7');
  });
  it('picks 은/는 after a placeholder by the word’s final sound', () => {
    expect(fill(settingsKo['error.shape'], { key: '높이', min: 1, max: 128 })).toMatch(/^높이는 /);
    expect(fill(settingsKo['error.shape'], { key: '입력 채널', min: 1, max: 2048 })).toMatch(/^입력 채널은 /);
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

/** The text that loads with a later view (useTWith): its own keys first, the app's for the rest. */
describe('text modules of lazily loaded views', () => {
  const modules = { figure: [figureEn, figureKo], settings: [settingsEn, settingsKo], embed: [embedEn, embedKo] } as const;
  it('have the same keys in Korean as in English, none empty', () => {
    for (const [enDict, koDict] of Object.values(modules)) {
      expect(Object.keys(koDict).sort()).toEqual(Object.keys(enDict).sort());
      for (const v of Object.values(koDict)) expect(v.length).toBeGreaterThan(0);
    }
  });
  it('share no key with the start-up dictionary or with each other (an own key would hide the app’s)', () => {
    const keys = [Object.keys(en), ...Object.values(modules).map(([enDict]) => Object.keys(enDict))].flat();
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});
