import { describe, expect, it } from 'vitest';
import { ko } from '../../../src/lib/i18n/ko';
import { conceptKo } from '../../../src/views/concepts/text/ko';
import { dataKo } from '../../../src/views/data/text/ko';
import { photoKo } from '../../../src/views/shared/photo/text/ko';
import { combineKo } from '../../../src/views/Walkthrough/combine/text';
import { figureKo } from '../../../src/views/shared/text/ko';
import { settingsKo } from '../../../src/views/shared/settingsText';
import { embedKo } from '../../../src/app/embedText';
import { modelKo } from '../../../src/views/data/model/text/ko';
import { quizKo } from '../../../src/quiz/text/ko';

/**
 * Particles whose form depends on the final sound of the word before them. Right after a
 * placeholder the word is not known until run time, so the pair must be written for the
 * helper ({k}{과/와}), never one form ("출력 채널 {k}와", which reads "0와" for k = 0).
 */
const PAIRED = ['은', '는', '이', '가', '을', '를', '과', '와', '으로', '로', '이나', '나', '이라', '라', '이에요', '예요', '이며', '며', '이면', '면'];

function slips(dict: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [key, text] of Object.entries(dict)) {
    // A placeholder, then at once a Hangul particle from the list, then a non-Hangul character or the end.
    for (const m of text.matchAll(/\}([가-힣]+)/g)) {
      const word = m[1]!;
      const particle = PAIRED.find((p) => word === p || (word.startsWith(p) && !/^[가-힣]/.test(word.slice(p.length))));
      if (particle) out.push(`${key}: “…}${word}” in “${text.slice(Math.max(0, m.index! - 20), m.index! + 12)}”`);
    }
  }
  return out;
}

describe('Korean particles after placeholders (issue #15 §6)', () => {
  for (const [name, dict] of [['ui', ko], ['concepts', conceptKo], ['data', dataKo], ['photo', photoKo], ['combine', combineKo], ['model', modelKo], ['quiz', quizKo], ['figure', figureKo], ['settings', settingsKo], ['embed', embedKo]] as const) {
    it(`${name}: every particle right after a placeholder is a pair for the helper`, () => {
      expect(slips(dict as Record<string, string>)).toEqual([]);
    });
  }
});

describe('the reported case', () => {
  it('“출력 채널 0와 그 필터” now reads 0과, and 2와', async () => {
    const { fill } = await import('../../../src/lib/i18n/t');
    expect(fill(figureKo['all.enlarged'], { k: 0 })).toBe('출력 채널 0과 그 필터');
    expect(fill(figureKo['all.enlarged'], { k: 2 })).toBe('출력 채널 2와 그 필터');
  });
});

describe('one Korean term per idea (issue #15 §6)', () => {
  // Feature map is 맵 (not 지도, a geographic map), layer is 레이어 (not 층), multiply-add is
  // 곱셈-누산, a picture is 이미지 (그림 only as the verb "draws"), and layout is 차원 순서.
  // 지도 only as a word: 여지도 ("room, too") and 이미지도 ("the image, too") are not maps (issue #26).
  const RULES: [RegExp, string][] = [[/(^|[^가-힣])지도/, '맵'], [/(^|[^가-힣])층/, '레이어'], [/곱셈-덧셈/, '곱셈-누산'], [/그림(?!\))/, '이미지'], [/(^|[^재])배치(?! \{shape\})/, '차원 순서 (배치 is a batch)']];
  for (const [name, dict] of [['ui', ko], ['concepts', conceptKo], ['data', dataKo], ['photo', photoKo], ['combine', combineKo], ['model', modelKo], ['quiz', quizKo], ['figure', figureKo], ['settings', settingsKo], ['embed', embedKo]] as const) {
    it(`${name}: uses the chosen terms`, () => {
      const found = Object.entries(dict as Record<string, string>).flatMap(([key, text]) => RULES.filter(([re]) => re.test(text)).map(([, want]) => `${key}: use ${want} — “${text.slice(0, 40)}…”`));
      expect(found).toEqual([]);
    });
  }
});
