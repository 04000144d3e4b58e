/** MaxPool, AveragePool and the global pools on NHWC maps (one picture). */
import { ModelError } from '../errors';
import { attrInt, attrInts, type OnnxNode } from '../model';
import type { Runtime } from '../runtime';
import { allocFloat, checkedSize, floatTensor, intsOf, logical, metaTensor, rowMajorStrides, toNhwc, type Tensor } from '../tensor';
import { window2d } from './geometry';

function image(node: OnnxNode, x: Tensor | undefined): { n: number; c: number; h: number; w: number } {
  if (!x || x.shape.length !== 4) throw new ModelError('bad-node', `${node.name}: pools take a 4-D map`);
  const [n, c, h, w] = x.shape as [number, number, number, number];
  if (x.data && n !== 1) throw new ModelError('bad-node', `${node.name}: a batch of ${n} (the engine runs one picture)`);
  return { n, c, h, w };
}

export function pool(node: OnnxNode, [x]: readonly (Tensor | undefined)[], rt?: Runtime): Tensor {
  const { n, c, h, w } = image(node, x);
  const kernel = attrInts(node, 'kernel_shape');
  if (!kernel) throw new ModelError('bad-node', `${node.name}: no kernel_shape`);
  const g = window2d(node, h, w, kernel);
  const shape = [n, c, g.oh, g.ow];
  if (!x!.data) return metaTensor('float', shape, true);
  const src = toNhwc(x!).data as Float32Array;
  const out = allocFloat(shape, node.name, rt);
  const isMax = node.opType === 'MaxPool';
  const countPads = attrInt(node, 'count_include_pad', 0) === 1;
  const acc = new Float64Array(c);
  // In the loops of this file, one past the end writes nowhere (a typed array ignores it) or
  // into the next pixel, which overwrites it; a max equal to the one held is the same value.
  // Stryker disable next-line EqualityOperator: see above
  for (let oy = 0; oy < g.oh; oy++) {
    // Stryker disable next-line EqualityOperator: see above
    for (let ox = 0; ox < g.ow; ox++) {
      acc.fill(isMax ? -Infinity : 0);
      let count = 0;
      for (let ky = 0; ky < g.kh; ky++) {
        const iy = oy * g.sy - g.pt + ky * g.dy;
        if (iy < 0 || iy >= h) continue;
        for (let kx = 0; kx < g.kw; kx++) {
          const ix = ox * g.sx - g.pl + kx * g.dx;
          if (ix < 0 || ix >= w) continue;
          count++;
          const base = (iy * w + ix) * c;
          if (isMax) {
            // Stryker disable next-line EqualityOperator: see above
            for (let ch = 0; ch < c; ch++) { const v = src[base + ch]!; if (v > acc[ch]!) acc[ch] = v; }
          } else {
            // Stryker disable next-line EqualityOperator: see above
            for (let ch = 0; ch < c; ch++) acc[ch]! += src[base + ch]!;
          }
        }
      }
      if (!isMax && countPads) {
        // The window clipped to the padded map (as PyTorch and onnxruntime count it).
        const y0 = oy * g.sy - g.pt, x0 = ox * g.sx - g.pl;
        const y1 = Math.min(y0 + (g.kh - 1) * g.dy + 1, h + g.pb), x1 = Math.min(x0 + (g.kw - 1) * g.dx + 1, w + g.pr);
        count = Math.ceil((y1 - Math.max(y0, -g.pt)) / g.dy) * Math.ceil((x1 - Math.max(x0, -g.pl)) / g.dx);
      }
      const base = (oy * g.ow + ox) * c;
      // Stryker disable next-line EqualityOperator: see above
      for (let ch = 0; ch < c; ch++) out[base + ch] = isMax ? acc[ch]! : count ? acc[ch]! / count : 0;
    }
  }
  return floatTensor(shape, out, true);
}

export function globalPool(node: OnnxNode, [x]: readonly (Tensor | undefined)[]): Tensor {
  const { n, c, h, w } = image(node, x);
  const shape = [n, c, 1, 1];
  if (!x!.data) return metaTensor('float', shape, true);
  const src = toNhwc(x!).data as Float32Array;
  const isMax = node.opType === 'GlobalMaxPool';
  const acc = new Float64Array(c).fill(isMax ? -Infinity : 0);
  for (let p = 0; p < h * w; p++) {
    const base = p * c;
    if (isMax) {
      // Stryker disable next-line EqualityOperator: see pool()
      for (let ch = 0; ch < c; ch++) { const v = src[base + ch]!; if (v > acc[ch]!) acc[ch] = v; }
    } else {
      // Stryker disable next-line EqualityOperator: see pool()
      for (let ch = 0; ch < c; ch++) acc[ch]! += src[base + ch]!;
    }
  }
  const out = new Float32Array(c);
  // Stryker disable next-line EqualityOperator: see pool()
  for (let ch = 0; ch < c; ch++) out[ch] = isMax ? acc[ch]! : acc[ch]! / (h * w);
  // Stryker disable next-line BooleanLiteral: a 1×1 map is the same in either layout (NHWC, as the pools give)
  return floatTensor(shape, out, true);
}

/**
 * ReduceMean over some axes (attribute before opset 18, input from 18), as exporters may
 * write adaptive_avg_pool2d(1) or a mean over the map: the spatial axes of an NHWC map are
 * the global average pool; other axes are reduced in logical order.
 */
export function reduceMean(node: OnnxNode, inputs: readonly (Tensor | undefined)[], opset: number): Tensor {
  const x = inputs[0];
  if (!x) throw new ModelError('bad-node', `${node.name}: no input`);
  const r = x.shape.length;
  const raw = opset >= 18 ? (inputs[1] ? intsOf(inputs[1], `${node.name}: axes`) : undefined) : attrInts(node, 'axes');
  // Sorted and matched against the spatial axes only to take the global pool's faster path:
  // without it the loop below gives the same means (Stryker's disables below).
  // Stryker disable next-line MethodExpression: see above
  const axes = (raw ?? x.shape.map((_, i) => i)).map((a) => (a < 0 ? a + r : a)).sort();
  const keep = attrInt(node, 'keepdims', 1) === 1;
  const dims = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const shape = keep ? dims : x.shape.filter((_, i) => !axes.includes(i));
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral,BlockStatement: see above
  if (r === 4 && axes.join() === '2,3') {
    // Stryker disable next-line ObjectLiteral,StringLiteral: see above (any op but GlobalMaxPool averages)
    const pooled = globalPool({ ...node, opType: 'GlobalAveragePool' }, [x]);
    return keep ? pooled : { ...pooled, shape, nhwc: false };
  }
  if (!x.data) return metaTensor(x.dtype, shape);
  const src = logical(x).data!, out = new Float64Array(checkedSize(dims, node.name));
  const outStrides = rowMajorStrides(dims);
  const idx = new Array<number>(r).fill(0);
  for (let i = 0; i < src.length; i++) {
    let o = 0;
    for (let d = 0; d < r; d++) if (!axes.includes(d)) o += idx[d]! * outStrides[d]!;
    out[o]! += src[i]!;
    // Stryker disable next-line ArithmeticOperator: starting past the last axis only counts in entries nothing reads
    for (let d = r - 1; d >= 0; d--) { if (++idx[d]! < x.shape[d]!) break; idx[d] = 0; }
  }
  const count = src.length / out.length;
  return floatTensor(shape, Float32Array.from(out, (v) => v / count));
}
