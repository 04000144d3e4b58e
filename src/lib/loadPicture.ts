/**
 * Decodes a picture (the shipped one, or a file the student chose) and scales it to
 * width×height RGBA bytes with the browser's own resampling. Rejects with a readable
 * reason when the file is not a picture the browser can decode.
 */
export async function loadPicture(source: string | Blob, width: number, height: number): Promise<Uint8ClampedArray> {
  const blob = typeof source === 'string' ? await (await fetch(source)).blob() : source;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
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
    // Centre-crop to the target's aspect ratio, then scale, so nothing is stretched.
    const scale = Math.min(bitmap.width / width, bitmap.height / height);
    const sw = width * scale, sh = height * scale;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, (bitmap.width - sw) / 2, (bitmap.height - sh) / 2, sw, sh, 0, 0, width, height);
    return ctx.getImageData(0, 0, width, height).data;
  } finally {
    bitmap.close();
  }
}

export class PictureError extends Error {
  constructor(readonly code: 'decode' | 'canvas') {
    super(code === 'decode' ? 'not a picture this browser can read' : 'no 2-D canvas');
  }
}

/** The picture that ships with the app (relative, so the app works from any sub-path). */
export const SHIPPED_PICTURE = './picture.png';
