import { usePhotoT } from './text/usePhotoT';
import { formatInt } from '../../../lib/format';
import { selectSnapshot } from '../../../store/selectors';
import { useAppStore } from '../../../store/useAppStore';

/** One sentence on what the layer's filters are: learned prototypes, named colours, random, or the student's. */
export function FilterNote() {
  const t = usePhotoT();
  const lang = useAppStore((s) => s.lang);
  const kind = useAppStore((s) => selectSnapshot(s).data?.filterKind);
  const hasPhoto = useAppStore((s) => Boolean(selectSnapshot(s).data?.photo));
  const seed = useAppStore((s) => s.config.seed);
  if (!kind) return null;
  const text = kind === 'learned' ? t('kind.learned')
    : kind === 'named' ? t('kind.named')
    : kind === 'user' ? t('kind.user')
    : kind === 'random-shape' ? t('kind.randomShape', { cin: formatInt(512, lang), cout: formatInt(1024, lang), seed })
    : hasPhoto ? t('kind.random', { seed }) : t('kind.noise', { seed });
  return <p className="filter-note" data-kind={kind}>{text}</p>;
}
