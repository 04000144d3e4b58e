import { useDictionary } from '../../../components/useT';
import { dataEn } from './en';
import { dataKo } from './ko';

/** Text of the data loader and exports (loaded with their chunk). */
const DICTS = { en: dataEn, ko: dataKo };

export const useDataT = () => useDictionary(DICTS);
