/** Adds output channel `ch`'s bias (if any) to a float64 sum and applies ReLU if asked. */
export function activate(sum: number, bias: Float32Array | undefined, ch: number, relu: boolean): number {
  const v = bias ? sum + bias[ch]! : sum;
  return relu && v < 0 ? 0 : v;
}
