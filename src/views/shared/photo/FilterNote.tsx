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
  const from = useAppStore((s) => s.userData?.provenance);
  if (!kind) return null;
  // A layer of the student's model says where every number came from.
  if (kind === 'user' && from) {
    const text = t('kind.model', { node: from.node, model: from.model, picture: from.picture, size: from.size, preprocessing: from.preprocessing });
    return <p className="filter-note" data-kind="model">{from.folded ? `${text} ${t('kind.modelFolded', { node: from.folded })}` : text}</p>;
  }
  const text = kind === 'learned' ? t('kind.learned')
    : kind === 'named' ? t('kind.named')
    : kind === 'user' ? t('kind.user')
    : kind === 'random-shape' ? t('kind.randomShape', { cin: formatInt(512, lang), cout: formatInt(1024, lang), seed })
    : hasPhoto ? t('kind.random', { seed }) : t('kind.noise', { seed });
  return <p className="filter-note" data-kind={kind}>{text}</p>;
}
