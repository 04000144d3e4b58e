/**
 * Dot-product kernels for thin products, where packing panels for the GEMM would cost more
 * than the arithmetic (docs/performance-notes.md: one pixel via packed GEMM 2.5 ms, via
 * "dot-4" 0.5 ms). Both keep eight float64 sums in locals so each shared value is loaded once
 * for eight multiply-adds (9 loads per 8 multiply-adds, against 2 per 1 for a plain dot).
 */
import { activate } from './activate';

/**
 * Rows [rowStart, rowEnd) of C = A·Bᵀ, one A row at a time against eight B rows at a time.
 * Best for few A rows (one pixel against all filters).
 *
 * @param a M×K row-major; @param b N×K row-major; @param c M×N row-major output.
 */
export function gemvRowsABt(
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  n: number,
  k: number,
  rowStart: number,
  rowEnd: number,
  bias: Float32Array | undefined,
  relu: boolean,
): void {
  for (let m = rowStart; m < rowEnd; m++) {
    const ao = m * k;
    const co = m * n;
    let j = 0;
    for (; j + 8 <= n; j += 8) {
      const b0 = j * k;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
      for (let kk = 0; kk < k; kk++) {
        const x = a[ao + kk]!;
        const q = b0 + kk;
        s0 += x * b[q]!;
        s1 += x * b[q + k]!;
        s2 += x * b[q + 2 * k]!;
        s3 += x * b[q + 3 * k]!;
        s4 += x * b[q + 4 * k]!;
        s5 += x * b[q + 5 * k]!;
        s6 += x * b[q + 6 * k]!;
        s7 += x * b[q + 7 * k]!;
      }
      c[co + j] = activate(s0, bias, j, relu);
      c[co + j + 1] = activate(s1, bias, j + 1, relu);
      c[co + j + 2] = activate(s2, bias, j + 2, relu);
      c[co + j + 3] = activate(s3, bias, j + 3, relu);
      c[co + j + 4] = activate(s4, bias, j + 4, relu);
      c[co + j + 5] = activate(s5, bias, j + 5, relu);
      c[co + j + 6] = activate(s6, bias, j + 6, relu);
      c[co + j + 7] = activate(s7, bias, j + 7, relu);
    }
    for (; j < n; j++) {
      const bo = j * k;
      let s = 0;
      for (let kk = 0; kk < k; kk++) s += a[ao + kk]! * b[bo + kk]!;
      c[co + j] = activate(s, bias, j, relu);
    }
  }
}

/**
 * Output columns [colStart, colEnd) of C = A·Bᵀ for all M rows, eight A rows at a time
 * against one B row. Best for few B rows (one filter over every pixel).
 *
 * @param c M×N row-major output; only the chosen columns are written.
 */
export function gemvColsABt(
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  m: number,
  n: number,
  k: number,
  colStart: number,
  colEnd: number,
  bias: Float32Array | undefined,
  relu: boolean,
): void {
  for (let j = colStart; j < colEnd; j++) {
    const bo = j * k;
    let i = 0;
    for (; i + 8 <= m; i += 8) {
      const a0 = i * k;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
      for (let kk = 0; kk < k; kk++) {
        const w = b[bo + kk]!;
        const q = a0 + kk;
        s0 += a[q]! * w;
        s1 += a[q + k]! * w;
        s2 += a[q + 2 * k]! * w;
        s3 += a[q + 3 * k]! * w;
        s4 += a[q + 4 * k]! * w;
        s5 += a[q + 5 * k]! * w;
        s6 += a[q + 6 * k]! * w;
        s7 += a[q + 7 * k]! * w;
      }
      c[i * n + j] = activate(s0, bias, j, relu);
      c[(i + 1) * n + j] = activate(s1, bias, j, relu);
      c[(i + 2) * n + j] = activate(s2, bias, j, relu);
      c[(i + 3) * n + j] = activate(s3, bias, j, relu);
      c[(i + 4) * n + j] = activate(s4, bias, j, relu);
      c[(i + 5) * n + j] = activate(s5, bias, j, relu);
      c[(i + 6) * n + j] = activate(s6, bias, j, relu);
      c[(i + 7) * n + j] = activate(s7, bias, j, relu);
    }
    for (; i < m; i++) {
      const ao = i * k;
      let s = 0;
      for (let kk = 0; kk < k; kk++) s += a[ao + kk]! * b[bo + kk]!;
      c[i * n + j] = activate(s, bias, j, relu);
    }
  }
}

