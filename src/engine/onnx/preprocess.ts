/**
 * A picture (RGBA bytes) as a model's input tensor (1, C, H, W), scaled as the model was
 * trained: ImageNet's mean and standard deviation, [0, 1] or [−1, 1]; channels in RGB or
 * BGR order; one channel (luminance) for a grey model.
 */
import { floatTensor, type Tensor } from './tensor';

export type Scaling = 'imagenet' | 'unit' | 'signed';
export type ChannelOrder = 'rgb' | 'bgr';

export interface Preprocessing {
  readonly scaling: Scaling;
  readonly order: ChannelOrder;
}

export const IMAGENET_MEAN = [0.485, 0.456, 0.406] as const;
export const IMAGENET_STD = [0.229, 0.224, 0.225] as const;

/** Value of byte `v` (0–255) of colour channel `c` (0 = red) under `scaling`. */
export function scaleByte(v: number, c: number, scaling: Scaling): number {
  const u = v / 255;
  if (scaling === 'unit') return u;
  if (scaling === 'signed') return 2 * u - 1;
  return (u - IMAGENET_MEAN[c]!) / IMAGENET_STD[c]!;
}

/**
 * width×height RGBA → a (1, channels, height, width) tensor, stored NHWC; with
 * `channelsLast`, the same values as a (1, height, width, channels) tensor.
 */
export function imageTensor(rgba: Uint8ClampedArray, width: number, height: number, channels: 1 | 3, p: Preprocessing, channelsLast = false): Tensor {
  const out = new Float32Array(width * height * channels), n = width * height;
  if (channels === 1) {
    for (let i = 0; i < n; i++) out[i] = scaleByte(0.299 * rgba[4 * i]! + 0.587 * rgba[4 * i + 1]! + 0.114 * rgba[4 * i + 2]!, 0, p.scaling === 'imagenet' ? 'unit' : p.scaling);
  } else {
    // Output channel c reads colour `src`; its 256 possible values are worked out once.
    for (let c = 0; c < 3; c++) {
      const src = p.order === 'bgr' ? 2 - c : c;
      const table = Float32Array.from({ length: 256 }, (_, v) => scaleByte(v, src, p.scaling));
      for (let i = 0; i < n; i++) out[3 * i + c] = table[rgba[4 * i + src]!]!;
    }
  }
  return channelsLast ? floatTensor([1, height, width, channels], out) : floatTensor([1, channels, height, width], out, true);
}
