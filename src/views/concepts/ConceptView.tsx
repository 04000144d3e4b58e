import { useT } from '../../components/useT';
import { isWhyView, WHY_VIEWS, type View } from '../../store/slices/ui';
import { useAppStore } from '../../store/useAppStore';
import { Basics } from './basics/Basics';
import { Family } from './family/Family';
import { Params } from './params/Params';
import { Bottleneck } from './why/Bottleneck';
import { Dense } from './why/Dense';
import { Nonlinearity } from './why/Nonlinearity';
import { Reduction } from './why/Reduction';
import { WhatWhere } from './why/WhatWhere';
import './concepts.css';

const PAGES = {
  bottleneck: Bottleneck, nonlinearity: Nonlinearity, whatwhere: WhatWhere, reduction: Reduction, dense: Dense,
  family: Family, basics: Basics, params: Params,
} as const;

export type ConceptPage = keyof typeof PAGES;

/** The concept pages (one lazily loaded chunk): "Why 1×1?" with its five sections, and the rest. */
export default function ConceptView({ view }: { view: ConceptPage }) {
  const t = useT();
  const setView = useAppStore((s) => s.setView);
  const embed = useAppStore((s) => s.presentation.embed);
  const Page = PAGES[view];
  return (
    <main id="main" className="concepts" tabIndex={-1}>
      {isWhyView(view as View) && !embed && (
        <nav className="subviews" aria-label={t('nav.whyLabel')}>
          {WHY_VIEWS.map((v) => (
            <a key={v} href={`#${v}`} aria-current={v === view ? 'page' : undefined}
              onClick={(e) => { e.preventDefault(); setView(v); }}>{t(`nav.${v}`)}</a>
          ))}
        </nav>
      )}
      <Page />
    </main>
  );
}
