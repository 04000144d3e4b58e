import { useState } from 'react';
import { writeNpy } from '../../engine/io/npy';
import { hwcToChw } from '../../engine/io/tensorFiles';
import { hwcTensor } from '../../engine/core/tensor';
import { dotProductTrace } from '../../engine/concepts/trace';
import { useAppStore } from '../../store/useAppStore';
import { useSnapshot } from '../../store/useSnapshot';
import { cellOrigin, mapGrid, paintMap } from '../../components/CanvasHeatmap/drawHeatmap';
import { usePalette } from '../../components/usePalette';
import { download } from './readFiles';
import { useDataT } from './text/useDataT';
import './data.css';

type Layout = 'chw' | 'hwc';

/** Takes results out: output maps and weights as .npy, the maps as PNG, one dot product as CSV. */
export default function Exports() {
  const t = useDataT();
  const { data, output } = useSnapshot();
  const config = useAppStore((s) => s.config);
  const cursor = useAppStore((s) => s.cursor);
  const domain = useAppStore((s) => s.outputDomain);
  const provenance = useAppStore((s) => s.userData?.provenance);
  const palette = usePalette();
  const [layout, setLayout] = useState<Layout>('chw');
  if (!data || !output) return null;
  const { height: h, width: w, inChannels: cin, outChannels: cout } = config;
  // A model's layer carries its model and node in every file name, and its whole provenance in the CSV.
  const slug = (v: string) => v.replace(/\.onnx$/i, '').replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '');
  const stem = `pointwise_${provenance ? `${slug(provenance.model)}_${slug(provenance.node)}_` : ''}${h}x${w}x${cin}-${cout}`;

  const saveOutput = () => {
    const t3 = hwcTensor(h, w, cout, output);
    const bytes = layout === 'chw' ? writeNpy(hwcToChw(t3), [1, cout, h, w]) : writeNpy(output, [h, w, cout]);
    download(bytes, `${stem}_output_${layout}.npy`, 'application/octet-stream');
  };
  const saveInput = () => {
    const bytes = layout === 'chw' ? writeNpy(hwcToChw(data.input), [1, cin, h, w]) : writeNpy(data.input.data, [h, w, cin]);
    download(bytes, `${stem}_input_${layout}.npy`, 'application/octet-stream');
  };
  const saveWeights = () => download(writeNpy(data.weights.data, [cout, cin, 1, 1]), `${stem}_weights.npy`, 'application/octet-stream');
  // Every map at full resolution, laid out like the grid on screen (which shows thumbnails).
  const savePng = () => {
    const grid = mapGrid(cout, w, h);
    const canvas = document.createElement('canvas');
    canvas.width = grid.width;
    canvas.height = grid.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(grid.width, grid.height);
    for (let k = 0; k < cout; k++) {
      const { x, y } = cellOrigin(grid, k);
      paintMap(image.data, grid.width, x, y, { values: output, height: h, width: w, offset: k, stride: cout }, domain, palette.signed);
    }
    ctx.putImageData(image, 0, 0);
    canvas.toBlob((blob) => { if (blob) download(blob, `${stem}_maps.png`, 'image/png'); }, 'image/png');
  };
  const saveCsv = () => {
    const tr = dotProductTrace(data.input, { weights: data.weights, bias: config.useBias ? data.bias : undefined, relu: config.useRelu }, cursor.row, cursor.col, cursor.filterIndex);
    const lines = provenance
      ? [`# model: ${provenance.model}`, `# node: ${provenance.node}`, `# picture: ${provenance.picture} at ${provenance.size}`, `# preprocessing: ${provenance.preprocessing}`, ...(provenance.folded ? [`# batchnorm folded: ${provenance.folded}`] : [])]
      : [];
    lines.push('channel,input,weight,product,partial_sum');
    for (let i = 0; i < tr.inputs.length; i++) lines.push(`${i},${tr.inputs[i]},${tr.weights[i]},${tr.products[i]},${tr.partialSums[i]}`);
    lines.push(`bias,,,,${tr.bias}`, `pre_activation,,,,${tr.preActivation}`, `output,,,,${tr.value}`);
    download(lines.join('\n') + '\n', `${stem}_dot_r${cursor.row}_c${cursor.col}_k${cursor.filterIndex}.csv`, 'text/csv');
  };
  return (
    <section className="panel exports" aria-labelledby="exports-title">
      <h2 id="exports-title">{t('export.title')}</h2>
      <p className="caption">{t('export.caption')}</p>
      <div className="controls">
        <span className="field">
          <label htmlFor="export-layout">{t('export.layout')}</label>
          <select id="export-layout" value={layout} onChange={(e) => setLayout(e.target.value as Layout)}>
            <option value="chw">{t('export.chw', { c: cout, h, w })}</option>
            <option value="hwc">{t('export.hwc', { c: cout, h, w })}</option>
          </select>
        </span>
      </div>
      <div className="button-row">
        <button type="button" onClick={saveOutput}>{t('export.output')}</button>
        <button type="button" onClick={saveInput}>{t('export.input')}</button>
        <button type="button" onClick={saveWeights}>{t('export.weights', { cout, cin })}</button>
        <button type="button" onClick={savePng}>{t('export.png')}</button>
        <button type="button" onClick={saveCsv}>{t('export.csv', { row: cursor.row, col: cursor.col, k: cursor.filterIndex })}</button>
      </div>
    </section>
  );
}
