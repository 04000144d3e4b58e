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
  const out = new Float32Array(width * height * channels);
  for (let i = 0; i < width * height; i++) {
    const r = rgba[4 * i]!, g = rgba[4 * i + 1]!, b = rgba[4 * i + 2]!;
    if (channels === 1) {
      out[i] = scaleByte(0.299 * r + 0.587 * g + 0.114 * b, 0, p.scaling === 'imagenet' ? 'unit' : p.scaling);
      continue;
    }
    const rgb = [r, g, b];
    for (let c = 0; c < 3; c++) {
      const src = p.order === 'bgr' ? 2 - c : c;
      out[3 * i + c] = scaleByte(rgb[src]!, src, p.scaling);
    }
  }
  return channelsLast ? floatTensor([1, height, width, channels], out) : floatTensor([1, channels, height, width], out, true);
}
