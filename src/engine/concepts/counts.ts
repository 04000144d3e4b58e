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

/** One layer of a path in the bottleneck comparison, with its cost at H×W (same padding). */
export interface PathLayer {
  readonly kernel: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly cost: LayerCost;
}

export interface PathComparison {
  /** The plain k×k convolution Cin→Cout. */
  readonly direct: readonly PathLayer[];
  /** 1×1 Cin→b, k×k b→(expand ? b : Cout), then with `expand` a 1×1 b→Cout (ResNet). */
  readonly bottleneck: readonly PathLayer[];
}

/**
 * The two paths of concepts.md §2 layer by layer. (10, 20, 5, 3) gives 1,800 direct and
 * 50 + 900 = 950 weights; ResNet's (256, 256, 64, 3, expand) 16,384 + 36,864 + 16,384 =
 * 69,632 against 589,824.
 */
export function comparePaths(p: { inChannels: number; outChannels: number; squeeze: number; kernel: number; expand: boolean; height: number; width: number }): PathComparison {
  const layer = (kernel: number, inChannels: number, outChannels: number): PathLayer => ({
    kernel, inChannels, outChannels,
    cost: layerCost({ kind: kernel === 1 ? 'pointwise' : 'standard', kernel, inChannels, outChannels, outHeight: p.height, outWidth: p.width }),
  });
  const mid = p.expand ? p.squeeze : p.outChannels;
  const bottleneck = [layer(1, p.inChannels, p.squeeze), layer(p.kernel, p.squeeze, mid)];
  if (p.expand) bottleneck.push(layer(1, p.squeeze, p.outChannels));
  return { direct: [layer(p.kernel, p.inChannels, p.outChannels)], bottleneck };
}

/** Sums the costs of a path's layers. */
export function pathCost(path: readonly PathLayer[]): LayerCost {
  return path.reduce((s, l) => ({ weights: s.weights + l.cost.weights, biases: s.biases + l.cost.biases, multiplyAdds: s.multiplyAdds + l.cost.multiplyAdds }), { weights: 0, biases: 0, multiplyAdds: 0 });
}

/**
 * Which input channels feed which output channels: a Cout×Cin 0/1 matrix (row-major).
 * Standard and pointwise connect all with all; grouped connects within each of G blocks;
 * depthwise connects channel c to channel c only (Cout = Cin). For 'separable' this is the
 * end-to-end connectivity (all with all); its two stages are depthwise then pointwise.
 */
export function channelConnectivity(kind: LayerKind, inChannels: number, outChannels: number, groups = 1): Uint8Array {
  const cout = kind === 'depthwise' ? inChannels : outChannels;
  const g = kind === 'grouped' ? groups : kind === 'depthwise' ? inChannels : 1;
  if (inChannels % g !== 0 || cout % g !== 0) throw new RangeError(`groups (${g}) must divide ${inChannels} and ${cout}`);
  const m = new Uint8Array(cout * inChannels);
  const cinG = inChannels / g, coutG = cout / g;
  for (let o = 0; o < cout; o++) {
    const block = Math.floor(o / coutG);
    for (let i = block * cinG; i < (block + 1) * cinG; i++) m[o * inChannels + i] = 1;
  }
  return m;
}
