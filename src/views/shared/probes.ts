/**
 * What a map says of the value under the pointer, in the notation of the dot product:
 * x(row, col, i) an input, w(k, i) a weight, y(row, col, k) an output.
 */
import { formatValue as f } from '../../lib/format';

/** A value, or a dash for a cell not computed yet (NaN). */
const formatValue = (v: number) => (v === v ? f(v) : '—');

export const inputProbe = (channel: number) => (row: number, col: number, v: number) => `x(${row}, ${col}, ${channel}) = ${formatValue(v)}`;
export const outputProbe = (k: number) => (row: number, col: number, v: number) => `y(${row}, ${col}, ${k}) = ${formatValue(v)}`;
/** The weight matrix is drawn Cin rows × Cout columns: row i, column k. */
export const weightProbe = (i: number, k: number, v: number) => `w(${k}, ${i}) = ${formatValue(v)}`;
export const cellValue = (v: number) => f(v);
