/**
 * Image patches for a strided k×k window (im2col), and their contrast normalisation, as in
 * Coates & Ng, "Learning feature representations with K-means" (2012), §3.
 */
import type { HwcTensor } from '../core/tensor';

/** Output size of a k×k window at `stride` with `pad` pixels on each side. */
export function windowCount(size: number, kernel: number, stride: number, pad: number): number {
  return Math.floor((size + 2 * pad - kernel) / stride) + 1;
}

/**
 * Every k×k×C window of `image`, one per row: row `r * outWidth + c` holds the window whose
 * top-left pixel is (r·stride − pad, c·stride − pad), in (dy, dx, channel) order — the same
 * order as a first-layer filter's weights. Pixels outside the image take the nearest edge
 * pixel's value (replicate padding), so border windows show no artificial black frame.
 *
 * `rows` limits it to output rows [r0, r1) (row r0's windows come first).
 *
 * @returns (r1 − r0)·outWidth × (kernel·kernel·C) row-major; outHeight and outWidth of the whole.
 */
export function imagePatches(image: HwcTensor, kernel: number, stride: number, pad: number, rows?: readonly [number, number]): { patches: Float32Array; outHeight: number; outWidth: number } {
  const { height, width, channels, data } = image;
  const outHeight = windowCount(height, kernel, stride, pad), outWidth = windowCount(width, kernel, stride, pad);
  if (outHeight < 1 || outWidth < 1) throw new RangeError(`a ${kernel}×${kernel} window does not fit ${height}×${width}`);
  const [r0, r1] = rows ?? [0, outHeight];
  const dim = kernel * kernel * channels;
  const patches = new Float32Array(Math.max(0, r1 - r0) * outWidth * dim);
  let o = 0;
  for (let r = r0; r < r1; r++) {
    for (let c = 0; c < outWidth; c++) {
      for (let dy = 0; dy < kernel; dy++) {
        const y = Math.min(height - 1, Math.max(0, r * stride - pad + dy));
        for (let dx = 0; dx < kernel; dx++) {
          const x = Math.min(width - 1, Math.max(0, c * stride - pad + dx));
          const at = (y * width + x) * channels;
          for (let ch = 0; ch < channels; ch++) patches[o++] = data[at + ch]!;
        }
      }
    }
  }
  return { patches, outHeight, outWidth };
}

/**
 * Contrast normalisation of each row of `patches` (rows of `dim` values), in place:
 * x ← (x − mean(x)) / √(var(x) + eps). `eps` keeps flat patches (sky, a white wall) from
 * having their noise blown up to unit contrast.
 */
export function normalizePatches(patches: Float32Array, dim: number, eps: number): void {
  for (let o = 0; o < patches.length; o += dim) {
    let sum = 0;
    for (let i = 0; i < dim; i++) sum += patches[o + i]!;
    const mean = sum / dim;
    let sq = 0;
    for (let i = 0; i < dim; i++) {
      const d = patches[o + i]! - mean;
      sq += d * d;
    }
    const scale = 1 / Math.sqrt(sq / dim + eps);
    for (let i = 0; i < dim; i++) patches[o + i] = (patches[o + i]! - mean) * scale;
  }
}
