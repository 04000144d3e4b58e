/**
 * Makes the shipped photos (public/photos/*.jpg, 224×224) from scikit-image's sample data,
 * as Debian's python3-skimage package ships it. Run once by hand; the results are committed:
 *
 *   apt-get download python3-skimage && dpkg -x python3-skimage_*.deb /tmp/sk
 *   npm run photos -- /tmp/sk/usr/lib/python3/dist-packages/skimage/data
 *
 * Each photo is cropped to a square (the box below), scaled down by area averaging (every
 * source pixel counts by the area it covers) and written as a baseline JPEG, quality 85,
 * without chroma subsampling. Licences: see PHOTOS in src/lib/photos.ts.
 */
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { PHOTOS, PHOTO_SIZE } from '../src/lib/photos.ts';

interface Rgba {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

function decode(path: string): Rgba {
  const bytes = readFileSync(path);
  if (path.endsWith('.png')) {
    const png = PNG.sync.read(bytes);
    return { width: png.width, height: png.height, data: png.data };
  }
  const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
  return { width: img.width, height: img.height, data: img.data };
}

/** Area-averaged resampling of the box (x0, y0, side) to size×size. */
function cropAndScale(src: Rgba, x0: number, y0: number, side: number, size: number): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const step = side / size;
  for (let oy = 0; oy < size; oy++) {
    for (let ox = 0; ox < size; ox++) {
      const sum = [0, 0, 0];
      let area = 0;
      const ya = y0 + oy * step, yb = ya + step, xa = x0 + ox * step, xb = xa + step;
      for (let y = Math.floor(ya); y < Math.ceil(yb); y++) {
        const wy = Math.min(yb, y + 1) - Math.max(ya, y);
        for (let x = Math.floor(xa); x < Math.ceil(xb); x++) {
          const wx = Math.min(xb, x + 1) - Math.max(xa, x);
          const at = (y * src.width + x) * 4;
          for (let ch = 0; ch < 3; ch++) sum[ch]! += wy * wx * src.data[at + ch]!;
          area += wy * wx;
        }
      }
      const o = (oy * size + ox) * 4;
      for (let ch = 0; ch < 3; ch++) out[o + ch] = Math.round(sum[ch]! / area);
      out[o + 3] = 255;
    }
  }
  return out;
}

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: npm run photos -- <path to skimage/data>');
  process.exit(2);
}
mkdirSync('public/photos', { recursive: true });
for (const photo of PHOTOS) {
  const src = decode(join(dataDir, photo.source));
  const { x, y, side } = photo.crop;
  if (x + side > src.width || y + side > src.height) throw new Error(`${photo.id}: crop outside ${src.width}×${src.height}`);
  const pixels = cropAndScale(src, x, y, side, PHOTO_SIZE);
  const file = jpeg.encode({ data: pixels, width: PHOTO_SIZE, height: PHOTO_SIZE }, 85);
  writeFileSync(`public/photos/${photo.id}.jpg`, file.data);
  console.log(`${photo.id}.jpg  ${src.width}×${src.height} → crop ${side} at (${x}, ${y}) → ${PHOTO_SIZE}², ${file.data.length} bytes`);
}
