/** The learned bank as the worker reads it: parsed from the page's fetched files, once per set of buffers. */
import type { LearnedBank } from '../engine/learnBank';
import { bankFromNpy, LEARNED_FILES, type LearnedFileName } from '../engine/learnedFiles';
import { RequestError } from './requestChecks';

let cache: { key: string; bank: LearnedBank } | null = null;

/**
 * Names a set of files by their lengths and 64 bytes sampled across each: every request brings
 * its own copy of the same files, and parsing them again would cost ≈ 10 ms a layer.
 */
function fingerprint(files: Readonly<Record<LearnedFileName, ArrayBuffer>>): string {
  return LEARNED_FILES.map((n) => {
    const b = new Uint8Array(files[n]);
    let s = `${b.length}:`;
    for (let i = 0; i < 64 && b.length; i++) s += b[Math.floor((i * (b.length - 1)) / 63)]!.toString(16);
    return s;
  }).join('|');
}

export function learnedBank(files: Readonly<Record<LearnedFileName, ArrayBuffer>> | undefined): LearnedBank {
  if (!files || LEARNED_FILES.some((n) => !(files[n] instanceof ArrayBuffer))) throw new RequestError('learned filters need the bank');
  const key = fingerprint(files);
  if (cache?.key !== key) {
    try {
      const bytes = Object.fromEntries(LEARNED_FILES.map((n) => [n, new Uint8Array(files[n])])) as Record<LearnedFileName, Uint8Array>;
      cache = { key, bank: bankFromNpy(bytes) };
    } catch (e) {
      throw new RequestError(`the learned bank cannot be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return cache.bank;
}
