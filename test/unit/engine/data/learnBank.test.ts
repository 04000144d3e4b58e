import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bankToNpy, learnBank, LEARNED_FILES, roundTripBank } from '../../../../src/engine';
import { PHOTOS } from '../../../../src/lib/photos';
import { readShippedPhoto } from '../../../../scripts/readPhoto';

describe('learnBank(photos) and the shipped files', () => {
  it('public/learned/*.npy are byte for byte what `npm run learn` makes from the shipped photos', () => {
    const files = bankToNpy(learnBank(PHOTOS.map((p) => readShippedPhoto(p.id))));
    for (const name of LEARNED_FILES) {
      const shipped = new Uint8Array(readFileSync(`public/learned/${name}.npy`));
      expect(shipped.length, name).toBe(files[name].length);
      expect(Buffer.compare(shipped, files[name]), `${name} differs from a fresh run`).toBe(0);
    }
  }, 180_000);

  it('rounds through float16 files losslessly the second time (what is shipped is what is used)', () => {
    const rand = (i: number) => Math.sin(i * 12.9898) * 3;
    const bank = {
      first: { kernel: 8, stride: 4, pad: 2, contrastEps: 0.01, threshold: 0.25, filters: Float32Array.from({ length: 2 * 192 }, (_, i) => rand(i)), bias: Float32Array.from([0.5, -0.25]) },
      // 1,024 prototypes, as shipped: 8 files of 128.
      pointwise: { outChannels: 1024, inChannels: 4, data: Float32Array.from({ length: 4096 }, (_, i) => rand(i + 500)) },
      featureMean: Float32Array.from([0.1, 0.2, 0.3, 0.4]),
    };
    const once = roundTripBank(bank);
    const twice = roundTripBank(once);
    expect(twice.pointwise.data).toEqual(once.pointwise.data);
    expect(twice.first.filters).toEqual(once.first.filters);
    // float16 keeps 11 significant bits: within 2⁻¹¹ of each value.
    once.first.filters.forEach((v, i) => expect(Math.abs(v - bank.first.filters[i]!)).toBeLessThanOrEqual(Math.abs(bank.first.filters[i]!) * 2 ** -11));
  });
});
