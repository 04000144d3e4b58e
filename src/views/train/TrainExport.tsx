import { useState } from 'react';
import { engineRequest } from '../../session/engine';
import { TRAIN_MAP } from '../../lib/trainCode';
import { download } from '../data/readFiles';
import { layerFiles, mapFile, pytorchSnippet } from './exportFiles';
import { useTrainT } from './text/useTrainT';

/** Saves the trained layer as .npy files, with a PyTorch snippet that checks it. */
export function TrainExport({ weights, bias, scores, names, channels, featuresKey }: {
  weights: Float32Array; bias: Float32Array; scores: Float32Array; names: readonly string[]; channels: number; featuresKey: string | null;
}) {
  const t = useTrainT();
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const k = names.length;
  const snippet = pytorchSnippet(k, channels, names);
  const save = (f: { name: string; bytes: Uint8Array<ArrayBuffer> }) => download(f.bytes, f.name, 'application/octet-stream');
  const saveLayer = () => layerFiles(weights, bias, k, channels).forEach(save);
  const saveCheck = async () => {
    setError(null);
    try {
      if (!featuresKey) throw new Error(t('export.noFeatures'));
      const f = await engineRequest('trainFeaturesGet', { featuresKey });
      save(mapFile('train_features.npy', f.features, f.height, f.width, f.channels));
      save(mapFile('train_scores.npy', scores, TRAIN_MAP, TRAIN_MAP, k));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="train-export">
      <p>
        <button type="button" onClick={saveLayer} data-testid="export-layer">{t('export.layer', { k, cin: channels })}</button>{' '}
        <button type="button" onClick={() => void saveCheck()} data-testid="export-check">{t('export.check')}</button>
      </p>
      {error && <p className="error" role="alert">{error}</p>}
      <details className="snippet">
        <summary>{t('export.snippet')}</summary>
        <p className="caption">{t('export.snippetCaption')}</p>
        <pre><code data-testid="train-snippet">{snippet}</code></pre>
        <button type="button" onClick={() => {
          void navigator.clipboard?.writeText(snippet).then(() => setCopied(true), () => setCopied(false));
        }}>{copied ? t('export.copied') : t('export.copy')}</button>
      </details>
    </div>
  );
}
