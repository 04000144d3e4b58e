/** Shared checks for requests arriving at the worker. */
import { MAX_TENSOR_VALUES } from '../engine/core/limits';

/** Largest tensor a request may carry or ask for, in values (64 M floats = 256 MB; see engine/core/limits). */
export const MAX_VALUES = MAX_TENSOR_VALUES;

/** A request the worker refuses; answered with code 'bad-request'. */
export class RequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RequestError';
  }
}

export function checkPositiveInt(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new RequestError(`${name} must be a whole number ≥ 1`);
  return v;
}

/** A Float32Array from any realm (a structured clone may come from another global). */
export function isFloat32Array(v: unknown): v is Float32Array {
  return Object.prototype.toString.call(v) === '[object Float32Array]';
}

/** A request cancelled by the client (answered with code 'cancelled'). */
export class Cancelled extends Error {}

/** A request naming data the worker does not hold (answered with 'cache-miss'; the client sends it again). */
export class CacheMiss extends Error {}
