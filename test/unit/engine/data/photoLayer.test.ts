import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bankFromNpy, float16Bits, generateLayerData, hwcTensor, LEARNED_FILES, NAMED_COLOUR_FILTERS, parseNpy, photoLayerData, receptiveField, topActivations, writeNpy,
  type LearnedFileName,
} from '../../../../src/engine';
import { lcg } from '../reference';

// Read on first use inside a test, not at import: code run at import counts for every test
// under Stryker's per-test coverage, so each mutant of the .npy reader would run them all.
let bankCache: ReturnType<typeof bankFromNpy> | undefined;
const learnedBank = () => (bankCache ??= bankFromNpy(Object.fromEntries(LEARNED_FILES.map((n) => [n, new Uint8Array(readFileSync(`public/learned/${n}.npy`))])) as Record<LearnedFileName, Uint8Array>));
const rand = lcg(11);
const photo = (h: number, w: number) => hwcTensor(4 * h, 4 * w, 3, Float32Array.from({ length: 16 * h * w * 3 }, () => rand() + 0.5));

describe('photoLayerData(shape, photo, mode, seed, bank)', () => {
  it('learned 56×56×512→1024: unit-length prototypes, bias −w·mean, features ≥ 0', () => {
    const d = photoLayerData({ height: 56, width: 56, inChannels: 512, outChannels: 1024 }, photo(56, 56), 'learned', 1, learnedBank());
    expect(d.filterKind).toBe('learned');
    expect(d.input.data.every((v) => v >= 0)).toBe(true);
    for (const k of [0, 511, 1023]) {
      const w = d.weights.data.subarray(k * 512, k * 512 + 512);
      expect(Math.hypot(...w)).toBeCloseTo(1, 5);
      expect(d.bias[k]).toBeCloseTo(-w.reduce((s, v, i) => s + v * learnedBank().featureMean[i]!, 0), 5);
    }
  });

  it('a subset shape (250 → 10) uses the first 250 channels and 10 prototypes, renormalised', () => {
    const d = photoLayerData({ height: 8, width: 8, inChannels: 250, outChannels: 10 }, photo(8, 8), 'learned', 1, learnedBank());
    expect(d.filterKind).toBe('learned');
    const full = learnedBank().pointwise.data.subarray(3 * 512, 3 * 512 + 250);
    const norm = Math.hypot(...full);
    d.weights.data.subarray(3 * 250, 4 * 250).forEach((v, i) => expect(v).toBeCloseTo(full[i]! / norm, 6));
  });

  it('Cin = 3 gives the RGB photo (4×4 averages) and the named colour filters', () => {
    const p = photo(4, 4);
    const d = photoLayerData({ height: 4, width: 4, inChannels: 3, outChannels: 2 }, p, 'learned', 1, learnedBank());
    expect(d.filterKind).toBe('named');
    expect(Array.from(d.weights.data)).toEqual(Array.from(Float32Array.from([...NAMED_COLOUR_FILTERS[0].weights, ...NAMED_COLOUR_FILTERS[1].weights])));
    let s = 0;
    for (let y = 4; y < 8; y++) for (let x = 8; x < 12; x++) s += p.data[(y * 16 + x) * 3 + 1]!;
    expect(d.input.data[(1 * 4 + 2) * 3 + 1]).toBeCloseTo(s / 16, 6);
  });

  it('shapes beyond the bank say so and use seeded random filters; random mode uses the seed', () => {
    expect(photoLayerData({ height: 4, width: 4, inChannels: 600, outChannels: 8 }, photo(4, 4), 'learned', 1, learnedBank()).filterKind).toBe('random-shape');
    expect(photoLayerData({ height: 4, width: 4, inChannels: 64, outChannels: 2000 }, photo(4, 4), 'learned', 1, learnedBank()).filterKind).toBe('random-shape');
    expect(photoLayerData({ height: 4, width: 4, inChannels: 3, outChannels: 4 }, photo(4, 4), 'learned', 1, learnedBank()).filterKind).toBe('random-shape');
    const r = photoLayerData({ height: 4, width: 4, inChannels: 16, outChannels: 8 }, photo(4, 4), 'random', 7, learnedBank());
    expect(r.filterKind).toBe('random');
    // The same seeded weights and bias as the synthetic layer of that shape and seed.
    const seeded = generateLayerData({ height: 4, width: 4, inChannels: 16, outChannels: 8 }, 7);
    expect(r.weights.data).toEqual(seeded.weights.data);
    expect(r.bias).toEqual(seeded.bias);
  });

  it('refuses a photo of the wrong size', () => {
    expect(() => photoLayerData({ height: 4, width: 4, inChannels: 8, outChannels: 2 }, photo(5, 4), 'learned', 1, learnedBank())).toThrow(/16×16×3/);
  });
});

describe('topActivations(map, …) and receptiveField', () => {
  it('takes the largest values greedily, at least minDistance apart (brute force agrees)', () => {
    const h = 9, w = 7, c = 2;
    const data = Float32Array.from({ length: h * w * c }, () => rand());
    const got = topActivations(data, h, w, c, 1, 5, 2);
    const order = Array.from({ length: h * w }, (_, p) => p).sort((a, b) => data[b * c + 1]! - data[a * c + 1]!);
    const want: { row: number; col: number }[] = [];
    for (const p of order) {
      const row = Math.floor(p / w), col = p % w;
      if (want.length < 5 && want.every((t) => Math.max(Math.abs(t.row - row), Math.abs(t.col - col)) >= 2)) want.push({ row, col });
    }
    expect(got.map(({ row, col }) => ({ row, col }))).toEqual(want);
    expect(got[0]!.value).toBe(data[(want[0]!.row * w + want[0]!.col) * c + 1]);
  });

  it('output pixel (r, c) sees photo rows 4r − 2 … 4r + 5', () => {
    expect(receptiveField(3, 5, 8, 4, 2)).toEqual({ top: 10, left: 18, size: 8 });
  });
});

describe('float16Bits(x) and the float16 .npy writer', () => {
  it('rounds to nearest even, saturates to ±Infinity, keeps subnormals and signed zero', () => {
    expect(float16Bits(1)).toBe(0x3c00);
    expect(float16Bits(-2)).toBe(0xc000);
    expect(float16Bits(65504)).toBe(0x7bff);
    expect(float16Bits(65520)).toBe(0x7c00);
    expect(float16Bits(2 ** -24)).toBe(0x0001);
    expect(float16Bits(2 ** -26)).toBe(0);
    expect(float16Bits(-0)).toBe(0x8000);
    expect(float16Bits(1 + 2 ** -11)).toBe(0x3c00); // tie → even
    expect(float16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02); // tie → even (up)
    expect(float16Bits(NaN) & 0x7c00).toBe(0x7c00);
  });

  it('every finite float16 value survives write → parse exactly', () => {
    const values = new Float32Array(63488);
    let n = 0;
    const view = new DataView(new ArrayBuffer(2));
    for (let bits = 0; bits < 0x10000; bits++) {
      if ((bits & 0x7c00) === 0x7c00) continue;
      view.setUint16(0, bits, true);
      // Decode with the reader: a one-value file.
      const one = new Uint8Array(writeNpy(Float32Array.of(0), [1], 'f2'));
      one.set([view.getUint8(0), view.getUint8(1)], one.length - 2);
      values[n++] = parseNpy(one, 1).data[0]!;
    }
    const parsed = parseNpy(writeNpy(values, [values.length], 'f2'), values.length).data;
    expect(parsed).toEqual(values);
  });
});
