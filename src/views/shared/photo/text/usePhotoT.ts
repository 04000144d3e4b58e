import { useDictionary } from '../../../../components/useT';
import { photoEn } from './en';
import { photoKo } from './ko';

/** Text of the photo parts (loaded with their chunk, not at start-up). */
const DICTS = { en: photoEn, ko: photoKo };

export const usePhotoT = () => useDictionary(DICTS);
