/**
 * The trained layer as files PyTorch reads: weights (K, Cin, 1, 1) and bias (K,) as .npy, and
 * for the check, the features it read (1, Cin, H, W) and its scores (1, K, H, W). No React.
 */
import { writeNpy } from '../../engine/io/npy';
import { hwcTensor } from '../../engine/core/tensor';
import { hwcToChw } from '../../engine/io/tensorFiles';

export interface ExportFile {
  readonly name: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

export function layerFiles(weights: Float32Array, bias: Float32Array, classes: number, channels: number): ExportFile[] {
  return [
    { name: 'train_weights.npy', bytes: writeNpy(weights, [classes, channels, 1, 1]) },
    { name: 'train_bias.npy', bytes: writeNpy(bias, [classes]) },
  ];
}

/** H×W×C maps (channels-last) as PyTorch's (1, C, H, W). */
export function mapFile(name: string, hwc: Float32Array, height: number, width: number, channels: number): ExportFile {
  return { name, bytes: writeNpy(hwcToChw(hwcTensor(height, width, channels, hwc)), [1, channels, height, width]) };
}

/** Loads the files into nn.Conv2d(Cin, K, 1) and checks it, and the same layer as a dense layer at every pixel. */
export function pytorchSnippet(classes: number, channels: number, names: readonly string[]): string {
  return `import numpy as np
import torch

W = torch.from_numpy(np.load("train_weights.npy"))   # (${classes}, ${channels}, 1, 1)
b = torch.from_numpy(np.load("train_bias.npy"))      # (${classes},)
x = torch.from_numpy(np.load("train_features.npy"))  # (1, ${channels}, 56, 56): what the layer read
y = torch.from_numpy(np.load("train_scores.npy"))    # (1, ${classes}, 56, 56): what the page computed

conv = torch.nn.Conv2d(${channels}, ${classes}, kernel_size=1)
with torch.no_grad():
    conv.weight.copy_(W)
    conv.bias.copy_(b)
    out = conv(x)
print(torch.allclose(out, y, atol=1e-4))    # True: the same layer

# A 1×1 convolution is one dense layer applied at every pixel:
dense = torch.einsum("kc,nchw->nkhw", W[:, :, 0, 0], x) + b[None, :, None, None]
print(torch.allclose(dense, y, atol=1e-4))  # True

classes = ${JSON.stringify(names)}
pred = out.softmax(dim=1).argmax(dim=1)[0]   # (56, 56): each pixel's class
print({name: int((pred == i).sum()) for i, name in enumerate(classes)})
`;
}
