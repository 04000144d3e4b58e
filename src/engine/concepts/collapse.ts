/**
 * Linear collapse (concepts.md, post 000): without a nonlinearity between them, a 1×1 layer
 * Cin→b followed by a k×k layer b→Cout is one k×k layer Cin→Cout whose weights are their
 * product (so of rank ≤ b); with a ReLU between them, no single linear layer is.
 * Weights are in conv2d's layout, Cout×Cin×k×k.
 */
import { conv2d } from '../kernels/conv2d';
import { symmetricEigen } from '../linalg/symmetricEigen';
import type { HwcTensor } from '../core/tensor';

/**
 * W[o][i][y][x] = Σⱼ spatial[o][j][y][x] · squeeze[j][i]: the one k×k layer equal to `squeeze`
 * (b×Cin, a 1×1 layer) followed by `spatial` (Cout×b×k×k), neither with a bias.
 */
export function composeSqueezeThenConv(squeeze: Float32Array, spatial: Float32Array, cin: number, b: number, cout: number, k: number): Float32Array {
  if (squeeze.length !== b * cin || spatial.length !== cout * b * k * k) throw new RangeError('weights do not fit the shapes');
  const kk = k * k;
  const out = new Float32Array(cout * cin * kk);
  for (let o = 0; o < cout; o++) {
    for (let i = 0; i < cin; i++) {
      for (let p = 0; p < kk; p++) {
        let s = 0;
        for (let j = 0; j < b; j++) s += spatial[(o * b + j) * kk + p]! * squeeze[j * cin + i]!;
        out[(o * cin + i) * kk + p] = s;
      }
    }
  }
  return out;
}

/** The rank of a rows×cols matrix: eigenvalues of W·Wᵀ above `tol` × the largest. */
export function matrixRank(w: ArrayLike<number>, rows: number, cols: number, tol = 1e-9): number {
  const g = new Float64Array(rows * rows);
  for (let a = 0; a < rows; a++) {
    for (let c = a; c < rows; c++) {
      let s = 0;
      for (let j = 0; j < cols; j++) s += w[a * cols + j]! * w[c * cols + j]!;
      g[a * rows + c] = s;
      g[c * rows + a] = s;
    }
  }
  const { values } = symmetricEigen(g, rows);
  const top = values[0]!;
  return top > 0 ? values.filter((v) => v > tol * top).length : 0;
}

/**
 * How many directions of its input channels a k×k layer (Cout×Cin×k×k) reads: the rank of its
 * weights laid out Cin × (Cout·k·k). A merged 1×1 (Cin→b) then k×k layer reads only b.
 */
export function inputChannelRank(weights: Float32Array, cout: number, cin: number, k: number): number {
  const kk = k * k;
  const m = new Float64Array(cin * cout * kk);
  for (let o = 0; o < cout; o++) for (let i = 0; i < cin; i++) for (let p = 0; p < kk; p++) m[i * cout * kk + o * kk + p] = weights[(o * cin + i) * kk + p]!;
  return matrixRank(m, cin, cout * kk);
}

/** ‖got − want‖ / ‖want‖ over all values (0 when want is all zero and got equals it). */
export function relativeError(got: ArrayLike<number>, want: ArrayLike<number>): number {
  let e = 0, n = 0;
  for (let i = 0; i < want.length; i++) {
    e += (got[i]! - want[i]!) ** 2;
    n += want[i]! ** 2;
  }
  return n > 0 ? Math.sqrt(e / n) : Math.sqrt(e);
}

/**
 * The single k×k layer (zero padding (k−1)/2, no bias) that comes closest to `target`
 * (H×W×Cout) from `input` in least squares, over every window: the normal equations of the
 * windows, solved through their eigen-decomposition (directions with no data are left out).
 *
 * @returns its weights (Cout×Cin×k×k) and the relative error that remains.
 */
export function bestConvFit(input: HwcTensor, target: Float32Array, cout: number, k: number): { weights: Float32Array; relativeError: number } {
  const { height: h, width: w, channels: cin } = input;
  if (target.length !== h * w * cout) throw new RangeError(`target must hold ${h}×${w}×${cout} values`);
  const pad = (k - 1) / 2, kk = k * k, d = cin * kk;
  // Each window as a row, in the weights' order (channel, ky, kx); outside the input is zero.
  const rows = new Float64Array(h * w * d);
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      const o = (r * w + c) * d;
      for (let i = 0; i < cin; i++) {
        for (let ky = 0; ky < k; ky++) {
          const y = r - pad + ky;
          for (let kx = 0; kx < k; kx++) {
            const x = c - pad + kx;
            rows[o + i * kk + ky * k + kx] = y >= 0 && y < h && x >= 0 && x < w ? input.data[(y * w + x) * cin + i]! : 0;
          }
        }
      }
    }
  }
  const gram = new Float64Array(d * d), rhs = new Float64Array(d * cout);
  for (let p = 0; p < h * w; p++) {
    for (let a = 0; a < d; a++) {
      const va = rows[p * d + a]!;
      if (va === 0) continue;
      for (let b = a; b < d; b++) gram[a * d + b]! += va * rows[p * d + b]!;
      for (let o = 0; o < cout; o++) rhs[a * cout + o]! += va * target[p * cout + o]!;
    }
  }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) gram[a * d + b] = gram[b * d + a]!;
  const { values, vectors } = symmetricEigen(gram, d);
  const weights = new Float32Array(cout * d);
  const coef = new Float64Array(cout);
  for (let e = 0; e < d; e++) {
    if (!(values[e]! > 1e-10 * values[0]!)) continue;
    coef.fill(0);
    for (let a = 0; a < d; a++) for (let o = 0; o < cout; o++) coef[o]! += vectors[e * d + a]! * rhs[a * cout + o]!;
    for (let a = 0; a < d; a++) for (let o = 0; o < cout; o++) weights[o * d + a]! += (vectors[e * d + a]! * coef[o]!) / values[e]!;
  }
  const fitted = conv2d(input, { inChannels: cin, outChannels: cout, kernelHeight: k, kernelWidth: k, padY: pad, padX: pad }, { weights }).data;
  return { weights, relativeError: relativeError(fitted, target) };
}
