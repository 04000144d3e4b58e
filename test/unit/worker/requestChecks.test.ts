import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CacheMiss, Cancelled, checkPositiveInt, isFloat32Array, MAX_VALUES, RequestError } from '../../../src/worker/requestChecks';

/** The RequestError `f` throws (fails the test when it throws nothing or something else). */
function refusal(f: () => unknown): RequestError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(RequestError);
    return e as RequestError;
  }
  throw new Error('expected a RequestError');
}

describe('checkPositiveInt(name, v)', () => {
  it('passes whole numbers from 1 up, returning them', () => {
    expect(checkPositiveInt('height', 1)).toBe(1);
    expect(checkPositiveInt('height', 56)).toBe(56);
    expect(checkPositiveInt('height', 2 ** 40)).toBe(2 ** 40);
  });

  it('refuses 0 (the boundary below 1), negatives, fractions, NaN, Infinity and non-numbers, naming the field', () => {
    for (const v of [0, -1, 1.5, 0.999, NaN, Infinity, '3', null, undefined, [4], 3n]) {
      const e = refusal(() => checkPositiveInt('inChannels', v));
      expect(e.message).toBe('inChannels must be a whole number ≥ 1');
      expect(e.name).toBe('RequestError');
    }
  });
});

describe('isFloat32Array(v)', () => {
  it('knows a Float32Array from this realm and from another (a structured clone may come from one)', () => {
    expect(isFloat32Array(new Float32Array(2))).toBe(true);
    expect(isFloat32Array(runInNewContext('new Float32Array(3)'))).toBe(true);
  });
  it('refuses other typed arrays, plain arrays and look-alikes', () => {
    for (const v of [new Float64Array(2), new Uint8Array(2), [1, 2], { length: 2, BYTES_PER_ELEMENT: 4 }, null, undefined, 'Float32Array']) {
      expect(isFloat32Array(v)).toBe(false);
    }
  });
});

describe('the request limits and error classes', () => {
  it('allows 64 M values (256 MB of floats)', () => {
    expect(MAX_VALUES).toBe(67_108_864);
  });
  it('RequestError keeps its message and is an Error; Cancelled and CacheMiss are Errors of their own', () => {
    const e = new RequestError('weights must hold 4 floats');
    expect(e).toBeInstanceOf(Error);
    expect([e.name, e.message]).toEqual(['RequestError', 'weights must hold 4 floats']);
    expect(new Cancelled('stop')).toBeInstanceOf(Error);
    expect(new CacheMiss('no model')).not.toBeInstanceOf(Cancelled);
  });
});
