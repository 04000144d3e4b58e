import { useState } from 'react';
import { useModelT } from './text/useModelT';

/** A torchvision model to ONNX, ready to paste (any nn.Module is exported the same way). */
export const PYTORCH_ONNX_SNIPPET = `import torch
import torchvision

model = torchvision.models.resnet50(weights="IMAGENET1K_V2").eval()
x = torch.randn(1, 3, 224, 224)        # one picture: (N, C, H, W)
torch.onnx.export(model, x, "resnet50.onnx", opset_version=17,
                  input_names=["input"], dynamo=False)
`;

/** Keras (a SavedModel or .keras file) to ONNX in one line, with tf2onnx. */
export const KERAS_ONNX_SNIPPET = `python -m tf2onnx.convert --saved-model my_keras_model --opset 17 --output model.onnx
`;

export function ModelSnippets() {
  const t = useModelT();
  const [copied, setCopied] = useState<string | null>(null);
  const copy = (id: string, text: string) => void navigator.clipboard?.writeText(text).then(() => setCopied(id), () => setCopied(null));
  return (
    <details className="snippet">
      <summary>{t('snippet.title')}</summary>
      <p className="caption">{t('snippet.caption')}</p>
      <pre><code>{PYTORCH_ONNX_SNIPPET}</code></pre>
      <button type="button" onClick={() => copy('torch', PYTORCH_ONNX_SNIPPET)}>{copied === 'torch' ? t('snippet.copied') : `${t('snippet.copy')} (PyTorch)`}</button>
      <pre><code>{KERAS_ONNX_SNIPPET}</code></pre>
      <button type="button" onClick={() => copy('keras', KERAS_ONNX_SNIPPET)}>{copied === 'keras' ? t('snippet.copied') : `${t('snippet.copy')} (Keras)`}</button>
    </details>
  );
}
