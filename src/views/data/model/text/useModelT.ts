import { useDictionary } from '../../../../components/useT';
import { modelEn } from './en';
import { modelKo } from './ko';

/** Text of the model panel (loaded with its chunk). */
const DICTS = { en: modelEn, ko: modelKo };

export const useModelT = () => useDictionary(DICTS);
