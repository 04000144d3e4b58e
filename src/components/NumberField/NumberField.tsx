import { useId, useState } from 'react';

export interface NumberFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  /** Called only with whole numbers inside [min, max]. */
  onChange: (value: number) => void;
  /** The message shown while the text is not a usable value; `{min}` and `{max}` are filled. */
  problem: string;
  className?: string | undefined;
}

/**
 * A labelled whole-number input. While the text is out of range the last good value stays
 * in use and a message says what is allowed.
 */
export function NumberField({ label, value, min, max, onChange, problem, className }: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(String(value));
  // A new value from outside replaces the draft, during render (no effect, no extra pass).
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(String(value));
  }
  const v = Number(text);
  const isValid = text.trim() !== '' && Number.isInteger(v) && v >= min && v <= max;
  return (
    <span className={`field number-field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" inputMode="numeric" min={min} max={max} value={text}
        aria-invalid={isValid ? undefined : true} aria-describedby={isValid ? undefined : `${id}-problem`}
        onChange={(e) => {
          setText(e.target.value);
          const n = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isInteger(n) && n >= min && n <= max) onChange(n);
        }} />
      {!isValid && <span id={`${id}-problem`} className="problem" role="alert">{problem.replace('{min}', String(min)).replace('{max}', String(max))}</span>}
    </span>
  );
}
