/**
 * Fetches the learned bank's files (public/learned/*.npy, ≈ 1.1 MB in all) on first use, each
 * once: they are not part of any script bundle, and the service worker keeps them for offline
 * use. The first view asks for what it needs first — the first layer (≈ 100 KB) and the part of
 * the prototypes that holds its filter (128 KB) — and the rest after.
 */
import { FIRST_LAYER_FILES, LEARNED_FILES, POINTWISE_FILES, POINTWISE_PART_ROWS, type LearnedFileName } from '../engine/data/learnedFileNames';

/** Some or all of the bank's files, name → bytes. */
export type BankFiles = Readonly<Partial<Record<LearnedFileName, ArrayBuffer>>>;

const pending = new Map<LearnedFileName, Promise<ArrayBuffer>>();

function loadFile(name: LearnedFileName): Promise<ArrayBuffer> {
  let p = pending.get(name);
  if (!p) {
    p = fetch(`./learned/${name}.npy`).then((response) => {
      if (!response.ok) throw new Error(`learned/${name}.npy: HTTP ${response.status}`);
      return response.arrayBuffer();
    });
    // A failed load may be retried later (e.g. back online).
    p.catch(() => pending.delete(name));
    pending.set(name, p);
  }
  return p;
}

async function loadFiles(names: readonly LearnedFileName[]): Promise<BankFiles> {
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await loadFile(n)] as const)));
}

/** The whole bank. */
export const loadLearnedBank = (): Promise<BankFiles> => loadFiles(LEARNED_FILES);

/** The first layer's files alone (what the photo's input channels need). */
export const loadFirstLayer = (): Promise<BankFiles> => loadFiles(FIRST_LAYER_FILES);

/** The first layer and the part of the prototypes that holds filter `k`. */
export function loadBankFor(k: number): Promise<BankFiles> {
  const part = POINTWISE_FILES[Math.min(POINTWISE_FILES.length - 1, Math.max(0, Math.floor(k / POINTWISE_PART_ROWS)))]!;
  return loadFiles([...FIRST_LAYER_FILES, part]);
}
