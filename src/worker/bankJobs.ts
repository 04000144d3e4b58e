/** The learned bank as the worker reads it: parsed from the page's fetched files, once per set of buffers. */
import type { LearnedBank } from '../engine/learnBank';
import { bankFromNpy, LEARNED_FILES, type LearnedFileName } from '../engine/learnedFiles';
import { RequestError } from './requestChecks';

let cache: { files: Readonly<Record<LearnedFileName, ArrayBuffer>>; bank: LearnedBank } | null = null;

export function learnedBank(files: Readonly<Record<LearnedFileName, ArrayBuffer>> | undefined): LearnedBank {
  if (!files) throw new RequestError('learned filters need the bank');
  if (cache?.files !== files) {
    try {
      const bytes = Object.fromEntries(LEARNED_FILES.map((n) => [n, new Uint8Array(files[n])])) as Record<LearnedFileName, Uint8Array>;
      cache = { files, bank: bankFromNpy(bytes) };
    } catch (e) {
      throw new RequestError(`the learned bank cannot be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return cache.bank;
}
