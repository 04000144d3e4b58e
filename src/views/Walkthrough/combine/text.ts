/**
 * Text of scene 5 (loaded with its chunk, not at start-up). Notation as in the rest of the
 * walkthrough: input channel i, filter k, weight w(k, i).
 */
import { useDictionary } from '../../../components/useT';

export const combineEn = {
  'combine.readout': "After {n} of {cin} terms: relative error {error}, correlation with the whole map {r}",
  'combine.mapLabel': "Output map {k} after {n} of {cin} terms",
  'combine.term': "Term {n}: input channel {i} × weight w({k}, {i}) = {w}",
  'combine.inputMap': "input channel {i}",
  'combine.termMap': "its term w·x (own colour scale)",
  'combine.termLabel': "Input channel {i} times {w}",
  'combine.errorLabel': "Relative error against the number of terms added; {error} after {n}",
  'combine.errorCaption': "Relative error ‖whole − partial‖ / ‖whole − bias‖ against the number of terms added: 1 with none, 0 with all {cin}.",
  'combine.milestones': "The error falls to half after {half} terms and below 10% after {tenth}, of {cin}.",
  'combine.order': "Order of the terms",
  'combine.order.contribution': "Largest first (by ‖w·x‖)",
  'combine.order.index': "Channel order",
  'combine.final': "All {cin} terms: output map {k}",
  'combine.finalRelu': "All {cin} terms: output map {k} before the ReLU",
} as const;

export type CombineKey = keyof typeof combineEn;

export const combineKo: Record<CombineKey, string> = {
  'combine.readout': "항 {cin}개 중 {n}개를 더한 뒤: 상대 오차 {error}, 완성된 맵과의 상관계수 {r}",
  'combine.mapLabel': "항 {cin}개 중 {n}개를 더한 출력 맵 {k}",
  'combine.term': "{n}번째 항: 입력 채널 {i} × 가중치 w({k}, {i}) = {w}",
  'combine.inputMap': "입력 채널 {i}",
  'combine.termMap': "그 항 w·x (별도 색 척도)",
  'combine.termLabel': "입력 채널 {i}에 {w}{을/를} 곱한 맵",
  'combine.errorLabel': "더한 항의 개수에 따른 상대 오차. 지금은 {n}개에서 {error}",
  'combine.errorCaption': "더한 항의 개수에 따른 상대 오차 ‖전체 − 부분합‖ / ‖전체 − 편향‖: 하나도 없으면 1, {cin}개를 모두 더하면 0.",
  'combine.milestones': "오차는 항 {half}개에서 절반으로, {tenth}개에서 10% 아래로 줄어듭니다(총 {cin}개).",
  'combine.order': "항을 더하는 순서",
  'combine.order.contribution': "큰 것부터 (‖w·x‖ 기준)",
  'combine.order.index': "채널 순서",
  'combine.final': "항 {cin}개를 모두 더한 출력 맵 {k}",
  'combine.finalRelu': "항 {cin}개를 모두 더한 출력 맵 {k} (ReLU 전)",
};

const DICTS = { en: combineEn, ko: combineKo };

export const useCombineT = () => useDictionary(DICTS);
