/**
 * English text of the whole-layer figure (scene 0) and its small copy in scenes 1–5.
 * The sentence's `{name}` tokens become numbers that point at their part of the figure.
 */
export const layerEn = {
  'layer.sentence': "At each of the {h}×{w} = {pixels} pixels, the {cinValues} channel values are multiplied by one filter’s {cinWeights} weights and summed into {one} output value; {coutFilters} filters give {coutChannels} output channels.",
  'layer.one': "one",
  'layer.figureLabel': "The whole layer: input {h}×{w}×{cin}, filters 1×1×{cin}, output {h}×{w}×{cout}",
  'layer.input': "input",
  'layer.output': "output",
  'layer.filter': "filter {k}",
  'layer.map': "map {k}",
  'layer.sum': "Σ w·x",
  'layer.depthNote': "depth drawn {n}× shorter than to scale",
  'layer.depthNoteMin': "depth drawn {n}× shorter than to scale, at least a few units deep",
  'layer.open.1': "Filter {k}: open step 1, the filters",
  'layer.open.2': "The column at pixel ({row}, {col}): open step 2, one pixel",
  'layer.open.3': "Output ({row}, {col}, {k}): open step 3, the next pixel",
  'layer.open.4': "Output map {k}: open step 4, all pixels",
  'layer.open.5': "Sum of the maps: open step 5, maps add up",
  'layer.open.0': "The whole layer: open step 0",
  'layer.inFace': "Input channel maps; hover or tap a pixel to stop there",
  'layer.outFace': "Output map {k}; hover or tap a pixel to stop there",
  'layer.play': "Play",
  'layer.pause': "Pause",
  'layer.values': "x at ({row}, {col})",
  'layer.weights': "w of filter {k}",
  'layer.products': "x · w",
  'layer.terms': "{count} terms",
  'layer.pixelOf': "pixel {n} of {total}",
  'layer.mini': "Where this step is in the layer: pixel ({row}, {col}), filter {k}",
  'layer.miniChannel': "Where this step is in the layer: pixel ({row}, {col}), filter {k}, channel {channel}",
} as const;

export type LayerKey = keyof typeof layerEn;
