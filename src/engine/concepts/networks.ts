/**
 * Layer descriptions of two famous networks, counted with the functions of counts.ts, so
 * the parameter tables are computed rather than typed in (concepts.md §3).
 */
import { convWeights, denseWeights } from './counts';

/** A convolution (possibly split into `towers` parallel halves, as AlexNet's two GPUs) or a dense layer. */
export type LayerDescription =
  | { readonly name: string; readonly type: 'conv'; readonly kernel: number; readonly inChannels: number; readonly outChannels: number; readonly towers: number }
  | { readonly name: string; readonly type: 'dense'; readonly inputShape: readonly number[]; readonly outputs: number };

export interface CountedLayer {
  readonly name: string;
  readonly type: 'conv' | 'dense';
  /** The weight count as a product, e.g. "11·11·3·48·2". */
  readonly formula: string;
  readonly weights: number;
  readonly biases: number;
}

/** AlexNet (Krizhevsky et al., 2012) with its two-GPU split written out. */
export const ALEXNET: readonly LayerDescription[] = [
  { name: 'conv1', type: 'conv', kernel: 11, inChannels: 3, outChannels: 48, towers: 2 },
  { name: 'conv2', type: 'conv', kernel: 5, inChannels: 48, outChannels: 128, towers: 2 },
  { name: 'conv3', type: 'conv', kernel: 3, inChannels: 256, outChannels: 384, towers: 1 },
  { name: 'conv4', type: 'conv', kernel: 3, inChannels: 192, outChannels: 192, towers: 2 },
  { name: 'conv5', type: 'conv', kernel: 3, inChannels: 192, outChannels: 128, towers: 2 },
  { name: 'fc6', type: 'dense', inputShape: [6, 6, 256], outputs: 4096 },
  { name: 'fc7', type: 'dense', inputShape: [4096], outputs: 4096 },
  { name: 'fc8', type: 'dense', inputShape: [4096], outputs: 1000 },
];

/** fc6 as some lecture notes count it, from the unpooled 13×13×256 map. */
export const ALEXNET_FC6_UNPOOLED: LayerDescription = { name: 'fc6', type: 'dense', inputShape: [13, 13, 256], outputs: 4096 };

export function countLayer(layer: LayerDescription): CountedLayer {
  if (layer.type === 'conv') {
    const { kernel: k, inChannels: cin, outChannels: cout, towers } = layer;
    const formula = [k, k, cin, cout, ...(towers > 1 ? [towers] : [])].join('·');
    return { name: layer.name, type: 'conv', formula, weights: convWeights(k, cin, cout) * towers, biases: cout * towers };
  }
  const inputs = layer.inputShape.reduce((a, b) => a * b, 1);
  return { name: layer.name, type: 'dense', formula: [...layer.inputShape, layer.outputs].join('·'), weights: denseWeights(inputs, layer.outputs), biases: layer.outputs };
}

export interface NetworkTotals {
  readonly convWeights: number;
  readonly denseWeights: number;
  readonly weights: number;
  readonly biases: number;
  readonly parameters: number;
}

export function networkTotals(layers: readonly CountedLayer[]): NetworkTotals {
  let conv = 0, dense = 0, biases = 0;
  for (const l of layers) {
    if (l.type === 'conv') conv += l.weights;
    else dense += l.weights;
    biases += l.biases;
  }
  return { convWeights: conv, denseWeights: dense, weights: conv + dense, biases, parameters: conv + dense + biases };
}

/** One convolution inside an inception branch. */
export interface InceptionConv {
  readonly kernel: number;
  readonly inChannels: number;
  readonly outChannels: number;
}

/** A branch: its convolutions in order; a pooling branch starts with a 3×3 max-pool (no weights). */
export interface InceptionBranch {
  readonly name: string;
  readonly pool: boolean;
  readonly convs: readonly InceptionConv[];
  /** Channels the branch contributes to the concatenated output. */
  readonly outChannels: number;
}

export interface InceptionBlock {
  readonly height: number;
  readonly width: number;
  readonly inChannels: number;
  readonly branches: readonly InceptionBranch[];
}

const c = (kernel: number, inChannels: number, outChannels: number): InceptionConv => ({ kernel, inChannels, outChannels });

/** GoogLeNet's inception (3a) on its 28×28×192 input (Szegedy et al., 2014, table 1). */
export const INCEPTION_3A: InceptionBlock = {
  height: 28, width: 28, inChannels: 192,
  branches: [
    { name: '1×1', pool: false, convs: [c(1, 192, 64)], outChannels: 64 },
    { name: '1×1 → 3×3', pool: false, convs: [c(1, 192, 96), c(3, 96, 128)], outChannels: 128 },
    { name: '1×1 → 5×5', pool: false, convs: [c(1, 192, 16), c(5, 16, 32)], outChannels: 32 },
    { name: 'pool → 1×1', pool: true, convs: [c(1, 192, 32)], outChannels: 32 },
  ],
};

/** The same block without its 1×1 reductions: the 3×3 and 5×5 read all 192 channels and the pool passes them through. */
export const INCEPTION_3A_NAIVE: InceptionBlock = {
  height: 28, width: 28, inChannels: 192,
  branches: [
    { name: '1×1', pool: false, convs: [c(1, 192, 64)], outChannels: 64 },
    { name: '3×3', pool: false, convs: [c(3, 192, 128)], outChannels: 128 },
    { name: '5×5', pool: false, convs: [c(5, 192, 32)], outChannels: 32 },
    { name: 'pool', pool: true, convs: [], outChannels: 192 },
  ],
};

export interface CountedConv extends InceptionConv {
  readonly formula: string;
  readonly weights: number;
  /** Multiply-adds at the block's size (same padding, stride 1). */
  readonly multiplyAdds: number;
}

export interface CountedBlock {
  readonly branches: readonly { readonly name: string; readonly pool: boolean; readonly outChannels: number; readonly convs: readonly CountedConv[] }[];
  readonly weights: number;
  readonly multiplyAdds: number;
  readonly outChannels: number;
}

export function countInception(block: InceptionBlock): CountedBlock {
  const pixels = block.height * block.width;
  let weights = 0, multiplyAdds = 0, outChannels = 0;
  const branches = block.branches.map((b) => {
    outChannels += b.outChannels;
    const convs = b.convs.map((cv) => {
      const w = convWeights(cv.kernel, cv.inChannels, cv.outChannels);
      weights += w;
      multiplyAdds += w * pixels;
      return { ...cv, formula: `${cv.kernel}·${cv.kernel}·${cv.inChannels}·${cv.outChannels}`, weights: w, multiplyAdds: w * pixels };
    });
    return { name: b.name, pool: b.pool, outChannels: b.outChannels, convs };
  });
  return { branches, weights, multiplyAdds, outChannels };
}
