/** Reading the student's .npy files: the bytes go to the worker, which parses and checks them. */
import { MAX_FILE_BYTES } from '../engine/core/limits';
import type { ParseNpyResult } from '../worker/protocol';
import { engineRequest } from './engine';

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
