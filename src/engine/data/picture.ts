/** Pictures as tensors: RGBA bytes (as a canvas gives them) to channels-last floats in [0, 1]. */
import { hwcTensor, type HwcTensor } from '../core/tensor';

/**
 * `rgba` holds width×height×4 bytes. With `channels` 3 the result is H×W×3 (R, G, B); with 1
 * it is the luma 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601). Alpha is ignored.
 */
export function pictureTensor(rgba: ArrayLike<number>, width: number, height: number, channels: 1 | 3): HwcTensor {
  if (rgba.length !== width * height * 4) throw new RangeError(`expected ${width}×${height}×4 bytes, got ${rgba.length}`);
  const out = hwcTensor(height, width, channels);
  for (let p = 0; p < width * height; p++) {
    const r = rgba[p * 4]! / 255, g = rgba[p * 4 + 1]! / 255, b = rgba[p * 4 + 2]! / 255;
    if (channels === 3) {
      out.data[p * 3] = r;
      out.data[p * 3 + 1] = g;
      out.data[p * 3 + 2] = b;
    } else {
      out.data[p] = 0.299 * r + 0.587 * g + 0.114 * b;
    }
  }
  return out;
}
