import { useState } from 'react';
import { useDataT } from './text/useDataT';

/** How to save a layer's input and a Conv2d's 1×1 weights from PyTorch, ready to paste. */
export const PYTORCH_SNIPPET = `import numpy as np
import torch

model.eval()
conv = model.layer1[0].conv1          # a Conv2d with kernel_size=1 (change to yours)
saved = {}

def keep_input(module, args, output):
    saved["x"] = args[0].detach().cpu()  # (1, C, H, W)

hook = conv.register_forward_hook(keep_input)
with torch.no_grad():
    model(image.unsqueeze(0))          # one picture, shape (3, H, W)
hook.remove()

np.save("input.npy", saved["x"].numpy().astype(np.float32))
np.save("weights.npy", conv.weight.detach().cpu().numpy())  # (Cout, Cin, 1, 1)
if conv.bias is not None:
    np.save("bias.npy", conv.bias.detach().cpu().numpy())   # (Cout,)
`;

export function PytorchSnippet() {
  const t = useDataT();
  const [copied, setCopied] = useState(false);
  return (
    <details className="snippet">
      <summary>{t('snippet.title')}</summary>
      <p className="caption">{t('snippet.caption')}</p>
      <pre><code>{PYTORCH_SNIPPET}</code></pre>
      <button type="button" onClick={() => {
        void navigator.clipboard?.writeText(PYTORCH_SNIPPET).then(() => setCopied(true), () => setCopied(false));
      }}>{copied ? t('snippet.copied') : t('snippet.copy')}</button>
    </details>
  );
}
