import { describe, expect, it } from 'vitest';
import { IMAGENET_MEAN, IMAGENET_STD, imageTensor, type Preprocessing } from '../../../../src/engine/onnx/preprocess';

describe('a picture as a model input', () => {
  const [w, h] = [5, 3];
  const rgba = Uint8ClampedArray.from({ length: w * h * 4 }, (_, i) => (i * 97 + 13) % 256);
  const expected = (v: number, colour: number, p: Preprocessing) =>
    p.scaling === 'unit' ? v / 255 : p.scaling === 'signed' ? (2 * v) / 255 - 1 : (v / 255 - IMAGENET_MEAN[colour]!) / IMAGENET_STD[colour]!;

  for (const scaling of ['imagenet', 'unit', 'signed'] as const) {
    for (const order of ['rgb', 'bgr'] as const) {
      it(`${scaling}, ${order}: pixel p's channel c holds its colour (c, or 2 − c for BGR) scaled, NHWC; channels-last as (1, H, W, 3)`, () => {
        const t = imageTensor(rgba, w, h, 3, { scaling, order });
        expect(t.shape).toEqual([1, 3, h, w]);
        expect(t.nhwc).toBe(true);
        for (let p = 0; p < w * h; p++) {
          for (let c = 0; c < 3; c++) {
            const colour = order === 'bgr' ? 2 - c : c;
            expect(t.data![3 * p + c]).toBeCloseTo(expected(rgba[4 * p + colour]!, colour, { scaling, order }), 6);
          }
        }
        const last = imageTensor(rgba, w, h, 3, { scaling, order }, true);
        expect(last.shape).toEqual([1, h, w, 3]);
        expect(last.data).toEqual(t.data);
      });
    }
  }

  it('one channel: the luminance, [0, 1] for ImageNet scaling', () => {
    const t = imageTensor(rgba, w, h, 1, { scaling: 'imagenet', order: 'rgb' });
    expect(t.shape).toEqual([1, 1, h, w]);
    for (let p = 0; p < w * h; p++) expect(t.data![p]).toBeCloseTo((0.299 * rgba[4 * p]! + 0.587 * rgba[4 * p + 1]! + 0.114 * rgba[4 * p + 2]!) / 255, 6);
  });
});
