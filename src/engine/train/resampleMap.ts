/**
 * A feature map of another size on the Train page's grid: each cell takes the vector of the
 * map's pixel under it (nearest neighbour), so every feature vector on the grid is one the
 * map holds, unchanged. A 14×14 layer input on a 56×56 grid: each of its pixels covers 4×4
 * cells; a larger map is sampled.
 */

/** `data` (h×w×c, channels-last) on an H×W grid: cell (r, q) ← pixel (⌊r·h/H⌋, ⌊q·w/W⌋). */
export function resampleNearest(data: Float32Array, h: number, w: number, c: number, height: number, width: number): Float32Array {
  if (data.length !== h * w * c) throw new RangeError(`the map must hold ${h}×${w}×${c} values`);
  if (h === height && w === width) return data.slice();
  const out = new Float32Array(height * width * c);
  for (let r = 0; r < height; r++) {
    const sr = Math.floor((r * h) / height);
    for (let q = 0; q < width; q++) {
      const s = (sr * w + Math.floor((q * w) / width)) * c;
      out.set(data.subarray(s, s + c), (r * width + q) * c);
    }
  }
  return out;
}
