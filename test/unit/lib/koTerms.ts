/**
 * The reviewed Korean terms (issue #26): what the app writes for each idea, and the forms a
 * native reviewer found wrong on screen — slips of a blind find-and-replace (지도 → 맵 turned
 * 여지도 into 여맵), literal translations, and mixed units and counters. koStrings.test.ts
 * checks every Korean string against this list.
 */

/**
 * One idea, one Korean word, and the words it replaced. A replaced word is looked for as a
 * word (no Hangul just before it): "지도" must not find 여지도 or 이미지도, "가지" not 들어가지 —
 * the blind replacement that made 여맵 and 이미맵 looked for it anywhere.
 */
export const TERMS: readonly { en: string; ko: string; not?: readonly string[] }[] = [
  { en: 'feature map', ko: '맵', not: ['지도'] },
  { en: 'layer', ko: '레이어', not: ['층'] },
  { en: 'picture, image', ko: '이미지' },
  { en: 'multiply-add', ko: '곱셈-누산 … 회', not: ['곱셈-덧셈'] },
  { en: 'branch (Inception)', ko: '갈래', not: ['가지'] },
  { en: 'direct path (against the bottleneck)', ko: '바로 연결', not: ['직접 k×k', '직접 경로', '직접:'] },
  { en: 'standard convolution', ko: '일반 합성곱', not: ['표준 대비'] },
  { en: 'shape (of a tensor or layer)', ko: '형태', not: ['모양이 올바르지', '모양에서'] },
  { en: 'noise input', ko: '노이즈', not: ['잡음'] },
  { en: 'photo patch (8×8 window of a photo)', ko: '사진 영역', not: ['사진 윈도우'] },
  { en: 'window (of a convolution)', ko: '윈도우', not: ['창 하나'] },
  { en: 'scene (of the walkthrough)', ko: '장면', not: ['이야기의 다음 단계'] },
  { en: 'product (strip label)', ko: '곱한 값' },
  { en: 'channels last', ko: '채널 마지막(NHWC)' },
  { en: 'what and where', ko: '내용과 위치', not: ['무엇과 어디'] },
  { en: 'export', ko: '내보내기', not: ['가져가기'] },
  { en: 'panel (drop area)', ko: '패널', not: ['이 판'] },
];

/** Words that a replacement must have left whole: each starts a word (no Hangul just before it). */
export const WHOLE_WORDS: readonly string[] = ['맵', '레이어', '이미지', '필터', '채널', '가중치'];

/** Fragments no Korean string may contain, each with the reason. */
export const FORBIDDEN: readonly [RegExp, string][] = [
  [/여맵|이미맵/, 'a 지도 → 맵 replacement hit 여지도 / 이미지도'],
  [/움직이는 곳/, '필터가 반응하는 곳'],
  [/이야기의 (다음|이전) 단계/, '다음 장면 / 이전 장면'],
  [/어디서 오나|어디에서 오는가/, '어디에서 왔을까'],
  [/\(모두 \{?\w+\}?개\)/, '(총 N개)'],
  [/색 척도는 따로/, '별도 색 척도'],
  [/두 가지 방법|입력도 출력 크기도/, '입력과 출력 크기가 같은 두 방법'],
  [/직접 셉니다/, '레이어 형태로부터 계산합니다'],
  [/작은 네트워크/, '마이크로 네트워크 (Network in Network)'],
  [/앞쪽 출력/, '처음 몇 개 출력'],
  [/결과 가져가기/, '결과 내보내기'],
  [/풀링 가지|다른 가지|가지는/, 'an Inception branch is 갈래'],
  [/, 촬영 \{/, '사진: 고양이 첼시(촬영: …)'],
  [/곱셈-누산 \{\w+\}번|\{\w+\}번(?!째)/, 'counts of multiply-adds take 회'],
  [/×\d{1,3},\d{3}/, 'shapes are written 56×56×1024, without separators'],
  [/(^|[\s(=:,])-\d/, 'a minus sign is “−”, not the ASCII hyphen'],
  [/(\d|\})(ms|MB|GB|KB|px)\b/, 'a Latin unit symbol stands a space after its number: 738 ms, 512 MB, 700 px'],
  [/(\d|\{(?!name\})\w+\}) 채널/, 'a channel count is written 250채널 (a counter, like 개)'],
  [/사진 윈도우/, '사진 영역'],
  [/잡음/, '노이즈 (one word for noise)'],
  [/이 판/, '이 패널'],
  [/창 하나/, '윈도우 하나'],
  [/무엇과 어디/, '내용과 위치'],
  [/색상 척도|색 눈금|자기 눈금/, '색 척도 (one word for a colour scale)'],
  [/(\d|\})\s?(백만|천만|십억)/, 'large counts in 만 and 억 (approxCount): 약 6,000만, 1.6억, not 60백만'],
];

/** Keys whose Korean the reviewer fixed word for word. */
export const EXACT: Readonly<Record<string, string>> = {
  'ui:nav.whatwhere': '내용과 위치',
  'ui:step.scene.next': '다음 장면',
  'ui:step.scene.back': '이전 장면',
  'figure:dot.products': '곱한 값',
  'concepts:basics.window.products': '곱한 값',
  'data:export.title': '결과 내보내기',
  'model:sum.channelsLast': '채널 마지막(NHWC)',
  'settings:config.shape': '형태',
  'data:col.shape': '형태',
  'concepts:fam.kind.standard': '일반',
};
