import { useDictionary } from '../../../components/useT';
import { trainEn } from './en';
import { trainKo } from './ko';

/** Text of the Train page (loaded with its chunk). */
const DICTS = { en: trainEn, ko: trainKo };

export const useTrainT = () => useDictionary(DICTS);
