/**
 * General 2-D convolution for the concept views: k×k (rectangular allowed), stride, padding,
 * dilation and groups (so grouped and depthwise too), with optional bias. Direct loops in
 * float64: these layers are small; the big 1×1 layer goes through pointwise.ts.
 *
 * Layouts: input H×W×Cin (channels-last); weights Cout × (Cin/G) × kh × kw, PyTorch's
 * Conv2d layout, so weight (o, i, y, x) lives at ((o·(Cin/G) + i)·kh + y)·kw + x;
 * output H'×W'×Cout.
 */
import { hwcTensor, type HwcTensor } from '../core/tensor';

/** The shape of a convolution layer. */
export interface Conv2dSpec {
  readonly inChannels: number;
  readonly outChannels: number;
  readonly kernelHeight: number;
  readonly kernelWidth: number;
  readonly strideY?: number;
  readonly strideX?: number;
  readonly padY?: number;
  readonly padX?: number;
  readonly dilationY?: number;
  readonly dilationX?: number;
  /** Channel groups; Cin and Cout must both divide by it. 1 = standard, Cin = depthwise. */
  readonly groups?: number;
}

/** A convolution's weights (Cout × Cin/G × kh × kw) and optional bias (Cout). */
export interface Conv2dParams {
  readonly weights: Float32Array;
  readonly bias?: Float32Array | undefined;
}

/**
 * Output length along one axis: floor((size + 2·pad − (dilation·(kernel−1)+1)) / stride) + 1.
 * Example: 7 with a 3-wide kernel, stride 1, no padding → 5. Returns 0 when the kernel does
 * not fit.
 */
export function convOutputSize(size: number, kernel: number, stride = 1, pad = 0, dilation = 1): number {
  const span = dilation * (kernel - 1) + 1;
  const room = size + 2 * pad - span;
  return room < 0 ? 0 : Math.floor(room / stride) + 1;
}

/** Throws a RangeError naming the first thing wrong with a spec. */
export function checkConv2dSpec(spec: Conv2dSpec): void {
  const g = spec.groups ?? 1;
  const positive: [string, number][] = [
    ['inChannels', spec.inChannels], ['outChannels', spec.outChannels],
    ['kernelHeight', spec.kernelHeight], ['kernelWidth', spec.kernelWidth],
    ['strideY', spec.strideY ?? 1], ['strideX', spec.strideX ?? 1],
    ['dilationY', spec.dilationY ?? 1], ['dilationX', spec.dilationX ?? 1], ['groups', g],
  ];
  for (const [name, v] of positive) {
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be a whole number ≥ 1, got ${v}`);
  }
  for (const [name, v] of [['padY', spec.padY ?? 0], ['padX', spec.padX ?? 0]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${v}`);
  }
  if (spec.inChannels % g !== 0 || spec.outChannels % g !== 0) {
    throw new RangeError(`groups (${g}) must divide both ${spec.inChannels} input and ${spec.outChannels} output channels`);
  }
}

/** Number of weights a spec needs: Cout · (Cin/G) · kh · kw. */
export function conv2dWeightCount(spec: Conv2dSpec): number {
  const g = spec.groups ?? 1;
  return spec.outChannels * (spec.inChannels / g) * spec.kernelHeight * spec.kernelWidth;
}

/** Runs the convolution described by `spec` on an H×W×Cin input. */
export function conv2d(input: HwcTensor, spec: Conv2dSpec, params: Conv2dParams): HwcTensor {
  checkConv2dSpec(spec);
  if (input.channels !== spec.inChannels) {
    throw new RangeError(`layer expects ${spec.inChannels} input channels, input has ${input.channels}`);
  }
  if (params.weights.length !== conv2dWeightCount(spec)) {
    throw new RangeError(`expected ${conv2dWeightCount(spec)} weights, got ${params.weights.length}`);
  }
  const { kernelHeight: kh, kernelWidth: kw, inChannels: cin, outChannels: cout } = spec;
  const sy = spec.strideY ?? 1, sx = spec.strideX ?? 1;
  const py = spec.padY ?? 0, px = spec.padX ?? 0;
  const dy = spec.dilationY ?? 1, dx = spec.dilationX ?? 1;
  const g = spec.groups ?? 1;
  const cinG = cin / g, coutG = cout / g;
  const oh = convOutputSize(input.height, kh, sy, py, dy);
  const ow = convOutputSize(input.width, kw, sx, px, dx);
  const out = hwcTensor(oh, ow, cout);
  const x = input.data, w = params.weights, o = out.data;
  for (let r = 0; r < oh; r++) {
    for (let c = 0; c < ow; c++) {
      for (let oc = 0; oc < cout; oc++) {
        const ic0 = Math.floor(oc / coutG) * cinG;
        let sum = params.bias ? params.bias[oc]! : 0;
        for (let ky = 0; ky < kh; ky++) {
          const iy = r * sy - py + ky * dy;
          if (iy < 0 || iy >= input.height) continue;
          for (let kx = 0; kx < kw; kx++) {
            const ix = c * sx - px + kx * dx;
            if (ix < 0 || ix >= input.width) continue;
            const xo = (iy * input.width + ix) * cin + ic0;
            const wo = oc * cinG * kh * kw + ky * kw + kx;
            for (let i = 0; i < cinG; i++) sum += x[xo + i]! * w[wo + i * kh * kw]!;
          }
        }
        o[(r * ow + c) * cout + oc] = sum;
      }
    }
  }
  return out;
}
