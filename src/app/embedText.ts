/**
 * Text of the embed dialog (loaded with its chunk, not at start-up; the embed button's and the
 * embedded page's own text is in src/lib/i18n).
 */
import { useTWith } from '../components/useT';

export const embedEn = {
  'embed.title': "Embed this view",
  'embed.caption': "Paste this into your page. The frame resizes itself to fit; a sandboxed iframe needs allow-scripts allow-same-origin (and allow-popups allow-popups-to-escape-sandbox for its “open the full app” link).",
  'embed.copy': "Copy code",
  'embed.copied': "Code copied",
  'embed.frameTitle': "pointwise: an interactive 1×1 convolution",
  'embed.controls': 'Controls',
  'embed.controls.full': 'Steps and layer settings',
  'embed.controls.min': 'Steps only (compact)',
  'embed.controls.none': 'Picture only',
  'embed.lang': 'Language',
  'embed.lang.auto': 'The reader’s browser',
  'embed.scene': 'Opens at',
  'embed.quiz': 'Questions',
  'embed.quiz.on': 'On',
  'embed.quiz.off': 'Off',
  'embed.preview': 'Preview in a 700 px column',
  'embed.height': 'Height there: {height} px',
  'embed.measuring': 'Measuring…',
} as const;

export type EmbedKey = keyof typeof embedEn;

export const embedKo: Record<EmbedKey, string> = {
  'embed.title': "이 화면 퍼가기",
  'embed.caption': "이 코드를 페이지에 붙여 넣으세요. 프레임 높이는 내용에 맞게 저절로 바뀝니다. sandbox iframe에는 allow-scripts allow-same-origin이 필요합니다(‘전체 앱 열기’ 링크에는 allow-popups allow-popups-to-escape-sandbox도 필요합니다).",
  'embed.copy': "코드 복사",
  'embed.copied': "코드를 복사했습니다",
  'embed.frameTitle': "pointwise: 1×1 합성곱 인터랙티브 시각화",
  'embed.controls': '조작',
  'embed.controls.full': '단계 조작과 레이어 설정',
  'embed.controls.min': '단계 조작만 (간단히)',
  'embed.controls.none': '이미지만',
  'embed.lang': '언어',
  'embed.lang.auto': '읽는 사람의 브라우저 설정',
  'embed.scene': '시작 장면',
  'embed.quiz': '질문',
  'embed.quiz.on': '켜기',
  'embed.quiz.off': '끄기',
  'embed.preview': '너비 700 px 칼럼에서 미리 보기',
  'embed.height': '이때 높이: {height} px',
  'embed.measuring': '재는 중…',
};

/** Both languages: the snippet's frame title is in the language the frame will show. */
export const embedText = { en: embedEn, ko: embedKo };

/** The app's text with the dialog's own. */
export const useEmbedT = () => useTWith(embedText);
