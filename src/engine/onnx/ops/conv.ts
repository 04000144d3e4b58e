/**
 * ONNX Conv on NHWC maps: groups, strides, pads, dilations, auto_pad. A standard or grouped
 * convolution is the engine's blocked GEMM over im2col rows (a 1×1 convolution with stride 1
 * and no pads is the GEMM on the map itself; a 3×3 one with stride 1, Winograd's F(2×2, 3×3)
 * over 16 GEMMs); a depthwise one (one input channel per group) is a direct loop. `convRows`
 * computes a band of output rows, so a caller can split a layer (chain.ts runs chains of
 * Convs that way, fused with their BatchNormalization and ReLU).
 *
 * Weights arrive as ONNX stores them, Cout × Cin/G × kh × kw; the GEMM wants each filter's
 * taps in the order im2col writes them, (ky, kx, i), so they are reordered per call (no
 * copy is kept: a model's weights would double in memory).
 */
import { gemmABt, packB } from '../../kernels/gemm';
import { ModelError } from '../errors';
import { clampInPlace } from '../fuse';
import { attrInt, attrInts, type OnnxNode } from '../model';
import { createRuntime, type Runtime } from '../runtime';
import { allocFloat, floatTensor, metaTensor, toNhwc, type Tensor } from '../tensor';
import { depthwiseRows, type DepthwiseLayer } from './depthwise';
import { window2d, type Window2d } from './geometry';
import { winogradFits, winogradRows } from './winograd';

/**
 * im2col values per chunk (at least one output row): 16 K floats (64 KB), so the rows im2col
 * writes are still in the core's cache when the product reads them. Against chunks of 1 M
 * floats (4 MB) in one run: a MobileNet stem (224×224×3 → 32, 3×3 stride 2) 6.0 → 5.0 ms,
 * ResNet's 7×7 stem 45 → 42 ms, its 3×3s at 56×56×64, 28×28×128 and 14×14×256 5–19 % faster.
 */
// Stryker disable next-line ArithmeticOperator: any chunk size gives the same values (at least one row is taken)
const COLUMN_CHUNK = 1 << 14;

/** A convolution's geometry, weights (Cout × Cin/G × kh × kw), bias and fused clamp, and its groups. */
export interface ConvLayer extends DepthwiseLayer {
  readonly groups: number;
  /** The row of the whole output map that is row 0 of this geometry (a band of it, in a chain): Winograd's tiles start at its even rows. */
  readonly firstRow?: number | undefined;
}

/** The layer a Conv node describes for input shape (N, C, H, W), with its weights (null in a shape-only pass). */
export function convLayer(node: OnnxNode, x: Tensor, w: Tensor | undefined, b: Tensor | undefined): { layer: Omit<ConvLayer, 'weights' | 'bias'>; weights: Float32Array | null; bias: Float32Array | undefined } {
  if (!w) throw new ModelError('bad-node', `${node.name}: no weights`);
  if (x.shape.length !== 4 || w.shape.length !== 4) throw new ModelError('bad-node', `${node.name}: only 2-D convolutions (4-D tensors) are supported`);
  const [, cin, h, wd] = x.shape as [number, number, number, number];
  const [cout, cinG, kh, kw] = w.shape as [number, number, number, number];
  const groups = attrInt(node, 'group', 1);
  const kernel = attrInts(node, 'kernel_shape') ?? [kh, kw];
  if (kernel[0] !== kh || kernel[1] !== kw) throw new ModelError('bad-node', `${node.name}: kernel_shape disagrees with the weights`);
  // (cin / groups = cinG takes cin % groups = 0 with it; groups < 1 is left to catch only a map of no channels.)
  if (groups < 1 || cout % groups !== 0 || cin / groups !== cinG) {
    throw new ModelError('bad-node', `${node.name}: weights (${w.shape.join(', ')}) with group ${groups} do not fit ${cin} input channels`);
  }
  if (b && (b.shape.length !== 1 || b.shape[0] !== cout)) throw new ModelError('bad-node', `${node.name}: bias (${b.shape.join(', ')}) for ${cout} filters`);
  const geometry = window2d(node, h, wd, [kh, kw]);
  return { layer: { geometry, groups, inChannels: cin, outChannels: cout }, weights: w.data as Float32Array | null, bias: (b?.data as Float32Array | null) ?? undefined };
}

/** A Conv node run on its inputs as a node of its own (a shape-only input gives the output's shape). */
export function conv(node: OnnxNode, [x, w, b]: readonly (Tensor | undefined)[], rt?: Runtime): Tensor {
  if (!x) throw new ModelError('bad-node', `${node.name}: no input`);
  const { layer, weights, bias } = convLayer(node, x, w, b);
  const shape = [x.shape[0]!, layer.outChannels, layer.geometry.oh, layer.geometry.ow];
  if (!x.data || !weights) return metaTensor('float', shape, true);
  if (x.shape[0] !== 1) throw new ModelError('bad-node', `${node.name}: a batch of ${x.shape[0]} (the engine runs one picture)`);
  const out = allocFloat(shape, node.name, rt);
  convRows(toNhwc(x).data as Float32Array, { ...layer, weights, bias }, out, 0, layer.geometry.oh, rt);
  return floatTensor(shape, out, true);
}

/**
 * Output rows [r0, r1) of the convolution of an H×W×Cin map (NHWC, one picture) into `out`,
 * which holds just those rows ((r1 − r0)×ow×Cout), so a band can be computed anywhere. The
 * depthwise and Winograd paths keep their scratch and transformed filters in `rt`.
 */
export function convRows(x: Float32Array, layer: ConvLayer, out: Float32Array, r0: number, r1: number, rt: Runtime = createRuntime()): void {
  const { geometry: g, groups, inChannels: cin, outChannels: cout } = layer;
  // Stryker disable next-line ConditionalExpression,ArithmeticOperator,EqualityOperator: depthwise's direct loop is a faster path (for one group too); when not taken, the grouped GEMM gives the same values
  if (cin / groups === 1 && groups > 1) return depthwiseRows(x, layer, out, r0, r1, rt);
  const lo = layer.lo ?? -Infinity, hi = layer.hi ?? Infinity;
  // Stryker disable next-line ConditionalExpression: Winograd is a faster path; the GEMM gives the same values (to float rounding)
  if (winogradFits(g, groups, cin, cout)) return winogradRows(x, g, layer.weights, layer.bias, cin, cout, out, r0, r1, lo, hi, layer.firstRow, rt);
  // The GEMM writes a ReLU (ReLU6: capped) itself; another clamp is a pass over the band after it.
  // Stryker disable next-line ConditionalExpression: a faster path; the pass after the GEMM gives the same values
  const relu = lo === 0;
  gemmRows(x, layer, out, r0, r1, relu, relu ? hi : Infinity);
  // Stryker disable next-line ConditionalExpression,ArithmeticOperator: clamping twice is clamping once; a longer subarray of the band is the band
  if (!relu) clampInPlace(out.subarray(0, (r1 - r0) * g.ow * cout), lo, hi);
}

function gemmRows(x: Float32Array, layer: ConvLayer, out: Float32Array, r0: number, r1: number, relu: boolean, cap: number): void {
  const { geometry: g, groups, inChannels: cin, outChannels: cout } = layer;
  const cinG = cin / groups, coutG = cout / groups;
  const plain = g.kh === 1 && g.kw === 1 && g.sy === 1 && g.sx === 1 && g.pt + g.pl + g.pb + g.pr === 0;
  // Stryker disable next-line ConditionalExpression,BlockStatement: the GEMM on the map is a faster path; when not taken, im2col gives the same values
  if (plain && groups === 1) {
    // Stryker disable next-line ArithmeticOperator: more rows than the band only read past its input and write past its output, which a subarray ignores
    const pixels = (r1 - r0) * g.ow;
    gemmABt(x.subarray(r0 * g.ow * cin, r1 * g.ow * cin), packB(layer.weights, cout, cin), out, cout, cin, 0, pixels, layer.bias, relu, cap);
    return;
  }
  const k = g.kh * g.kw * cinG;
  // Any number of rows a chunk (at least one) gives the same values; the next three lines only size the chunks.
  // Stryker disable next-line ArithmeticOperator: see above
  const rowsPerChunk = Math.max(1, Math.floor(COLUMN_CHUNK / (g.ow * k)));
  // Stryker disable next-line MethodExpression,ArithmeticOperator: see above (a larger buffer than needed)
  const columns = new Float32Array(Math.min(r1 - r0, rowsPerChunk) * g.ow * k);
  // Stryker disable next-line ConditionalExpression,EqualityOperator,MethodExpression,ArithmeticOperator: see above; with one group the scratch rows are copied whole, the same values
  const scratch = groups > 1 ? new Float32Array(Math.min(r1 - r0, rowsPerChunk) * g.ow * coutG) : null;
  for (let gi = 0; gi < groups; gi++) {
    const filters = packB(reorderFilters(layer.weights, gi * coutG, coutG, cinG, g.kh, g.kw), coutG, k);
    const bias = layer.bias?.subarray(gi * coutG, (gi + 1) * coutG);
    // Stryker disable next-line EqualityOperator: a chunk starting at r1 has no rows
    for (let c0 = r0; c0 < r1; c0 += rowsPerChunk) {
      const c1 = Math.min(r1, c0 + rowsPerChunk);
      const m = (c1 - c0) * g.ow;
      im2col(x, cin, gi * cinG, cinG, g, c0, c1, columns);
      if (!scratch) {
        gemmABt(columns, filters, out.subarray((c0 - r0) * g.ow * cout), cout, k, 0, m, bias, relu, cap);
        continue;
      }
      gemmABt(columns, filters, scratch, coutG, k, 0, m, bias, relu, cap);
      for (let p = 0; p < m; p++) out.set(scratch.subarray(p * coutG, (p + 1) * coutG), ((c0 - r0) * g.ow + p) * cout + gi * coutG);
    }
  }
}

/** Filters [o0, o0 + count) with their taps in im2col order (ky, kx, i): count × (kh·kw·cinG). */
function reorderFilters(w: Float32Array, o0: number, count: number, cinG: number, kh: number, kw: number): Float32Array {
  const k = kh * kw * cinG, taps = kh * kw;
  const out = new Float32Array(count * k);
  // Stryker disable next-line EqualityOperator: one past the end writes nowhere (a typed array ignores it)
  for (let o = 0; o < count; o++) {
    const src = (o0 + o) * k;
    // Stryker disable next-line EqualityOperator: one tap past the end writes the next filter's first, which its own pass overwrites
    for (let i = 0; i < cinG; i++) for (let t = 0; t < taps; t++) out[o * k + t * cinG + i] = w[src + i * taps + t]!;
  }
  return out;
}

/** The im2col rows of output rows [r0, r1): each output pixel's window, (ky, kx, i) order, zeros in the pads. */
function im2col(x: Float32Array, cin: number, ch0: number, chCount: number, g: Window2d, r0: number, r1: number, columns: Float32Array): void {
  const k = g.kh * g.kw * chCount;
  let row = 0;
  for (let oy = r0; oy < r1; oy++) {
    for (let ox = 0; ox < g.ow; ox++, row++) {
      let dst = row * k;
      const ix0 = ox * g.sx - g.pl;
      // A window row inside the map, undilated, all channels: kw·cin values side by side in x.
      // A faster copy of whole window rows: when not taken (run 0), the per-pixel loop gives the same values.
      // Stryker disable next-line EqualityOperator: see above (fewer windows taken)
      const inside = ix0 >= 0 && ix0 + g.kw <= g.w;
      // Stryker disable next-line ConditionalExpression: see above
      const run = g.dx === 1 && chCount === cin && inside ? g.kw * cin : 0;
      for (let ky = 0; ky < g.kh; ky++) {
        const iy = oy * g.sy - g.pt + ky * g.dy, rowInside = iy >= 0 && iy < g.h;
        // Stryker disable next-line ConditionalExpression,BlockStatement: see above
        if (run && rowInside) {
          const src = (iy * g.w + ix0) * cin;
          // Stryker disable next-line ConditionalExpression,EqualityOperator: set() and the loop copy the same values
          if (run > 16) {
            columns.set(x.subarray(src, src + run), dst);
          } else {
            // Stryker disable next-line EqualityOperator: one past the run writes the next slot, which is written after it
            for (let i = 0; i < run; i++) columns[dst + i] = x[src + i]!;
          }
          dst += run;
          continue;
        }
        for (let kx = 0; kx < g.kw; kx++, dst += chCount) {
          const ix = ox * g.sx - g.pl + kx * g.dx;
          if (!rowInside || ix < 0 || ix >= g.w) {
            columns.fill(0, dst, dst + chCount);
            continue;
          }
          const src = (iy * g.w + ix) * cin + ch0;
          // Stryker disable next-line ConditionalExpression,EqualityOperator: set() and the loop copy the same values
          if (chCount > 16) {
            columns.set(x.subarray(src, src + chCount), dst);
          } else {
            // Stryker disable next-line EqualityOperator: one past the pixel writes the next slot, which is written after it
            for (let i = 0; i < chCount; i++) columns[dst + i] = x[src + i]!;
          }
        }
      }
    }
  }
}
