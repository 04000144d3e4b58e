import { useShallow } from 'zustand/react/shallow';
import { formatInt, formatMs } from '../../lib/format';
import { selectCost } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';
import { useT } from '../../components/useT';

/** Progress while the worker computes, then what was computed and how fast. */
export function StatusBar() {
  const t = useT();
  const job = useAppStore((s) => s.job);
  const lang = useAppStore((s) => s.lang);
  const outChannels = useAppStore((s) => s.config.outChannels);
  const cost = useAppStore(useShallow(selectCost));
  let text = '';
  if (job.status === 'generating') text = t('status.generating');
  else if (job.status === 'computing') text = t('status.computing', { outChannels: formatInt(outChannels, lang), percent: Math.round(job.progress * 100) });
  else if (job.status === 'done') {
    const n = job.workers ?? 1;
    const workers = n === 0 ? t('status.workers.main') : n === 1 ? t('status.workers.one') : n === 2 ? t('status.workers.two') : t('status.workers.many', { n });
    text = t('status.done', { multiplyAdds: formatInt(cost.multiplyAdds, lang), time: formatMs(job.computeMs ?? 0, lang), workers });
  } else if (job.status === 'error') text = t('status.error', { message: job.error ?? '' });
  const busy = job.status === 'generating' || job.status === 'computing';
  return (
    <div className={`status status-${job.status}`} role={job.status === 'error' ? 'alert' : 'status'} aria-live="polite" data-status={job.status}>
      {busy && (
        <progress max={1} value={job.status === 'computing' ? job.progress : undefined} aria-label={t('status.progressLabel')} />
      )}
      <span>{text}</span>
      {job.status === 'done' && (job.nonFinite ?? 0) > 0 && (
        <span className="status-warning" data-testid="overflow">{t('status.overflow', { count: formatInt(job.nonFinite ?? 0, lang) })}</span>
      )}
    </div>
  );
}
