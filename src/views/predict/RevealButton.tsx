import { useT } from '../../components/useT';
import { useAppStore } from '../../store/useAppStore';
import { requestReveal } from './reveal';

/** The step bar's Reveal button in lecture mode (the same as the R key). */
export function RevealButton() {
  const t = useT();
  const quiz = useAppStore((s) => s.presentation.quiz);
  if (!quiz) return null;
  return <button type="button" onClick={requestReveal} title={t('present.reveal')}>{t('present.reveal')}</button>;
}
