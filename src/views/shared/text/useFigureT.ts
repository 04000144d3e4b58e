import { useTWith } from '../../../components/useT';
import { figureEn } from './en';
import { figureKo } from './ko';

/** Text of the figures after the first view (scenes 1–5, the explorer), loaded with their chunks. */
const DICTS = { en: figureEn, ko: figureKo };

/** The app's text with the figures' own. */
export const useFigureT = () => useTWith(DICTS);
