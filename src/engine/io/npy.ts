/**
 * The NumPy .npy format (versions 1.0, 2.0, 3.0), read and written without dependencies.
 *
 * Reading is strict, because the file comes from a student's disk: the magic string, the
 * version, the header grammar (a Python dict with exactly 'descr', 'fortran_order' and
 * 'shape'), the dtype (float16/32/64, either byte order), non-negative integer dimensions,
 * a size limit checked before anything is allocated, and a data length equal to
 * shape × item size exactly. Each failure is an NpyError with its own code.
 * Values come back as float32 in C (row-major) order, whatever the file's order.
 */

export type NpyErrorCode =
  | 'too-short' | 'bad-magic' | 'bad-version' | 'bad-header' | 'object-array'
  | 'bad-dtype' | 'bad-shape' | 'too-large' | 'size-mismatch';

export class NpyError extends Error {
  constructor(readonly code: NpyErrorCode, readonly detail: string) {
    super(`${code}: ${detail}`);
    this.name = 'NpyError';
  }
}

export interface NpyArray {
  readonly shape: readonly number[];
  /** The dtype as written in the file, e.g. '<f4', '>f8', '<f2'. */
  readonly descr: string;
  readonly fortranOrder: boolean;
  /** The values as float32, in C order. */
  readonly data: Float32Array;
  /** True when a finite float64 value was beyond float32's range and became ±Infinity. */
  readonly overflow: boolean;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const ITEM_SIZES = { f2: 2, f4: 4, f8: 8 } as const;

/** Parses a whole .npy file. `maxValues` bounds the element count before any allocation. */
export function parseNpy(bytes: Uint8Array, maxValues: number): NpyArray {
  if (bytes.length < 10) throw new NpyError('too-short', `${bytes.length} bytes`);
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC[i]) throw new NpyError('bad-magic', 'the file does not start with \\x93NUMPY');
  const major = bytes[6]!, minor = bytes[7]!;
  if (minor !== 0 || (major !== 1 && major !== 2 && major !== 3)) throw new NpyError('bad-version', `${major}.${minor}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lengthBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lengthBytes) throw new NpyError('too-short', 'no header length');
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const dataStart = 8 + lengthBytes + headerLength;
  if (dataStart > bytes.length) throw new NpyError('too-short', `header of ${headerLength} bytes, file of ${bytes.length}`);
  // Real headers are a few hundred bytes; a huge one is a broken or hostile file.
  if (headerLength > 65536) throw new NpyError('bad-header', `header of ${headerLength} bytes`);
  const headerBytes = bytes.subarray(8 + lengthBytes, dataStart);
  // Version 3.0 allows UTF-8 for structured-dtype field names; the dtypes read here are all
  // plain floats, whose headers are ASCII in every version.
  let header = '';
  for (const b of headerBytes) {
    if (b > 0x7f) throw new NpyError('bad-header', 'not ASCII');
    header += String.fromCharCode(b);
  }
  const dict = parseHeaderDict(header);
  const { descr, fortranOrder, shape } = dict;
  const m = /^([<>|=])([fiubcOSUVmMa])(\d*)$/.exec(descr);
  if (!m) throw new NpyError('bad-dtype', descr);
  if (m[2] === 'O') throw new NpyError('object-array', descr);
  const kind = `${m[2]}${m[3]}`;
  if (!(kind in ITEM_SIZES)) throw new NpyError('bad-dtype', descr);
  const itemSize = ITEM_SIZES[kind as keyof typeof ITEM_SIZES];
  // '=' is native order, little-endian on every platform a browser runs on; '|' is invalid for floats.
  if (m[1] === '|') throw new NpyError('bad-dtype', descr);
  const little = m[1] !== '>';
  let count = 1;
  for (const d of shape) {
    count *= d;
    if (count > maxValues) throw new NpyError('too-large', `more than ${maxValues} values`);
  }
  const expected = count * itemSize;
  const actual = bytes.length - dataStart;
  if (actual !== expected) throw new NpyError('size-mismatch', `${actual} data bytes, shape needs ${expected}`);
  const data = new Float32Array(count);
  let overflow = false;
  if (itemSize === 2) {
    // Every half-precision value looked up in one table (made once): ten times faster than
    // decoding each, which matters for the learned bank's half a million weights.
    const table = float16Table();
    for (let i = 0, o = dataStart; i < count; i++, o += 2) data[i] = table[view.getUint16(o, little)]!;
  } else if (itemSize === 4) {
    for (let i = 0, o = dataStart; i < count; i++, o += 4) data[i] = view.getFloat32(o, little);
  } else {
    for (let i = 0, o = dataStart; i < count; i++, o += 8) {
      const d = view.getFloat64(o, little);
      data[i] = d;
      // 1e300 is a number, but not a float32 one: say so rather than call it infinite.
      if (data[i] === Infinity || data[i] === -Infinity) overflow ||= Number.isFinite(d);
    }
  }
  return { shape, descr, fortranOrder, overflow, data: fortranOrder && shape.length > 1 ? fortranToC(data, shape) : data };
}

/**
 * Built on first use, then the same array for the thread's life. Not state in the sense of
 * issue #27 (nothing a runtime owns or a dispose() should let go): it is a memo of a pure
 * function of the code, float16(h) for every h, so no caller can tell whether it was built
 * now or earlier, nothing ever writes to it once built (its readers only index it), and it
 * does not grow with what a user does (256 KB, once). Built lazily rather than at import
 * because this module is loaded on the page too (to write the exports), where 65,536
 * decodes would be work that most visits never need.
 */
// eslint-disable-next-line no-restricted-syntax -- see above
let halfTable: Float32Array | null = null;

/** The 65,536 half-precision values as float32 (exact: every half is a float32). Read it; never write to it. */
export function float16Table(): Float32Array {
  if (!halfTable) {
    halfTable = new Float32Array(65536);
    for (let h = 0; h < 65536; h++) halfTable[h] = float16(h);
  }
  return halfTable;
}

/** IEEE half precision to a JS number. */
function float16(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f, frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

/** Reorders column-major (Fortran) data of `shape` into row-major order. */
function fortranToC(src: Float32Array, shape: readonly number[]): Float32Array {
  const n = shape.length;
  const out = new Float32Array(src.length);
  // Fortran strides: the first axis varies fastest.
  // Stryker disable next-line ArrayDeclaration: the loop below writes every slot before any is read
  const fStride = new Array<number>(n);
  let s = 1;
  for (let a = 0; a < n; a++) {
    fStride[a] = s;
    s *= shape[a]!;
  }
  const index = new Array<number>(n).fill(0);
  for (let c = 0; c < out.length; c++) {
    let f = 0;
    for (let a = 0; a < n; a++) f += index[a]! * fStride[a]!;
    out[c] = src[f]!;
    // Stryker disable next-line ArithmeticOperator: starting past the last axis only zeroes unread slots n and n+1
    for (let a = n - 1; a >= 0; a--) {
      if (++index[a]! < shape[a]!) break;
      index[a] = 0;
    }
  }
  return out;
}

interface HeaderDict {
  descr: string;
  fortranOrder: boolean;
  shape: number[];
}

/**
 * The header: a Python dict literal such as
 * `{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }` followed by spaces and '\n'.
 */
export function parseHeaderDict(header: string): HeaderDict {
  let i = 0;
  const fail = (why: string): never => {
    throw new NpyError('bad-header', `${why} at character ${i}`);
  };
  const ws = () => {
    while (i < header.length && (header[i] === ' ' || header[i] === '\t')) i++;
  };
  const expect = (ch: string) => {
    ws();
    if (header[i] !== ch) fail(`expected ${ch}`);
    i++;
  };
  const string = (): string => {
    ws();
    const q = header[i];
    if (q !== "'" && q !== '"') fail('expected a string');
    const end = header.indexOf(q!, i + 1);
    if (end < 0) fail('unterminated string');
    const s = header.slice(i + 1, end);
    i = end + 1;
    return s;
  };
  const integer = (): number => {
    ws();
    const m = /^\d{1,15}/.exec(header.slice(i));
    if (!m) fail('expected a non-negative whole number');
    i += m![0].length;
    // Python 2 headers may write 3L.
    if (header[i] === 'L') i++;
    return Number(m![0]);
  };
  const bool = (): boolean => {
    ws();
    if (header.startsWith('True', i)) { i += 4; return true; }
    if (header.startsWith('False', i)) { i += 5; return false; }
    return fail('expected True or False');
  };
  const tuple = (): number[] => {
    expect('(');
    const dims: number[] = [];
    ws();
    while (header[i] !== ')') {
      dims.push(integer());
      ws();
      if (header[i] === ',') { i++; ws(); continue; }
      if (header[i] !== ')') fail('expected , or )');
    }
    i++;
    if (dims.length > 32) fail('more than 32 dimensions');
    return dims;
  };
  expect('{');
  const seen = new Map<string, unknown>();
  ws();
  while (header[i] !== '}') {
    const key = string();
    expect(':');
    if (seen.has(key)) fail(`key ${key} repeated`);
    if (key === 'descr') seen.set(key, string());
    else if (key === 'fortran_order') seen.set(key, bool());
    else if (key === 'shape') seen.set(key, tuple());
    else fail(`unexpected key ${key}`);
    ws();
    if (header[i] === ',') { i++; ws(); continue; }
    if (header[i] !== '}') fail('expected , or }');
  }
  i++;
  if (!/^[ \t]*\n?[ \t\n\0]*$/.test(header.slice(i))) fail('unexpected text after the dict');
  if (!seen.has('descr') || !seen.has('fortran_order') || !seen.has('shape')) {
    throw new NpyError('bad-header', 'descr, fortran_order and shape are all required');
  }
  return { descr: seen.get('descr') as string, fortranOrder: seen.get('fortran_order') as boolean, shape: seen.get('shape') as number[] };
}

/**
 * Writes values of `shape` (C order) as a version 1.0 .npy file: '<f4' (float32) by default,
 * or '<f2' (float16, each value rounded to the nearest float16, ties to even).
 */
export function writeNpy(data: Float32Array, shape: readonly number[], dtype: 'f4' | 'f2' = 'f4'): Uint8Array<ArrayBuffer> {
  const count = shape.reduce((a, b) => a * b, 1);
  if (count !== data.length) throw new RangeError(`shape ${shape.join('×')} holds ${count} values, data has ${data.length}`);
  const dims = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '<${dtype}', 'fortran_order': False, 'shape': ${dims}, }`;
  // Pad with spaces so the data starts on a 64-byte boundary, ending in '\n', as NumPy does.
  const total = Math.ceil((10 + header.length + 1) / 64) * 64;
  header = header.padEnd(total - 10 - 1, ' ') + '\n';
  const itemSize = dtype === 'f4' ? 4 : 2;
  const out = new Uint8Array(total + count * itemSize);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  const view = new DataView(out.buffer);
  view.setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  for (let i = 0; i < count; i++) {
    if (dtype === 'f4') view.setFloat32(total + i * 4, data[i]!, true);
    else view.setUint16(total + i * 2, float16Bits(data[i]!), true);
  }
  return out;
}

/** The IEEE half-precision bits nearest to `x` (round to nearest, ties to even; ±Infinity past 65504). */
export function float16Bits(x: number): number {
  const f32 = new Float32Array([x]);
  const bits = new Uint32Array(f32.buffer)[0]!;
  const sign = (bits >>> 16) & 0x8000;
  const exp = (bits >>> 23) & 0xff;
  const mant = bits & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    // Subnormal: shift the mantissa (with its hidden bit) into place, rounding to even.
    const m = mant | 0x800000;
    const shift = 14 - e;
    const half = 1 << (shift - 1);
    let h = m >>> shift;
    const rest = m & ((1 << shift) - 1);
    if (rest > half || (rest === half && (h & 1))) h++;
    return sign | h;
  }
  let h = (e << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && (h & 1))) h++;
  return sign | h;
}
