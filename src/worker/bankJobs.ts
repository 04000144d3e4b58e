/** The learned bank as the worker reads it: parsed from the page's fetched files (some or all), once per set of buffers. */
import { bankFromNpy, FIRST_LAYER_FILES, LEARNED_FILES, type LearnedFileName, type PartialBank } from '../engine/data/learnedFiles';
import type { BankBuffers } from './protocol';
import { RequestError } from './requestChecks';

let cache: { key: string; bank: PartialBank } | null = null;

/**
 * Names a set of files by their lengths and 64 bytes sampled across each: every request brings
 * its own copy of the same files, and parsing them again would cost ≈ 10 ms a layer.
 */
function fingerprint(files: BankBuffers): string {
  return LEARNED_FILES.map((n) => {
    const b = new Uint8Array(files[n] ?? new ArrayBuffer(0));
    let s = `${b.length}:`;
    for (let i = 0; i < 64 && b.length; i++) s += b[Math.floor((i * (b.length - 1)) / 63)]!.toString(16);
    return s;
  }).join('|');
}

/** The bank from some of its files: the first layer's are needed; the prototypes' parts present say which filters can be made. */
export function learnedBank(files: BankBuffers | undefined): PartialBank {
  if (!files || FIRST_LAYER_FILES.some((n) => !(files[n] instanceof ArrayBuffer))) throw new RequestError('learned filters need the bank');
  if (LEARNED_FILES.some((n) => files[n] !== undefined && !(files[n] instanceof ArrayBuffer))) throw new RequestError('the bank’s files must be ArrayBuffers');
  const key = fingerprint(files);
  if (cache?.key !== key) {
    try {
      const bytes: Partial<Record<LearnedFileName, Uint8Array>> = {};
      for (const n of LEARNED_FILES) if (files[n]) bytes[n] = new Uint8Array(files[n]);
      cache = { key, bank: bankFromNpy(bytes) };
    } catch (e) {
      throw new RequestError(`the learned bank cannot be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return cache.bank;
}
