/**
 * max(0, v) capped at `cap` (6 for ReLU6; Infinity for ReLU), without a branch on the sign:
 * on a ReLU's input the sign is a coin toss, and V8's compare-and-branch (or its Math.max,
 * which branches too) mispredicts half the time — on a MobileNet layer's real activations
 * that cost a quarter of the whole product. (v + |v|) / 2 is exact: 0 for v ≤ 0, else v.
 */
export function relu6(v: number, cap: number): number {
  return Math.min((v + Math.abs(v)) * 0.5, cap);
}

/** Adds output channel `ch`'s bias (if any) to a float64 sum and applies ReLU (capped at `cap`) if asked. */
export function activate(sum: number, bias: Float32Array | undefined, ch: number, relu: boolean, cap = Infinity): number {
  const v = bias ? sum + bias[ch]! : sum;
  return relu ? relu6(v, cap) : v;
}
