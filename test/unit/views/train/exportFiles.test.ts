import { describe, expect, it } from 'vitest';
import { parseNpy } from '../../../../src/engine/io/npy';
import { layerFiles, mapFile, pytorchSnippet } from '../../../../src/views/train/exportFiles';

describe('the trained layer’s export', () => {
  it('round-trips weights and bias through .npy in PyTorch’s Conv2d shapes', () => {
    const w = Float32Array.from({ length: 3 * 4 }, (_, i) => i / 7 - 0.5), b = Float32Array.from([0.25, -1, 3]);
    const [wf, bf] = layerFiles(w, b, 3, 4);
    const wr = parseNpy(wf!.bytes, 1e6), br = parseNpy(bf!.bytes, 1e6);
    expect([wf!.name, wr.shape, bf!.name, br.shape]).toEqual(['train_weights.npy', [3, 4, 1, 1], 'train_bias.npy', [3]]);
    expect(Array.from(wr.data)).toEqual(Array.from(w));
    expect(Array.from(br.data)).toEqual(Array.from(b));
  });

  it('writes maps channels-first, as (1, C, H, W)', () => {
    // H=1, W=2, C=3 channels-last: pixel 0 = (1, 2, 3), pixel 1 = (4, 5, 6).
    const f = mapFile('x.npy', Float32Array.from([1, 2, 3, 4, 5, 6]), 1, 2, 3);
    const r = parseNpy(f.bytes, 100);
    expect(r.shape).toEqual([1, 3, 1, 2]);
    expect(Array.from(r.data)).toEqual([1, 4, 2, 5, 3, 6]);
  });

  it('names the shapes and the class names in the PyTorch snippet', () => {
    const s = pytorchSnippet(2, 512, ['rocket', 'sky']);
    expect(s).toContain('torch.nn.Conv2d(512, 2, kernel_size=1)');
    expect(s).toContain('torch.allclose(out, y');
    expect(s).toContain('["rocket","sky"]');
  });
});
