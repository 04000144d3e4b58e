import type { Lut } from '../../../lib/colormap';

/** Black → white, for pictures and non-negative filter responses. */
export const GRAY: Lut = (() => {
  const t = new Uint8ClampedArray(256 * 4);
  for (let i = 0; i < 256; i++) t.set([i, i, i, 255], i * 4);
  return t;
})();
