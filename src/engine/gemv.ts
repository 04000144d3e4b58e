/**
 * Dot-product kernels for thin products, where packing panels for the GEMM would cost more
 * than the arithmetic (docs/performance-notes.md: one pixel via packed GEMM 2.5 ms, via
 * "dot-4" 0.5 ms). Both keep four float64 sums in locals so each shared value is loaded once
 * for four multiply-adds.
 */

/**
 * Rows [rowStart, rowEnd) of C = A·Bᵀ, one A row at a time against four B rows at a time.
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
    for (; j + 4 <= n; j += 4) {
      const b0 = j * k, b1 = b0 + k, b2 = b1 + k, b3 = b2 + k;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let kk = 0; kk < k; kk++) {
        const x = a[ao + kk]!;
        s0 += x * b[b0 + kk]!;
        s1 += x * b[b1 + kk]!;
        s2 += x * b[b2 + kk]!;
        s3 += x * b[b3 + kk]!;
      }
      c[co + j] = activate(s0, bias, j, relu);
      c[co + j + 1] = activate(s1, bias, j + 1, relu);
      c[co + j + 2] = activate(s2, bias, j + 2, relu);
      c[co + j + 3] = activate(s3, bias, j + 3, relu);
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
 * Output columns [colStart, colEnd) of C = A·Bᵀ for all M rows, four A rows at a time
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
    for (; i + 4 <= m; i += 4) {
      const a0 = i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let kk = 0; kk < k; kk++) {
        const w = b[bo + kk]!;
        s0 += a[a0 + kk]! * w;
        s1 += a[a1 + kk]! * w;
        s2 += a[a2 + kk]! * w;
        s3 += a[a3 + kk]! * w;
      }
      c[i * n + j] = activate(s0, bias, j, relu);
      c[(i + 1) * n + j] = activate(s1, bias, j, relu);
      c[(i + 2) * n + j] = activate(s2, bias, j, relu);
      c[(i + 3) * n + j] = activate(s3, bias, j, relu);
    }
    for (; i < m; i++) {
      const ao = i * k;
      let s = 0;
      for (let kk = 0; kk < k; kk++) s += a[ao + kk]! * b[bo + kk]!;
      c[i * n + j] = activate(s, bias, j, relu);
    }
  }
}

function activate(sum: number, bias: Float32Array | undefined, ch: number, relu: boolean): number {
  const v = bias ? sum + bias[ch]! : sum;
  return relu && v < 0 ? 0 : v;
}
