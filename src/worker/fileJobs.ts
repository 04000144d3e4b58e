/** Worker jobs for the student's own files. */
import { NpyError, parseNpy } from '../engine/io/npy';
import { valueRange } from '../engine/io/tensorFiles';
import type { ParseNpyParams, ParseNpyResult } from './protocol';
import { MAX_FILE_VALUES } from '../engine/core/limits';
import { RequestError } from './requestChecks';

export function runParseNpy(p: ParseNpyParams): ParseNpyResult {
  if (Object.prototype.toString.call(p.bytes) !== '[object ArrayBuffer]') throw new RequestError('bytes must be an ArrayBuffer');
  try {
    const a = parseNpy(new Uint8Array(p.bytes), MAX_FILE_VALUES);
    const { min, max } = valueRange(a.data);
    let finite = true;
    for (let i = 0; i < a.data.length && finite; i++) finite = Number.isFinite(a.data[i]!);
    return { status: 'read', shape: a.shape, descr: a.descr, fortranOrder: a.fortranOrder, min, max, finite, overflow: a.overflow, data: a.data };
  } catch (e) {
    if (e instanceof NpyError) return { status: 'refused', code: e.code, detail: e.detail };
    throw e;
  }
}
