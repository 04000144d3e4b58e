/**
 * Parameter and multiply-add counts for the layer kinds the app compares. Every figure the
 * app quotes (1,800 vs 950 weights; AlexNet's 60,965,224) is computed from these.
 */

/** The layer kinds of the convolution family (concepts.md §4). */
export type LayerKind = 'standard' | 'grouped' | 'depthwise' | 'pointwise' | 'separable';

/** A layer as the counting functions see it. */
export interface LayerShape {
  readonly kind: LayerKind;
  readonly inChannels: number;
  readonly outChannels: number;
  /** Kernel height and width (ignored for pointwise, which is 1×1). */
  readonly kernel: number;
  /** Groups for 'grouped' (ignored otherwise). */
  readonly groups?: number;
  /** Output height × width, for multiply-add counts. */
  readonly outHeight?: number;
  readonly outWidth?: number;
}

/** Weights and biases of a layer, and multiply-adds for one forward pass. */
export interface LayerCost {
  readonly weights: number;
  readonly biases: number;
  readonly multiplyAdds: number;
}

/** Weights of a k×k convolution with G groups: k·k·(Cin/G)·(Cout/G)·G. */
export function convWeights(kernel: number, inChannels: number, outChannels: number, groups = 1): number {
  return kernel * kernel * (inChannels / groups) * (outChannels / groups) * groups;
}

/** Counts weights, biases (one per output channel of each conv) and multiply-adds. */
export function layerCost(layer: LayerShape): LayerCost {
  const { inChannels: cin, outChannels: cout, kernel: k } = layer;
  const pixels = (layer.outHeight ?? 1) * (layer.outWidth ?? 1);
  switch (layer.kind) {
    case 'standard': {
      const w = convWeights(k, cin, cout);
      return { weights: w, biases: cout, multiplyAdds: w * pixels };
    }
    case 'grouped': {
      const w = convWeights(k, cin, cout, layer.groups ?? 1);
      return { weights: w, biases: cout, multiplyAdds: w * pixels };
    }
    case 'depthwise': {
      const w = k * k * cin;
      return { weights: w, biases: cin, multiplyAdds: w * pixels };
    }
    case 'pointwise': {
      const w = cin * cout;
      return { weights: w, biases: cout, multiplyAdds: w * pixels };
    }
    case 'separable': {
      const w = k * k * cin + cin * cout;
      return { weights: w, biases: cin + cout, multiplyAdds: w * pixels };
    }
  }
}

/** Weights of a dense layer: inputs · outputs. */
export function denseWeights(inputs: number, outputs: number): number {
  return inputs * outputs;
}

/**
 * The bottleneck comparison of concepts.md §2: a k×k convolution Cin→Cout versus a 1×1
 * squeeze Cin→b followed by the k×k convolution b→Cout. Weights exclude biases.
 * Example: (10, 20, 5, 3) → direct 1,800, bottleneck 50 + 900 = 950.
 */
export function bottleneckWeights(inChannels: number, outChannels: number, squeeze: number, kernel: number) {
  const direct = convWeights(kernel, inChannels, outChannels);
  const reduce = convWeights(1, inChannels, squeeze);
  const spatial = convWeights(kernel, squeeze, outChannels);
  return { direct, reduce, spatial, bottleneck: reduce + spatial, ratio: (reduce + spatial) / direct };
}
