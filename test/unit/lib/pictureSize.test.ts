import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { MAX_PICTURE_PIXELS } from '../../../src/engine/core/limits';
import { pictureSize } from '../../../src/lib/pictureSize';

const bytes = (...parts: (number[] | string)[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('pictureSize(header bytes)', () => {
  it('reads PNG and JPEG as real encoders write them', () => {
    const png = new PNG({ width: 37, height: 21 });
    expect(pictureSize(PNG.sync.write(png))).toEqual({ width: 37, height: 21 });
    const jpg = jpeg.encode({ data: new Uint8Array(50 * 30 * 4), width: 50, height: 30 }, 80).data;
    expect(pictureSize(new Uint8Array(jpg))).toEqual({ width: 50, height: 30 });
  });

  it('reads GIF, BMP and the three WebP headers', () => {
    expect(pictureSize(bytes('GIF89a', [0x40, 0x01, 0xf0, 0x00]))).toEqual({ width: 320, height: 240 });
    expect(pictureSize(bytes('BM', new Array(16).fill(0), [100, 0, 0, 0], [0x38, 0xff, 0xff, 0xff]))).toEqual({ width: 100, height: 200 });
    expect(pictureSize(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ', new Array(10).fill(0), [0x80, 0x02, 0xe0, 0x01], [0, 0]))).toEqual({ width: 640, height: 480 });
    // VP8L: 14 bits of width − 1 and of height − 1 after the 0x2f signature.
    const w = 399, h = 299, bits = w | (h << 14);
    expect(pictureSize(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8L', [0, 0, 0, 0, 0x2f], [bits & 255, (bits >> 8) & 255, (bits >> 16) & 255, (bits >>> 24) & 255], [0, 0, 0, 0, 0]))).toEqual({ width: 400, height: 300 });
    expect(pictureSize(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8X', new Array(8).fill(0), [0x0f, 0x27, 0x00], [0xdf, 0x2e, 0x00]))).toEqual({ width: 10000, height: 12000 });
  });

  it('a 12,000 × 12,000 PNG is over the limit from its first 24 bytes; anything else is unknown', () => {
    const header = bytes([0x89], 'PNG', [13, 10, 26, 10, 0, 0, 0, 13], 'IHDR', [0, 0, 0x2e, 0xe0, 0, 0, 0x2e, 0xe0]);
    const size = pictureSize(header)!;
    expect(size).toEqual({ width: 12000, height: 12000 });
    expect(size.width * size.height).toBeGreaterThan(MAX_PICTURE_PIXELS);
    expect(pictureSize(bytes('not a picture at all, no'))).toBeNull();
    expect(pictureSize(new Uint8Array(0))).toBeNull();
  });
});
