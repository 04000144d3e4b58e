/**
 * The .npy reader's rules one by one, each refusal asserted by its code and reason, each limit
 * on both sides; the writer's header layout; float16 both ways over every value.
 */
import { describe, expect, it } from 'vitest';
import { float16Bits, float16Table, NpyError, parseHeaderDict, parseNpy, writeNpy } from '../../../../src/engine/io/npy';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
const DICT = (shape = '(1,)', descr = '<f4') => `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shape}, }`;

/** A .npy file byte for byte: the header exactly as given (no padding added), then the data. */
function file(header: string | Uint8Array, data: ArrayLike<number> = [], o: { major?: number; minor?: number } = {}): Uint8Array {
  const major = o.major ?? 1, lengthBytes = major === 1 ? 2 : 4;
  const h = typeof header === 'string' ? Uint8Array.from(header, (ch) => ch.charCodeAt(0)) : header;
  const out = new Uint8Array(8 + lengthBytes + h.length + data.length);
  out.set([...MAGIC, major, o.minor ?? 0]);
  const view = new DataView(out.buffer);
  if (major === 1) view.setUint16(8, h.length, true);
  else view.setUint32(8, h.length, true);
  out.set(h, 8 + lengthBytes);
  out.set(data, 8 + lengthBytes + h.length);
  return out;
}
const f4 = (...values: number[]) => new Uint8Array(Float32Array.from(values).buffer);

/** The NpyError `f` throws, as "code: detail" (fails when it throws anything else, or nothing). */
function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (!(e instanceof NpyError)) throw e;
    expect(e.message).toBe(`${e.code}: ${e.detail}`);
    expect(e.name).toBe('NpyError');
    return e.message;
  }
  return 'accepted';
}
const read = (bytes: Uint8Array, max = 100) => refusal(() => parseNpy(bytes, max));

describe('parseNpy: the preamble', () => {
  it('needs 10 bytes: 9 are too short, 10 reach the header', () => {
    expect(read(file('').subarray(0, 9))).toBe('too-short: 9 bytes');
    expect(read(file(''))).toBe('bad-header: expected { at character 0');
  });
  it('checks every byte of the magic string', () => {
    for (let i = 0; i < 6; i++) {
      const b = file(DICT(), f4(1));
      b[i] = b[i]! ^ 1;
      expect(read(b)).toBe('bad-magic: the file does not start with \\x93NUMPY');
    }
  });
  it('takes versions 1.0, 2.0 and 3.0 only', () => {
    for (const major of [1, 2, 3]) expect(read(file(DICT(), f4(1), { major }))).toBe('accepted');
    expect(read(file(DICT(), f4(1), { major: 0 }))).toBe('bad-version: 0.0');
    expect(read(file(DICT(), f4(1), { major: 4 }))).toBe('bad-version: 4.0');
    expect(read(file(DICT(), f4(1), { minor: 1 }))).toBe('bad-version: 1.1');
    expect(read(file(DICT(), f4(1), { major: 2, minor: 1 }))).toBe('bad-version: 2.1');
  });
  it('a version-2 file needs 12 bytes for its 4-byte header length (10 and 11 are too short)', () => {
    const v2 = file('', [], { major: 2 });
    expect(read(v2.subarray(0, 10))).toBe('too-short: no header length');
    expect(read(v2.subarray(0, 11))).toBe('too-short: no header length');
    expect(read(v2)).toBe('bad-header: expected { at character 0');
  });
  it('refuses a header longer than the file, and reads one that ends exactly at the end of the file', () => {
    const b = file(DICT('(0,)'));
    expect(read(b)).toBe('accepted');
    new DataView(b.buffer).setUint16(8, b.length - 10 + 1, true);
    expect(read(b)).toBe(`too-short: header of ${b.length - 9} bytes, file of ${b.length}`);
  });
  it('caps the header at 65,536 bytes: 65,536 is read, 65,537 refused', () => {
    const padded = (n: number) => `${DICT()}${' '.repeat(n - DICT().length - 1)}\n`;
    expect(read(file(padded(65_536), f4(1), { major: 2 }))).toBe('accepted');
    expect(read(file(padded(65_537), f4(1), { major: 2 }))).toBe('bad-header: header of 65537 bytes');
  });
  it('reads ASCII headers only: byte 0x80 is refused, 0x7f reaches the dtype check', () => {
    const bytes = (last: number) => Uint8Array.from([...Array.from(DICT('(1,)', '<f4X'), (c) => c.charCodeAt(0))].map((c) => (c === 88 ? last : c)));
    expect(read(file(bytes(0x80), f4(1)))).toBe('bad-header: not ASCII');
    expect(read(file(bytes(0x7f), f4(1)))).toBe('bad-dtype: <f4\x7f');
  });
});

describe('parseNpy: the dtype', () => {
  it.each([
    ['=f4 (native: little-endian)', '=f4', 'accepted'],
    ['|f4 (no byte order, which floats need)', '|f4', 'bad-dtype: |f4'],
    ['a prefix before the byte order', 'x<f4', 'bad-dtype: x<f4'],
    ['text after the size', '<f4x', 'bad-dtype: <f4x'],
    ['a float of 16 bytes', '<f16', 'bad-dtype: <f16'],
    ['a float without a size', '<f', 'bad-dtype: <f'],
    ['an unknown kind', '<z4', 'bad-dtype: <z4'],
    ['integers', '<i4', 'bad-dtype: <i4'],
    ['pickled objects', '|O', 'object-array: |O'],
    ['pickled objects with a size', '|O8', 'object-array: |O8'],
  ])('%s', (_, descr, want) => {
    expect(read(file(DICT('(1,)', descr), f4(1)))).toBe(want);
  });
  it('reads =f4 little-endian and >f4 big-endian', () => {
    expect(Array.from(parseNpy(file(DICT('(1,)', '=f4'), f4(1.5)), 1).data)).toEqual([1.5]);
    const big = new Uint8Array(4);
    new DataView(big.buffer).setFloat32(0, 1.5, false);
    expect(Array.from(parseNpy(file(DICT('(1,)', '>f4'), big), 1).data)).toEqual([1.5]);
  });
});

describe('parseNpy: sizes', () => {
  it('the values limit: 4 values pass a limit of 4, not of 3 (checked before the data is measured)', () => {
    expect(read(file(DICT('(2, 2)'), f4(1, 2, 3, 4)), 4)).toBe('accepted');
    expect(read(file(DICT('(2, 2)'), f4(1, 2, 3, 4)), 3)).toBe('too-large: more than 3 values');
    expect(read(file(DICT('(2, 2)')), 3)).toBe('too-large: more than 3 values');
  });
  it('data one byte short or long is a size mismatch with both lengths', () => {
    expect(read(file(DICT('(2,)'), [...f4(1), 0, 0, 0]))).toBe('size-mismatch: 7 data bytes, shape needs 8');
    expect(read(file(DICT('(2,)'), [...f4(1, 2), 0]))).toBe('size-mismatch: 9 data bytes, shape needs 8');
  });
  it('a 1-D or 0-D array marked fortran_order is read as it is', () => {
    const h = (shape: string) => `{'descr': '<f4', 'fortran_order': True, 'shape': ${shape}, }`;
    expect(Array.from(parseNpy(file(h('(3,)'), f4(1, 2, 3)), 3).data)).toEqual([1, 2, 3]);
    expect(parseNpy(file(h('()'), f4(7)), 3)).toMatchObject({ shape: [], fortranOrder: true, data: Float32Array.of(7) });
  });
  it('reports overflow only for finite float64 values beyond float32, of either sign', () => {
    const f8 = (...v: number[]) => new Uint8Array(Float64Array.from(v).buffer);
    const overflow = (...v: number[]) => parseNpy(file(DICT(`(${v.length},)`, '<f8'), f8(...v)), 9).overflow;
    expect([overflow(1, -1e300), overflow(1e300, 2), overflow(-Infinity, 1), overflow(Infinity, NaN), overflow(3.4e38)]).toEqual([true, true, false, false, false]);
    expect(Array.from(parseNpy(file(DICT('(2,)', '<f8'), f8(-1e300, 2)), 9).data)).toEqual([-Infinity, 2]);
  });
});

describe('parseHeaderDict: the grammar', () => {
  const h = (s: string) => refusal(() => parseHeaderDict(s));
  it('reads keys in any order, either quotes, tabs and spaces, a trailing comma or none, Python 2 longs', () => {
    expect(parseHeaderDict(`{\t"shape" :\t( 2L ,3 ) ,'fortran_order':True,"descr":'>f8'}\t \n`)).toEqual({ descr: '>f8', fortranOrder: true, shape: [2, 3] });
    expect(parseHeaderDict(`{'descr': '<f2', 'fortran_order': False, 'shape': (4,)}\n\0\0`).shape).toEqual([4]);
    expect(parseHeaderDict(`{'descr':'<f4','fortran_order':False,'shape':()}`).shape).toEqual([]);
  });
  it.each([
    ['a repeated key', `{'descr': '<f4', 'descr': '<f8', 'fortran_order': False, 'shape': (1,)}`, "bad-header: key descr repeated at character 25"],
    ['an unknown key', `{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'x': 1}`, 'bad-header: unexpected key x at character 60'],
    ['text after the dict', `${DICT()} x`, 'bad-header: unexpected text after the dict at character 57'],
    ['a second line of text', `${DICT()}\nx`, 'bad-header: unexpected text after the dict at character 57'],
    ['a missing key', `{'descr': '<f4', 'shape': (1,)}`, 'bad-header: descr, fortran_order and shape are all required'],
    ['no opening brace', `'descr': '<f4'}`, 'bad-header: expected { at character 0'],
    ['a key that is not a string', `{descr: '<f4'}`, 'bad-header: expected a string at character 1'],
    ['a string closed too early', `{'descr: '<f4'}`, 'bad-header: expected : at character 10'],
    ['a string never closed', `{'descr`, 'bad-header: unterminated string at character 1'],
    ['no colon', `{'descr' '<f4'}`, 'bad-header: expected : at character 9'],
    ['a bool spelled in lower case', `{'fortran_order': false}`, 'bad-header: expected True or False at character 18'],
    ['a negative dimension', `{'shape': (-1,)}`, 'bad-header: expected a non-negative whole number at character 11'],
    ['a 16-digit dimension', `{'shape': (1234567890123456,)}`, 'bad-header: expected , or ) at character 26'],
    ['no comma between dimensions', `{'shape': (1 2)}`, 'bad-header: expected , or ) at character 13'],
    ['no comma between entries', `{'descr': '<f4' 'shape': ()}`, 'bad-header: expected , or } at character 16'],
    ['a shape that is not a tuple', `{'shape': [1]}`, 'bad-header: expected ( at character 10'],
  ])('refuses %s', (_, header, want) => {
    expect(h(header)).toBe(want);
  });
  it('takes 32 dimensions and refuses 33', () => {
    const dims = (n: number) => `{'descr': '<f4', 'fortran_order': False, 'shape': (${Array(n).fill(1).join(', ')})}`;
    expect(parseHeaderDict(dims(32)).shape).toHaveLength(32);
    expect(h(dims(33))).toMatch(/^bad-header: more than 32 dimensions at character \d+$/);
  });
  it('reads a 15-digit dimension as its number', () => {
    expect(parseHeaderDict(`{'descr': '<f4', 'fortran_order': False, 'shape': (123456789012345, 0)}`).shape).toEqual([123456789012345, 0]);
  });
});

describe('writeNpy: the header NumPy writes', () => {
  const headerOf = (b: Uint8Array) => String.fromCharCode(...b.subarray(10, 10 + new DataView(b.buffer).getUint16(8, true)));
  it('version 1.0, a (n,) tuple for one dimension, padded with spaces to 128 bytes, ending in a newline', () => {
    const b = writeNpy(Float32Array.of(1, 2, 3), [3]);
    expect(Array.from(b.subarray(0, 8))).toEqual([...MAGIC, 1, 0]);
    // 10 + 57 + '\n' = 68 bytes: past 64, so the data starts at 128.
    expect(headerOf(b)).toBe(`{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }${' '.repeat(60)}\n`);
    expect(b.length).toBe(128 + 12);
    expect(Array.from(new Float32Array(b.buffer.slice(128)))).toEqual([1, 2, 3]);
  });
  it('(2, 3) for two dimensions, () for none; the data always starts at a multiple of 64', () => {
    expect(headerOf(writeNpy(new Float32Array(6), [2, 3])).trimEnd()).toBe(`{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }`);
    expect(headerOf(writeNpy(Float32Array.of(5), [])).trimEnd()).toBe(`{'descr': '<f4', 'fortran_order': False, 'shape': (), }`);
    const long = writeNpy(new Float32Array(1), [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(long.length).toBe(128 + 4);
    expect(headerOf(long).length).toBe(118);
    expect(headerOf(long).endsWith(' \n')).toBe(true);
  });
  it('float16: little-endian halves after a <f2 header', () => {
    const b = writeNpy(Float32Array.of(1, -2, 65504), [3], 'f2');
    expect(headerOf(b)).toContain(`'descr': '<f2'`);
    expect(b.length).toBe(128 + 6);
    expect(Array.from(new Uint16Array(b.buffer.slice(128)))).toEqual([0x3c00, 0xc000, 0x7bff]);
  });
  it('refuses data that does not fill the shape, saying both counts', () => {
    expect(() => writeNpy(new Float32Array(5), [2, 3])).toThrow(new RangeError('shape 2×3 holds 6 values, data has 5'));
  });
});

describe('float16 both ways', () => {
  /** The half with bits h, decoded independently of the engine. */
  const half = (h: number) => {
    const s = h & 0x8000 ? -1 : 1, e = (h >> 10) & 31, f = h & 1023;
    if (e === 31) return f ? NaN : s * Infinity;
    return e === 0 ? s * f * 2 ** -24 : s * 2 ** (e - 15) * (1 + f / 1024);
  };
  it('float16Table holds every one of the 65,536 halves (signed zeros, subnormals, infinities, NaNs)', () => {
    const t = float16Table(), wrong: string[] = [];
    // One expect for the lot: 65,536 of them would take seconds under instrumentation.
    for (let h = 0; h < 65536; h++) if (!Object.is(t[h], Math.fround(half(h)))) wrong.push(`0x${h.toString(16)}: ${t[h]}`);
    expect(wrong).toEqual([]);
  });
  it('parses halves through the table in either byte order', () => {
    const bits = [0x0001, 0x03ff, 0x0400, 0x3c00, 0x7bff, 0x7c00, 0xfc00, 0x8000, 0xc000];
    for (const little of [true, false]) {
      const data = new Uint8Array(bits.length * 2);
      bits.forEach((b, i) => new DataView(data.buffer).setUint16(i * 2, b, little));
      const got = parseNpy(file(DICT(`(${bits.length},)`, little ? '<f2' : '>f2'), data), 99).data;
      expect(Array.from(got)).toEqual(bits.map((b) => Math.fround(half(b))));
    }
  });
  it('float16Bits: halves back to themselves, each midpoint to the even neighbour, either side of it to the nearer', () => {
    const wrong: string[] = [];
    const want = (x: number, bits: number) => { if (float16Bits(x) !== bits) wrong.push(`${x} → 0x${float16Bits(x).toString(16)}, not 0x${bits.toString(16)}`); };
    // Every 7th half (odd and even mantissas, every exponent) and the edges of the subnormals and of the range.
    const halves = [...Array.from({ length: 0x7c00 / 7 }, (_, i) => i * 7), 1, 2, 0x3fe, 0x3ff, 0x400, 0x401, 0x7bfe, 0x7bff];
    for (const h of halves) {
      for (const sign of [0, 0x8000]) {
        const v = half(h | sign);
        want(v, h | sign);
        if (h === 0x7bff) continue;
        const next = half((h + 1) | sign), mid = (v + next) / 2;
        want(mid, (h & 1 ? h + 1 : h) | sign);
        want(mid + (next - v) / 64, (h + 1) | sign);
        want(mid - (next - v) / 64, h | sign);
      }
    }
    expect(wrong).toEqual([]);
  });
  it('float16Bits at the ends: 65,519 → 65,504, 65,520 → Infinity, tiny values → signed zero, NaN stays NaN', () => {
    expect([65519, 65520, 65536, 98304, 1e6, -65520, Infinity, -Infinity].map(float16Bits)).toEqual([0x7bff, 0x7c00, 0x7c00, 0x7c00, 0x7c00, 0xfc00, 0x7c00, 0xfc00]);
    expect([2 ** -26, -(2 ** -26), 2 ** -25, 2 ** -25 * 1.01, 0, -0].map(float16Bits)).toEqual([0, 0x8000, 0, 1, 0, 0x8000]);
    // Every value below half the smallest subnormal is a signed zero, down to float32's own
    // subnormals: past 2^-32 the subnormal path's shift would exceed 31 bits, which JS takes mod 32.
    for (let p = 26; p <= 149; p++) {
      expect([float16Bits(2 ** -p), float16Bits(-(2 ** -p)), float16Bits(1.75 * 2 ** -p)], `2^-${p}`).toEqual([0, 0x8000, 0]);
    }
    expect(float16Bits(NaN) & 0x7c00).toBe(0x7c00);
    expect(float16Bits(NaN) & 0x3ff).not.toBe(0);
    expect(float16Bits(-NaN) & 0x7fff).toBe(float16Bits(NaN) & 0x7fff);
  });
});
