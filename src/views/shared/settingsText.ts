/**
 * Text of the open settings line, the layer's settings and "your own data" (loaded with the
 * settings' chunk, not at start-up; the closed line's text is in src/lib/i18n).
 */
import { useTWith } from '../../components/useT';

export const settingsEn = {
  'preset.label': 'Layer',
  'preset.headline': '56×56×512 → 1024 (the classic)',
  'preset.reduce': '56×56×250 → 10 (channel reduction)',
  'preset.tiny': '4×4×3 → 2 (check the arithmetic)',
  'config.seed': 'Seed',
  'config.bias': 'Bias',
  'error.shape': '{key} must be a whole number from {min} to {max}.',
  'error.size': 'That layer is too large for a browser tab (more than {max} values in one tensor).',
  'data.open': "Your own data (a model, .npy, pictures)",
  'data.inUse': "in use: {label}",
  'config.shape': "Shape",
  'config.height': "H",
  'config.width': "W",
  'config.inChannels': "Cin",
  'config.outChannels': "Cout",
  'preset.custom': "Custom shape",
} as const;

export type SettingsKey = keyof typeof settingsEn;

export const settingsKo: Record<SettingsKey, string> = {
  'preset.label': '레이어',
  'preset.headline': '56×56×512 → 1024 (대표 예제)',
  'preset.reduce': '56×56×250 → 10 (채널 축소)',
  'preset.tiny': '4×4×3 → 2 (손으로 계산해 보기)',
  'config.seed': '시드',
  'config.bias': '편향',
  'error.shape': '{key}{은/는} {min}부터 {max} 사이의 정수여야 합니다.',
  'error.size': '브라우저 탭에서 다루기에 너무 큰 레이어입니다(텐서 하나에 값 {max}개 초과).',
  'data.open': "내 데이터 (모델, .npy, 이미지)",
  'data.inUse': "사용 중: {label}",
  'config.shape': "형태",
  'config.height': "높이 H",
  'config.width': "너비 W",
  'config.inChannels': "입력 채널 Cin",
  'config.outChannels': "출력 채널 Cout",
  'preset.custom': "직접 입력",
};

const DICTS = { en: settingsEn, ko: settingsKo };

/** The app's text with the settings' own. */
export const useSettingsT = () => useTWith(DICTS);
