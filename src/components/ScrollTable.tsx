import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from './useT';

/**
 * A table that may be wider than the screen: it scrolls sideways, and when it does it says so
 * (a line above it and a shadow at the cut edge) and takes keyboard focus, so no number is
 * hidden without a sign.
 */
export function ScrollTable({ children }: { children: ReactNode }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <>
      {overflows && <p className="scroll-hint" aria-hidden="true">{t('table.scroll')}</p>}
      <div ref={ref} className="table-scroll" data-overflows={overflows} tabIndex={overflows ? 0 : undefined}
        role={overflows ? 'region' : undefined} aria-label={overflows ? t('table.scroll') : undefined}>
        {children}
      </div>
    </>
  );
}
