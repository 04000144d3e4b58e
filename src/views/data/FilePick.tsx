import type { ReactNode } from 'react';

interface Props {
  readonly id: string;
  readonly label: string;
  /** The button's words ("Choose a file…"). */
  readonly choose: string;
  /** The file in use, or what to say when there is none. */
  readonly current: string;
  readonly accept: string;
  readonly disabled?: boolean | undefined;
  readonly onFile: (f: File) => void;
  readonly children?: ReactNode;
}

/**
 * A file field that says which file is in use. The browser's own field says "No file chosen"
 * whenever its value is cleared (so the same file can be chosen again) or the panel is opened
 * anew, even while a model read from a file is in use; here the native input is kept (keyboard,
 * labels, drop) but hidden, and a label styled as a button and the file's name stand for it.
 */
export function FilePick({ id, label, choose, current, accept, disabled, onFile, children }: Props) {
  return (
    <span className="field file-field">
      <label htmlFor={id}>{label}</label>
      <span className="file-pick">
        <input id={id} type="file" className="sr-only" accept={accept} disabled={disabled} aria-describedby={`${id}-name`}
          onChange={(e) => { const f = e.target.files?.[0]; if (f) onFile(f); e.target.value = ''; }} />
        <label htmlFor={id} className="file-button" aria-disabled={disabled || undefined}>{choose}</label>
        <span id={`${id}-name`} className="file-name" data-testid={`${id}-name`}>{current}</span>
      </span>
      {children}
    </span>
  );
}
