/**
 * Window geometry shared by Conv and the pools: kernel, strides, dilations and the four pads
 * (explicit, or from auto_pad), and the output size — ONNX's rules, ceil_mode included.
 */
import { ModelError } from '../errors';
import { attrInt, attrInts, attrString, type OnnxNode } from '../model';

export interface Window2d {
  readonly kh: number; readonly kw: number;
  readonly sy: number; readonly sx: number;
  readonly dy: number; readonly dx: number;
  /** Pads before (top, left) and after (bottom, right). */
  readonly pt: number; readonly pl: number; readonly pb: number; readonly pr: number;
  /** Input and output map sizes. */
  readonly h: number; readonly w: number; readonly oh: number; readonly ow: number;
}

export function window2d(node: OnnxNode, h: number, w: number, kernel: readonly number[]): Window2d {
  if (kernel.length !== 2) throw new ModelError('bad-node', `${node.name}: only 2-D windows are supported (kernel (${kernel.join(', ')}))`);
  const [kh, kw] = kernel as [number, number];
  const [sy, sx] = attrInts(node, 'strides') ?? [1, 1];
  const [dy, dx] = attrInts(node, 'dilations') ?? [1, 1];
  const ceil = attrInt(node, 'ceil_mode', 0) === 1;
  const autoPad = attrString(node, 'auto_pad', 'NOTSET');
  for (const v of [kh, kw, sy, sx, dy, dx]) {
    if (v === undefined || !Number.isInteger(v) || v < 1) throw new ModelError('bad-node', `${node.name}: kernel, strides and dilations must be ≥ 1`);
  }
  let [pt, pl, pb, pr] = attrInts(node, 'pads') ?? [0, 0, 0, 0];
  if (autoPad === 'VALID') pt = pl = pb = pr = 0;
  else if (autoPad === 'SAME_UPPER' || autoPad === 'SAME_LOWER') {
    const same = (size: number, k: number, s: number, d: number) => {
      const out = Math.ceil(size / s);
      const total = Math.max(0, (out - 1) * s + (k - 1) * d + 1 - size);
      const small = Math.floor(total / 2);
      return autoPad === 'SAME_UPPER' ? [small, total - small] : [total - small, small];
    };
    [pt, pb] = same(h, kh, sy!, dy!) as [number, number];
    [pl, pr] = same(w, kw, sx!, dx!) as [number, number];
  }
  for (const v of [pt, pl, pb, pr]) if (v === undefined || !Number.isInteger(v) || v < 0) throw new ModelError('bad-node', `${node.name}: pads must be ≥ 0`);
  const size = (n: number, k: number, s: number, d: number, a: number, b: number) => {
    const room = n + a + b - ((k - 1) * d + 1);
    if (room < 0) return 0;
    let out = (ceil ? Math.ceil(room / s) : Math.floor(room / s)) + 1;
    // With ceil_mode the last window must start inside the input or its leading pad.
    if (ceil && (out - 1) * s >= n + a) out--;
    return out;
  };
  const oh = size(h, kh, sy!, dy!, pt!, pb!), ow = size(w, kw, sx!, dx!, pl!, pr!);
  if (oh < 1 || ow < 1) throw new ModelError('bad-node', `${node.name}: a ${kh}×${kw} window does not fit a ${h}×${w} map`);
  return { kh, kw, sy: sy!, sx: sx!, dy: dy!, dx: dx!, pt: pt!, pl: pl!, pb: pb!, pr: pr!, h, w, oh, ow };
}
