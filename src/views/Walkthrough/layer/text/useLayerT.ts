import { useDictionary } from '../../../../components/useT';
import { layerEn } from './en';
import { layerKo } from './ko';

/** Text of the whole-layer figure and its small copy. */
const DICTS = { en: layerEn, ko: layerKo };

export const useLayerT = () => useDictionary(DICTS);
