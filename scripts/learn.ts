/**
 * Learns the shipped layers from the shipped photos (src/engine/data/learnBank.ts says how) and
 * writes them to public/learned/ as float16 .npy files. Deterministic: the same photos give
 * the same bytes; test/unit/engine/data/learnBank.test.ts checks the committed files against a
 * fresh run.  Usage: npm run learn
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { bankToNpy, LEARNED_FILES } from '../src/engine/data/learnedFiles.ts';
import { learnBank } from '../src/engine/data/learnBank.ts';
import { PHOTOS } from '../src/lib/photos.ts';
import { readShippedPhoto } from './readPhoto.ts';

const start = performance.now();
const bank = learnBank(PHOTOS.map((p) => readShippedPhoto(p.id)));
const files = bankToNpy(bank);
mkdirSync('public/learned', { recursive: true });
for (const name of LEARNED_FILES) {
  writeFileSync(`public/learned/${name}.npy`, files[name]);
  console.log(`public/learned/${name}.npy  ${files[name].length} bytes`);
}
console.log(`learned in ${((performance.now() - start) / 1000).toFixed(1)} s`);
