/** Reads a shipped photo in Node (jpeg-js, a pure-JS decoder) as H×W×3 floats in [0, 1]. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import jpeg from 'jpeg-js';
import { pictureTensor } from '../src/engine/data/picture.ts';
import type { HwcTensor } from '../src/engine/core/tensor.ts';

export function readShippedPhoto(id: string): HwcTensor {
  const path = fileURLToPath(new URL(`../public/photos/${id}.jpg`, import.meta.url));
  const img = jpeg.decode(readFileSync(path), { useTArray: true, formatAsRGBA: true });
  return pictureTensor(img.data, img.width, img.height, 3);
}
