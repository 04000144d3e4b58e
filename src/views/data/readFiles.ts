/** Reading the student's files: .npy parsed in the worker, pictures decoded by the browser. */
import { engineRequest } from '../../store/engine';
import type { ParseNpyResult } from '../../worker/protocol';

/** Files above this size are refused before they are read (16 M float64 values and a header). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024 * 8 + 65_536;

export type NpyRead = Extract<ParseNpyResult, { status: 'read' }>;
export type FileRead =
  | { readonly status: 'read'; readonly name: string; readonly npy: NpyRead }
  | { readonly status: 'refused'; readonly name: string; readonly code: string; readonly detail: string };

export async function readNpyFile(file: File): Promise<FileRead> {
  if (file.size > MAX_FILE_BYTES) return { status: 'refused', name: file.name, code: 'file-too-large', detail: String(file.size) };
  const bytes = await file.arrayBuffer();
  const r = await engineRequest('parseNpy', { bytes }, { transfer: [bytes] });
  if (r.status === 'refused') return { status: 'refused', name: file.name, code: r.code, detail: r.detail };
  if (r.overflow) return { status: 'refused', name: file.name, code: 'float32-overflow', detail: '' };
  if (!r.finite) return { status: 'refused', name: file.name, code: 'non-finite', detail: '' };
  return { status: 'read', name: file.name, npy: r };
}

export type Role = 'input' | 'weights' | 'bias';

/** Guesses what a dropped array is from its shape: (Cout, Cin, 1, 1) or 2-D → weights, 1-D → bias, else input. */
export function guessRole(shape: readonly number[]): Role {
  if (shape.length === 1) return 'bias';
  if (shape.length === 2) return 'weights';
  if (shape.length === 4 && shape[2] === 1 && shape[3] === 1 && shape[0]! > 1) return 'weights';
  return 'input';
}

/** Saves bytes as a file through a temporary link. */
export function download(data: BlobPart, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
