/** Vitest set-up: both UI dictionaries, which the app loads before its first render, are loaded for every test. */
import { loadLanguage } from '../src/lib/i18n/t';

await Promise.all([loadLanguage('en'), loadLanguage('ko')]);
