import { lazy, Suspense, useState } from 'react';
import { useT } from '../components/useT';

/** The dialog and its live preview load on first use: nothing of them is in the start-up code. */
const EmbedDialog = lazy(() => import('./EmbedDialog'));

/** Opens the dialog that makes a copy-paste snippet embedding the current view. */
export function EmbedButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog" aria-expanded={open}>
        {t('embed.button')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <EmbedDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
