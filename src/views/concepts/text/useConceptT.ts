import { useDictionary } from '../../../components/useT';
import { conceptEn } from './en';
import { conceptKo } from './ko';

/** Text of the concept pages, in two dictionaries with one typed key set like the app's. */
const DICTS = { en: conceptEn, ko: conceptKo };

export const useConceptT = () => useDictionary(DICTS);
