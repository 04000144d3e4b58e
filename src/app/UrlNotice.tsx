import { useT } from '../components/useT';
import { appStore } from '../store';
import { useAppStore } from '../store/useAppStore';

/** Says which link values were not usable and were replaced by defaults; dismissible. */
export function UrlNotice() {
  const t = useT();
  const hashProblems = useAppStore((s) => s.urlProblems);
  const queryProblems = useAppStore((s) => s.presentationProblems);
  const problems = [...queryProblems, ...hashProblems];
  if (problems.length === 0) return null;
  const list = problems.map((p) => `${p.key}=${p.value.length > 24 ? `${p.value.slice(0, 24)}…` : p.value}`).join(', ');
  return (
    <div className="notice url-notice" role="status">
      <span>{t('url.problems', { list })}</span>
      <button type="button" onClick={() => appStore.setState({ urlProblems: [], presentationProblems: [] })}>{t('url.dismiss')}</button>
    </div>
  );
}
