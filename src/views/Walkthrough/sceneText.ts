/**
 * Text of the walkthrough's screen-fitting parts (issue #26): the filter picker of scene 1.
 * Notation as in the rest of the walkthrough: filter k, input channel i.
 */
import { useDictionary } from '../../components/useT';

export const sceneEn = {
  'pick.filter': "Filter k",
  'pick.range': "of 0…{last}",
  'pick.problem': "A filter number from {min} to {max}",
} as const;

export type SceneKey = keyof typeof sceneEn;

export const sceneKo: Record<SceneKey, string> = {
  'pick.filter': "필터 k",
  'pick.range': "(0…{last})",
  'pick.problem': "필터 번호는 {min}부터 {max}까지입니다",
};

const DICTS = { en: sceneEn, ko: sceneKo };

export const useSceneT = () => useDictionary(DICTS);
