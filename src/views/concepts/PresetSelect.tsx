/** Whether every field of `a` equals the same field of `b`. */
function sameFields<T extends object>(a: T, b: T): boolean {
  return (Object.keys(a) as (keyof T)[]).every((k) => a[k] === b[k]);
}

/**
 * The "Example" choice of a concept page: picks a preset, and shows which one the current
 * numbers are (or "your own numbers" once they match none).
 */
export function PresetSelect<T extends object, N extends string>({ id, label, presets, value, onPick, optionLabel, customLabel }: {
  id: string; label: string; presets: Readonly<Record<N, T>>; value: T; onPick: (v: T) => void;
  optionLabel: (name: N) => string; customLabel: string;
}) {
  const names = Object.keys(presets) as N[];
  const current = names.find((n) => sameFields(presets[n], value));
  return (
    <span className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={current ?? 'custom'} onChange={(e) => { if (e.target.value in presets) onPick(presets[e.target.value as N]); }}>
        {names.map((n) => <option key={n} value={n}>{optionLabel(n)}</option>)}
        <option value="custom" disabled>{customLabel}</option>
      </select>
    </span>
  );
}
