import { describe, expect, it } from 'vitest';
import { en } from '../../../src/lib/i18n/en';
import { ko } from '../../../src/lib/i18n/ko';
import { fill, translate } from '../../../src/lib/i18n/t';
import { formatMs } from '../../../src/lib/format';
import { PHOTOS } from '../../../src/lib/photos';
import { quizKo } from '../../../src/quiz/text/ko';
import { trainKo } from '../../../src/views/train/text/ko';
import { conceptKo } from '../../../src/views/concepts/text/ko';
import { dataKo } from '../../../src/views/data/text/ko';
import { modelKo } from '../../../src/views/data/model/text/ko';
import { photoKo } from '../../../src/views/shared/photo/text/ko';
import { combineKo } from '../../../src/views/Walkthrough/combine/text';
import { figureKo } from '../../../src/views/shared/text/ko';
import { settingsKo } from '../../../src/views/shared/settingsText';
import { embedKo } from '../../../src/app/embedText';
import { EXACT, FORBIDDEN, TERMS, WHOLE_WORDS } from './koTerms';

/** Every Korean string the app shows, by "module:key". */
const ALL: Record<string, string> = Object.fromEntries([
  ...(Object.entries({ ui: ko, concepts: conceptKo, data: dataKo, model: modelKo, photo: photoKo, combine: combineKo, quiz: quizKo, train: trainKo, figure: figureKo, settings: settingsKo, embed: embedKo }) as [string, Record<string, string>][])
    .flatMap(([mod, dict]) => Object.entries(dict).map(([k, v]) => [`${mod}:${k}`, v] as const)),
  ...PHOTOS.map((p) => [`photos:${p.id}`, p.title.ko] as const),
]);

/** `word` where it starts a word: no Hangul just before it. */
const asWord = (word: string) => new RegExp(`(^|[^가-힣])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

const hits = (test: (text: string) => boolean) => Object.entries(ALL).filter(([, text]) => test(text)).map(([key, text]) => `${key}: ${text.slice(0, 60)}`);

describe('the reviewed Korean terms (issue #26)', () => {
  it('no string holds a form the review found wrong', () => {
    const found = FORBIDDEN.flatMap(([re, why]) => hits((s) => re.test(s)).map((h) => `${h} → ${why}`));
    expect(found).toEqual([]);
  });
  it('no string uses the word a chosen term replaced', () => {
    const found = TERMS.flatMap((t) => (t.not ?? []).flatMap((bad) => hits((s) => asWord(bad).test(s)).map((h) => `${h} → ${t.ko}`)));
    expect(found).toEqual([]);
  });
  it('a replaced word starts a word: no Hangul right before 맵, 레이어, 이미지 … (what would have caught 여맵)', () => {
    const found = WHOLE_WORDS.flatMap((w) => hits((s) => new RegExp(`[가-힣]${w}`).test(s)).map((h) => `${h} (…${w})`));
    expect(found).toEqual([]);
  });
  it('keeps the reviewer’s wording where it was given word for word', () => {
    for (const [key, want] of Object.entries(EXACT)) expect(ALL[key], key).toBe(want);
  });
});

describe('Korean strings as they are put together on screen', () => {
  it('a source note names its post once (not “글 004 글에서는”)', () => {
    const says = Object.keys(conceptKo).filter((k) => /^notes\.\w+\.says$/.test(k)) as (keyof typeof conceptKo)[];
    expect(says.length).toBeGreaterThan(5);
    for (const k of says) expect(`${fill(conceptKo['notes.post'], { n: '004' })} ${conceptKo[k]}`).not.toMatch(/글 \d+\S* .*?글(에서|의|은)/);
  });
  it('a step button’s name takes its key in brackets once: no brackets in the step names themselves', () => {
    const steps = Object.keys(en).filter((k) => /^step\.\w+\.(first|back|next|last)$/.test(k)) as (keyof typeof en)[];
    for (const k of steps) {
      expect(en[k], k).not.toMatch(/[()]/);
      expect(ko[k], k).not.toMatch(/[()]/);
    }
  });
  it('the first of a sequence is 첫 번째, not 1번째', () => {
    expect(fill(combineKo['combine.term'], { n: 1, i: 7, k: 0, w: '0.5' })).toMatch(/^첫 번째 항/);
    expect(translate('ko', 'controls.pixel', { row: 0, col: 0, index: 1, total: 3136 })).toContain('첫 번째');
    expect(fill(combineKo['combine.term'], { n: 12, i: 7, k: 0, w: '0.5' })).toMatch(/^12번째 항/);
  });
  it('times are written one way: a space before ms, 초 for seconds', () => {
    expect(formatMs(738, 'ko')).toBe('738 ms');
    expect(formatMs(2060, 'ko')).toBe('2.06초');
    expect(formatMs(3.14, 'ko')).toBe('3.1 ms');
  });
});
