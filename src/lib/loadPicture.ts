/**
 * Decodes a picture (the shipped one, or a file the student chose) and scales it to
 * width×height RGBA bytes with the browser's own resampling. Rejects with a readable
 * reason when the file is not a picture the browser can decode.
 */
import { MAX_PICTURE_PIXELS } from '../engine/core/limits';
import { pictureSize } from './pictureSize';

export async function loadPicture(source: string | Blob, width: number, height: number): Promise<Uint8ClampedArray> {
  const blob = typeof source === 'string' ? await (await fetch(source)).blob() : source;
  // Refused by its header's pixel count before anything is decoded (a JPEG's frame header can
  // sit after large metadata, hence up to 1 MB is read).
  const size = pictureSize(new Uint8Array(await blob.slice(0, 1 << 20).arrayBuffer()));
  if (size && size.width * size.height > MAX_PICTURE_PIXELS) throw new PictureError('too-large', size);
  let bitmap: ImageBitmap;
  try {
    // Where the size is known the browser crops and scales while it decodes, off the main thread.
    bitmap = size && size.width > 0 && size.height > 0
      ? await createImageBitmap(blob, ...cropTo(size.width, size.height, width, height), { resizeWidth: width, resizeHeight: height, resizeQuality: 'high' })
      : await createImageBitmap(blob);
  } catch {
    throw new PictureError('decode');
  }
  try {
    if (bitmap.width < 1 || bitmap.height < 1) throw new PictureError('decode');
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new PictureError('canvas');
    // Centre-crop to the target's aspect ratio, then scale, so nothing is stretched (a no-op
    // copy when the browser already did both while decoding).
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, ...cropTo(bitmap.width, bitmap.height, width, height), 0, 0, width, height);
    return ctx.getImageData(0, 0, width, height).data;
  } finally {
    bitmap.close();
  }
}

/** The centred box of a w×h picture with the target's aspect ratio: [x, y, width, height]. */
function cropTo(w: number, h: number, width: number, height: number): [number, number, number, number] {
  const scale = Math.min(w / width, h / height);
  const sw = Math.min(w, Math.round(width * scale)), sh = Math.min(h, Math.round(height * scale));
  return [Math.floor((w - sw) / 2), Math.floor((h - sh) / 2), sw, sh];
}

export class PictureError extends Error {
  constructor(readonly code: 'decode' | 'canvas' | 'too-large', readonly size?: { width: number; height: number }) {
    super(code === 'decode' ? 'not a picture this browser can read' : code === 'canvas' ? 'no 2-D canvas' : `a picture of ${size?.width}×${size?.height} pixels is too large`);
  }
}

/** The picture that ships with the app (relative, so the app works from any sub-path). */
export const SHIPPED_PICTURE = './picture.png';
