import { afterEach, describe, expect, it } from 'vitest';
import { checkShape, LIMITS, MAX_FILE_BYTES, MAX_FILE_VALUES, MAX_MODEL_BYTES, MAX_PICTURE_PIXELS, MAX_TENSOR_VALUES } from '../../../../src/engine/core/limits';
import { MAX_TENSOR_VALUES as ONNX_MAX } from '../../../../src/engine/onnx/tensor';
import { modelSession, openModel } from '../../../../src/session/model';
import { dataEn } from '../../../../src/views/data/text/en';
import { dataKo } from '../../../../src/views/data/text/ko';
import { modelEn } from '../../../../src/views/data/model/text/en';
import { modelKo } from '../../../../src/views/data/model/text/ko';
import { runParseNpy } from '../../../../src/worker/fileJobs';
import { validateForward } from '../../../../src/worker/handler';
import { MAX_VALUES } from '../../../../src/worker/requestChecks';

/** A .npy file's header claiming `shape` of float32, with no data after it. */
function npyHeader(shape: readonly number[]): ArrayBuffer {
  let dict = `{'descr': '<f4', 'fortran_order': False, 'shape': (${shape.join(', ')},), }`;
  while ((10 + dict.length + 1) % 64) dict += ' ';
  dict += '\n';
  const bytes = new Uint8Array(10 + dict.length);
  bytes.set([0x93, ...'NUMPY'].map((c) => (typeof c === 'number' ? c : c.charCodeAt(0))));
  bytes.set([1, 0, dict.length & 0xff, dict.length >> 8], 6);
  for (let i = 0; i < dict.length; i++) bytes[10 + i] = dict.charCodeAt(i);
  return bytes.buffer;
}

/** The numbers a message template states outright (the limits must come in through {placeholders}). */
const literalNumbers = (text: string) => text.replace(/\{[^}]*\}/g, '').match(/\d{2,}/g) ?? [];

afterEach(() => modelSession.setState(modelSession.getInitialState(), true));

describe('one limits module for both threads', () => {
  it('the worker refuses a .npy file one value past the limit the page states, and not at it', () => {
    expect(MAX_FILE_VALUES).toBe(LIMITS.maxValues);
    const over = runParseNpy({ bytes: npyHeader([LIMITS.maxValues + 1]) });
    expect(over).toEqual({ status: 'refused', code: 'too-large', detail: `more than ${LIMITS.maxValues} values` });
    const at = runParseNpy({ bytes: npyHeader([LIMITS.maxValues]) });
    expect(at.status === 'refused' && at.code).toBe('size-mismatch');
    // The page's sentence takes the number from LIMITS, in both languages.
    for (const text of [dataEn.limits, dataKo.limits]) {
      expect(text).toContain('{max}');
      expect(literalNumbers(text)).toEqual([]);
    }
    // The largest file read is the largest array as float64 and its header.
    expect(MAX_FILE_BYTES).toBe(LIMITS.maxValues * 8 + 65_536);
  });

  it('a layer the page accepts is never refused by the worker for its size; the worker’s bound is the model evaluator’s', () => {
    expect(MAX_VALUES).toBe(MAX_TENSOR_VALUES);
    expect(ONNX_MAX).toBe(MAX_TENSOR_VALUES);
    const largest = { height: LIMITS.height.max, width: LIMITS.width.max, inChannels: LIMITS.maxValues / (LIMITS.height.max * LIMITS.width.max), outChannels: 1 };
    expect(checkShape(largest)).toBeNull();
    expect(checkShape({ ...largest, inChannels: largest.inChannels + 1 })).toEqual({ key: 'size', max: LIMITS.maxValues });
    expect(largest.height * largest.width * largest.inChannels).toBeLessThanOrEqual(MAX_VALUES);
    // Past the worker's bound, a forward request is refused before its arrays are looked at.
    expect(() => validateForward({ height: 1, width: 1, inChannels: MAX_VALUES + 1, outChannels: 1, input: new Float32Array(0), weights: new Float32Array(0), relu: false }))
      .toThrow('tensor too large');
    expect(() => validateForward({ height: 1, width: 1, inChannels: MAX_VALUES, outChannels: 1, input: new Float32Array(0), weights: new Float32Array(0), relu: false }))
      .toThrow(/input must hold/);
  });

  it('a model file one byte past the limit is refused before it is read, and the message states the same limit', async () => {
    const file = new File([], 'big.onnx');
    Object.defineProperty(file, 'size', { value: MAX_MODEL_BYTES + 1 });
    await openModel(file);
    expect(modelSession.getState().problem).toEqual({ code: 'file-too-large', detail: `big.onnx|${MAX_MODEL_BYTES + 1}` });
    for (const text of [modelEn['model.file-too-large'], modelKo['model.file-too-large']]) {
      expect(text).toContain('{max}');
      expect(literalNumbers(text)).toEqual([]);
    }
    expect(dataEn['picture.tooLarge']).toContain('{max}');
    expect(MAX_PICTURE_PIXELS).toBe(40_000_000);
  });
});
