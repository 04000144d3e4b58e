/** onnxruntime-web (wasm, in Node) as the independent reference for the ONNX evaluator. */
import * as ort from 'onnxruntime-web';

ort.env.wasm.numThreads = 1;

/** Runs `bytes` on `input` (NCHW float32) and returns the named outputs, NCHW. */
export async function ortRun(bytes: Uint8Array, inputName: string, input: Float32Array, dims: number[]): Promise<Record<string, { dims: readonly number[]; data: Float32Array }>> {
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'disabled' });
  try {
    const r = await session.run({ [inputName]: new ort.Tensor('float32', input, dims) });
    return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, { dims: v.dims, data: v.data as Float32Array }]));
  } finally {
    await session.release();
  }
}

/** max |got − want| / max |want|. */
export function relativeError(got: ArrayLike<number>, want: ArrayLike<number>): number {
  let diff = 0, scale = 0;
  for (let i = 0; i < want.length; i++) {
    diff = Math.max(diff, Math.abs(got[i]! - want[i]!));
    scale = Math.max(scale, Math.abs(want[i]!));
  }
  return diff / (scale || 1);
}
