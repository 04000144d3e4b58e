import { useState } from 'react';
import { useConceptT } from '../text/useConceptT';

/** A 3×3 grid of number inputs; a cell that is not a number keeps its last value. */
export function KernelEditor({ values, onChange }: { values: readonly number[]; onChange: (v: readonly number[]) => void }) {
  const t = useConceptT();
  const [text, setText] = useState(() => values.map(show));
  // New values from outside (a preset) replace the draft, during render (no effect, no extra pass).
  const [shown, setShown] = useState(values);
  if (shown !== values) {
    setShown(values);
    setText(values.map(show));
  }
  return (
    <fieldset className="kernel-editor">
      <legend>{t('basics.kernelEdit')}</legend>
      <div className="kernel-cells">
        {text.map((v, i) => (
          <input key={i} type="number" step="0.1" value={v} aria-label={t('basics.kernelCell', { row: Math.floor(i / 3), col: i % 3 })}
            onChange={(e) => {
              const next = [...text];
              next[i] = e.target.value;
              setText(next);
              const n = Number(e.target.value);
              if (e.target.value.trim() !== '' && Number.isFinite(n) && Math.abs(n) <= 1000) onChange(values.map((old, j) => (j === i ? n : old)));
            }} />
        ))}
      </div>
    </fieldset>
  );
}

function show(v: number): string {
  return String(Math.round(v * 10000) / 10000);
}
