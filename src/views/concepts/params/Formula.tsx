import { useId } from 'react';

/** A number with its formula in a tooltip, shown on hover and on keyboard focus. */
export function Formula({ value, formula }: { value: string; formula: string }) {
  const id = useId();
  return (
    <span className="tip" tabIndex={0} aria-describedby={id}>
      {value}
      <span role="tooltip" id={id} className="tip-text">{formula}</span>
    </span>
  );
}
