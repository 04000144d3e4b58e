import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activationsFromNpy, hwcToChw, type LayoutError, NpyError, parseNpy, weightsFromNpy, writeNpy, type NpyArray,
} from '../../../../src/engine';

const LIMIT = 1 << 20;

/** Builds a .npy file by hand, independently of writeNpy, with any header and data. */
function npyFile(header: string, data: Uint8Array, version = 1): Uint8Array {
  const lenBytes = version === 1 ? 2 : 4;
  const pad = (64 - ((8 + lenBytes + header.length + 1) % 64)) % 64;
  const h = header + ' '.repeat(pad) + '\n';
  const out = new Uint8Array(8 + lenBytes + h.length + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const view = new DataView(out.buffer);
  if (version === 1) view.setUint16(8, h.length, true);
  else view.setUint32(8, h.length, true);
  for (let i = 0; i < h.length; i++) out[8 + lenBytes + i] = h.charCodeAt(i);
  out.set(data, 8 + lenBytes + h.length);
  return out;
}

function encode(values: number[], kind: 'f2' | 'f4' | 'f8', little: boolean): Uint8Array {
  const size = { f2: 2, f4: 4, f8: 8 }[kind];
  const out = new Uint8Array(values.length * size);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => {
    if (kind === 'f4') view.setFloat32(i * size, v, little);
    else if (kind === 'f8') view.setFloat64(i * size, v, little);
    else view.setUint16(i * size, toHalf(v), little);
  });
  return out;
}

/** Exactly representable halves only (the test picks small integers and halves). */
function toHalf(v: number): number {
  if (v === 0) return 0;
  const sign = v < 0 ? 0x8000 : 0;
  const a = Math.abs(v);
  const e = Math.floor(Math.log2(a));
  const frac = Math.round((a / 2 ** e - 1) * 1024);
  return sign | ((e + 15) << 10) | frac;
}

describe('parseNpy', () => {
  it('reads float32/64/16 in both byte orders and versions 1, 2 and 3', () => {
    const values = [0, 1.5, -2, 3.25, 1024, -0.5];
    for (const kind of ['f2', 'f4', 'f8'] as const) {
      for (const little of [true, false]) {
        for (const version of [1, 2, 3]) {
          const descr = `${little ? '<' : '>'}${kind}`;
          const a = parseNpy(npyFile(`{'descr': '${descr}', 'fortran_order': False, 'shape': (2, 3), }`, encode(values, kind, little), version), LIMIT);
          expect(a.shape).toEqual([2, 3]);
          expect(Array.from(a.data)).toEqual(values);
        }
      }
    }
  });
  it('transposes fortran_order data into C order', () => {
    // The 2×3 matrix [[1,2,3],[4,5,6]] stored column by column.
    const a = parseNpy(npyFile(`{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }`, encode([1, 4, 2, 5, 3, 6], 'f4', true)), LIMIT);
    expect(Array.from(a.data)).toEqual([1, 2, 3, 4, 5, 6]);
    const b = parseNpy(npyFile(`{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2, 2), }`, encode([0, 4, 2, 6, 1, 5, 3, 7], 'f4', true)), LIMIT);
    expect(Array.from(b.data)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
  it('accepts the header variants NumPy writes: 1-tuples, scalars, any key order, double quotes', () => {
    expect(parseNpy(npyFile(`{"shape": (3,), "fortran_order": False, "descr": "<f4"}`, encode([1, 2, 3], 'f4', true)), LIMIT).shape).toEqual([3]);
    expect(parseNpy(npyFile(`{'descr': '<f8', 'fortran_order': False, 'shape': ()}`, encode([7], 'f8', true)), LIMIT).data[0]).toBe(7);
  });
  const bad: [string, Uint8Array, string][] = [
    ['too-short', new Uint8Array([0x93, 0x4e]), 'a stub'],
    ['bad-magic', npyFile(`{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }`, encode([1], 'f4', true)).map((b, i) => (i === 1 ? 0 : b)), 'wrong magic'],
    ['bad-version', npyFile(`{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }`, encode([1], 'f4', true)).map((b, i) => (i === 6 ? 4 : b)), 'version 4'],
    ['bad-header', npyFile(`{'descr': '<f4', 'shape': (1,), }`, encode([1], 'f4', true)), 'a missing key'],
    ['bad-header', npyFile(`{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'extra': 1}`, encode([1], 'f4', true)), 'an extra key'],
    ['bad-header', npyFile(`{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }`, encode([1], 'f4', true)), 'a negative dimension'],
    ['object-array', npyFile(`{'descr': '|O', 'fortran_order': False, 'shape': (1,), }`, new Uint8Array(8)), 'a pickled object array'],
    ['bad-dtype', npyFile(`{'descr': '<i4', 'fortran_order': False, 'shape': (1,), }`, new Uint8Array(4)), 'integers'],
    ['too-large', npyFile(`{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000, 100000), }`, new Uint8Array(0)), 'an absurd shape'],
    ['size-mismatch', npyFile(`{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }`, encode([1, 2], 'f4', true)), 'truncated data'],
    ['size-mismatch', npyFile(`{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }`, encode([1, 2], 'f4', true)), 'trailing bytes'],
  ];
  for (const [code, bytes, what] of bad) {
    it(`refuses ${what} with ${code}`, () => {
      try {
        parseNpy(bytes, LIMIT);
        expect.unreachable('should have thrown');
      } catch (e) {
        expect(e).toBeInstanceOf(NpyError);
        expect((e as NpyError).code).toBe(code);
      }
    });
  }
});

describe('writeNpy ∘ parseNpy', () => {
  it('is the identity for random shapes and values', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }),
      fc.integer(),
      (shape, seed) => {
        const n = shape.reduce((a, b) => a * b, 1);
        const data = Float32Array.from({ length: n }, (_, i) => Math.fround(Math.sin(seed + i) * 100));
        const file = writeNpy(data, shape);
        expect((file.length - data.length * 4) % 64).toBe(0);
        const back = parseNpy(file, LIMIT);
        expect(back.shape).toEqual(shape);
        expect(Array.from(back.data)).toEqual(Array.from(data));
      },
    ), { numRuns: 200 });
  });
  it('reads back random arrays written by hand in float16/32/64, either byte order, any version', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 4 }),
      fc.constantFrom('f2', 'f4', 'f8'), fc.boolean(), fc.constantFrom(1, 2, 3), fc.integer({ min: -64, max: 64 }),
      (shape, kind, little, version, offset) => {
        const n = shape.reduce((a, b) => a * b, 1);
        // Multiples of 1/4 within ±80 are exact in every one of the three types.
        const values = Array.from({ length: n }, (_, i) => ((i * 5 + offset) % 64) / 4 + 0); // + 0 turns −0 into 0
        const dims = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
        const a = parseNpy(npyFile(`{'descr': '${little ? '<' : '>'}${kind}', 'fortran_order': False, 'shape': ${dims}, }`, encode(values, kind, little), version), LIMIT);
        expect(a.shape).toEqual(shape);
        expect(Array.from(a.data)).toEqual(values);
      },
    ), { numRuns: 300 });
  });
  it('any byte string, random or a mutated valid file, parses or fails with an NpyError, never allocating past the limit', () => {
    const valid = writeNpy(Float32Array.from([1, 2, 3, 4, 5, 6]), [2, 3]);
    const mutated = fc.tuple(fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.nat(valid.length))
      .map(([edits, cut]) => {
        const b = valid.slice(0, Math.max(cut, 1));
        for (const [i, v] of edits) if (i < b.length) b[i] = v;
        return b;
      });
    fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), mutated), (bytes) => {
      try {
        const a = parseNpy(bytes, 64);
        expect(a.data.length).toBeLessThanOrEqual(64);
      } catch (e) {
        expect(e).toBeInstanceOf(NpyError);
      }
    }), { numRuns: 2000 });
  });
});

describe('layouts', () => {
  const arr = (shape: number[], data?: number[]): NpyArray => ({ shape, descr: '<f4', fortranOrder: false, overflow: false, data: Float32Array.from(data ?? Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => i)) });
  it('moves PyTorch (1, C, H, W) to H×W×C, and back with hwcToChw', () => {
    const a = arr([1, 2, 2, 3]);
    const t = activationsFromNpy(a, 'chw');
    expect([t.height, t.width, t.channels]).toEqual([2, 3, 2]);
    // pixel (0, 1): channel 0 is a[0,0,0,1] = 1, channel 1 is a[0,1,0,1] = 7.
    expect(Array.from(t.data.subarray(2, 4))).toEqual([1, 7]);
    expect(Array.from(hwcToChw(t))).toEqual(Array.from(a.data));
    expect(activationsFromNpy(arr([2, 2, 3]), 'hwc').channels).toBe(3);
  });
  it('reads Conv2d weights (Cout, Cin, 1, 1) and refuses a 3×3 kernel, a batch of 2 and wrong ranks', () => {
    expect(weightsFromNpy(arr([4, 3, 1, 1])).inChannels).toBe(3);
    const code = (f: () => unknown) => { try { f(); return 'none'; } catch (e) { return (e as LayoutError).code; } };
    expect(code(() => weightsFromNpy(arr([4, 3, 3, 3])))).toBe('not-1x1');
    expect(code(() => activationsFromNpy(arr([2, 3, 4, 4]), 'chw'))).toBe('batch');
    expect(code(() => activationsFromNpy(arr([3, 4]), 'chw'))).toBe('input-rank');
    expect(code(() => weightsFromNpy(arr([3]))) ).toBe('weights-rank');
    expect(code(() => activationsFromNpy(arr([0, 4, 4]), 'chw'))).toBe('empty');
  });
});

describe('numbers at the edges (issue #18 §5)', () => {
  const f8 = (values: number[]) => {
    const header = `{'descr': '<f8', 'fortran_order': False, 'shape': (${values.length},), }`.padEnd(117, ' ') + '\n';
    const bytes = new Uint8Array(128 + values.length * 8);
    bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, 118, 0]);
    for (let i = 0; i < header.length; i++) bytes[10 + i] = header.charCodeAt(i);
    const view = new DataView(bytes.buffer);
    values.forEach((v, i) => view.setFloat64(128 + i * 8, v, true));
    return bytes;
  };
  it('a finite float64 beyond float32 is an overflow, not a "non-finite" value', () => {
    const a = parseNpy(f8([1, 1e300, -2]), 10);
    expect(a.overflow).toBe(true);
    expect(a.data[1]).toBe(Infinity);
  });
  it('a real infinity or NaN is not an overflow', () => {
    expect(parseNpy(f8([1, Infinity, NaN]), 10).overflow).toBe(false);
    expect(parseNpy(f8([3.4e38, -3.4e38]), 10).overflow).toBe(false);
  });
});
