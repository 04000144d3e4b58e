/**
 * Fetches the learned bank's files (public/learned/*.npy, ≈ 1.1 MB) once, on first use: they
 * are not part of any script bundle, and the service worker keeps them for offline use.
 */
import { LEARNED_FILES, type LearnedFileName } from '../engine/learnedFileNames';

export type BankFiles = Readonly<Record<LearnedFileName, ArrayBuffer>>;

let pending: Promise<BankFiles> | null = null;

export function loadLearnedBank(): Promise<BankFiles> {
  pending ??= Promise.all(LEARNED_FILES.map(async (name) => {
    const response = await fetch(`./learned/${name}.npy`);
    if (!response.ok) throw new Error(`learned/${name}.npy: HTTP ${response.status}`);
    return [name, await response.arrayBuffer()] as const;
  })).then((entries) => Object.fromEntries(entries) as Record<LearnedFileName, ArrayBuffer>);
  // A failed load may be retried later (e.g. back online).
  pending.catch(() => { pending = null; });
  return pending;
}
