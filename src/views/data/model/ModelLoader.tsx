import { useState } from 'react';
import type { ChannelOrder, Scaling } from '../../../engine/onnx/preprocess';
import { coutCinWeights, hwcTensor } from '../../../engine/core/tensor';
import { formatInt, formatMs } from '../../../lib/format';
import { LIMITS, MAX_MODEL_BYTES, checkShape } from '../../../engine/core/limits';
import { loadPicture, PictureError } from '../../../lib/loadPicture';
import { PHOTOS, photoUrl, type PhotoId } from '../../../lib/photos';
import { INPUT_SIZES, listLayers, openModel, runToLayer, type Problem } from '../../../session/model';
import { useModelSession } from '../../../session/useModelSession';
import { appStore } from '../../../store';
import { useAppStore } from '../../../store/useAppStore';
import { RgbaCanvas } from '../../shared/photo/RgbaCanvas';
import { FilePick } from '../FilePick';
import { FoldFormula } from './FoldFormula';
import { layerMap, layerStatus } from './layerFit';
import { ModelLayerTable } from './ModelLayerTable';
import { ModelSnippets } from './ModelSnippets';
import { useModelT } from './text/useModelT';
import { modelEn, type ModelKey } from './text/en';

const SCALINGS: readonly Scaling[] = ['imagenet', 'unit', 'signed'];

/**
 * The student's own model: open an .onnx file, choose the picture and its preprocessing,
 * pick a 1×1 layer, and use it — its real input activations, weights and bias become the
 * app's layer, with where they came from kept beside it.
 */
export default function ModelLoader() {
  const t = useModelT();
  const lang = useAppStore((s) => s.lang);
  const cursorK = useAppStore((s) => s.cursor.filterIndex);
  const session = useModelSession();
  const { summary, layers, phase, progress, used } = session;
  const [picked, setPicked] = useState<string | null>(null);
  const [scaling, setScaling] = useState<Scaling>('imagenet');
  const [order, setOrder] = useState<ChannelOrder>('rgb');
  const [photo, setPhoto] = useState<PhotoId | 'own'>('chelsea');
  const [own, setOwn] = useState<File | null>(null);
  const [fold, setFold] = useState(true);
  const [problem, setProblem] = useState<Problem | null>(null);

  const busy = phase === 'reading' || phase === 'parsing' || phase === 'listing' || phase === 'running';
  const fixed = summary && sizeFixed(summary.input.dims, summary.input.channelsLast);
  const size = fixed ? fixed.height : session.size;
  const width = fixed ? fixed.width : session.size;
  const layer = layers.find((l) => l.node === picked) ?? null;
  const canUse = layer !== null && layerStatus(layer) === 'ok' && !busy;
  const pictureName = photo === 'own' ? own?.name ?? '' : PHOTOS.find((p) => p.id === photo)!.title[lang];
  const shown = problem ?? session.problem;
  // The picture and preprocessing the layer in use was made with (the choices may have moved on since).
  const inUse = useAppStore((s) => s.userData?.provenance);
  const usedPicture = inUse?.node === used?.node ? inUse?.picture : undefined;
  const usedPrep = inUse?.node === used?.node ? inUse?.preprocessing : undefined;

  function message(p: Problem): string {
    const name = p.name ?? summary?.fileName ?? '';
    if (p.code === 'file-too-large') {
      const [file, bytes] = p.detail.split('|');
      return t('model.file-too-large', { name: file ?? '', size: formatInt(Math.round(Number(bytes) / 2 ** 20)), max: formatInt(MAX_MODEL_BYTES / 2 ** 20) });
    }
    if (p.code === 'limits') {
      const [h, w, cin, cout] = p.detail.split('|');
      return t('model.limits', { h: h ?? '', w: w ?? '', cin: cin ?? '', cout: cout ?? '', maxHw: LIMITS.height.max, maxC: formatInt(LIMITS.inChannels.max), maxValues: formatInt(LIMITS.maxValues) });
    }
    const key = `model.${p.code}` as ModelKey;
    return key in modelEn ? t(key, { name, detail: p.detail }) : t('model.engine', { detail: `${p.code} ${p.detail}` });
  }

  async function use() {
    if (!layer || !summary) return;
    setProblem(null);
    const map = layerMap(layer)!;
    const shape = { ...map, inChannels: layer.inChannels, outChannels: layer.outChannels };
    if (checkShape(shape)) {
      setProblem({ code: 'limits', detail: [shape.height, shape.width, shape.inChannels, shape.outChannels].join('|') });
      return;
    }
    const source = photo === 'own' && own ? own : photoUrl(photo === 'own' ? 'chelsea' : photo);
    const r = await runToLayer({ node: layer.node, picture: source, height: size, width, preprocessing: { scaling, order }, fold: fold && Boolean(layer.batchNorm) });
    if (!r) return;
    const prep = `${t(`scaling.${scaling}`).replace(/ \(.*\)$/, '')} · ${order.toUpperCase()}`;
    const provenance = { model: summary.fileName, node: layer.node, picture: pictureName, size: `${size}×${width}`, preprocessing: prep, folded: r.fold?.node, crop: r.picture, nodes: r.nodesRun };
    appStore.getState().setUserData({
      input: hwcTensor(r.height, r.width, r.inChannels, r.input),
      weights: coutCinWeights(r.outChannels, r.inChannels, r.weights),
      bias: r.bias,
      label: `${summary.fileName} · ${layer.node}`,
      provenance,
    });
  }

  const pct = `${Math.round(progress * 100)}%`;
  const phaseText = phase === 'reading' ? t('phase.reading', { pct }) : phase === 'parsing' ? t('phase.parsing', { pct }) : phase === 'listing' ? t('phase.listing') : phase === 'running' ? t('phase.running', { pct }) : null;
  const standard = layers.filter((l) => l.groups === 1), grouped = layers.filter((l) => l.groups > 1);

  return (
    <fieldset className="model-loader">
      <legend>{t('title')}</legend>
      <p className="caption">{t('intro')}</p>
      <FilePick id="model-file" label={t('file')} choose={t('file.choose')} current={summary?.fileName ?? t('file.none')} accept=".onnx" disabled={busy}
        onFile={(f) => { setPicked(null); setProblem(null); void openModel(f); }}>
        <span className="drop-hint">{t('drop')}</span>
      </FilePick>
      {phaseText && (
        <p className="status model-progress" role="status">
          {phaseText} <progress max={1} value={progress} aria-hidden="true" />
        </p>
      )}
      {shown && <p className="problems" role="alert">{message(shown)}</p>}
      {summary && (
        <dl className="model-summary" data-testid="model-summary">
          <div><dt>{t('sum.file')}</dt><dd>{summary.fileName} ({formatInt(Math.round(summary.fileBytes / 1024))} KB{summary.producer ? ` · ${summary.producer}` : ''})</dd></div>
          <div><dt>{t('sum.input')}</dt><dd>{summary.input.name} ({summary.input.dims.join(', ')}){summary.input.channelsLast ? ` · ${t('sum.channelsLast')}` : ''}</dd></div>
          <div><dt>{t('sum.params')}</dt><dd>{formatInt(summary.parameters)}</dd></div>
          <div><dt>{t('sum.nodes')}</dt><dd>{formatInt(summary.nodes)} · {t('sum.opset')} {summary.opset}</dd></div>
          {summary.unsupported.length > 0 && <div><dt>{t('sum.unsupported')}</dt><dd>{summary.unsupported.join(', ')} ({t('sum.unsupportedNote')})</dd></div>}
        </dl>
      )}
      {summary && (
        <fieldset className="model-prep">
          <legend>{t('prep')}</legend>
          <span className="field">
            <label htmlFor="model-size">{t('size')}</label>
            {fixed ? <output id="model-size">{t('size.fixed', { h: fixed.height, w: fixed.width })}</output> : (
              <select id="model-size" value={size} disabled={busy} onChange={(e) => void listLayers(Number(e.target.value))}>
                {INPUT_SIZES.map((s) => <option key={s} value={s}>{s}×{s}</option>)}
              </select>
            )}
          </span>
          <span className="field">
            <label htmlFor="model-scaling">{t('scaling')}</label>
            <select id="model-scaling" value={scaling} onChange={(e) => setScaling(e.target.value as Scaling)}>
              {SCALINGS.map((s) => <option key={s} value={s}>{t(`scaling.${s}`)}</option>)}
            </select>
          </span>
          <span className="field">
            <label htmlFor="model-order">{t('order')}</label>
            <select id="model-order" value={order} onChange={(e) => setOrder(e.target.value as ChannelOrder)}>
              <option value="rgb">RGB</option><option value="bgr">BGR</option>
            </select>
          </span>
          <span className="field">
            <label htmlFor="model-picture">{t('picture')}</label>
            <select id="model-picture" value={photo} onChange={(e) => setPhoto(e.target.value as PhotoId | 'own')}>
              {PHOTOS.map((p) => <option key={p.id} value={p.id}>{p.title[lang]}</option>)}
              {own && <option value="own">{t('picture.own', { name: own.name })}</option>}
            </select>
          </span>
          <FilePick id="model-picture-file" label={t('picture.file')} choose={t('picture.choose')} current={own?.name ?? t('picture.none')}
            accept="image/png,image/jpeg,image/webp" onFile={(f) => void choosePicture(f)} />
        </fieldset>
      )}
      {summary && phase !== 'listing' && (standard.length > 0 || grouped.length > 0 ? (
        <>
          {standard.length > 0 && <ModelLayerTable layers={standard} caption={t('layers', { n: standard.length })} note={t('layers.caption', { h: size, w: width })} picked={picked} onPick={setPicked} />}
          {grouped.length > 0 && <ModelLayerTable layers={grouped} caption={t('grouped', { n: grouped.length })} note={t('grouped.caption')} picked={picked} onPick={setPicked} showGroups />}
        </>
      ) : layers.length === 0 && phase === 'ready' ? <p className="caption">{t('layers.none')}</p> : null)}
      {summary && (
        <div className="button-row model-use">
          {/* A checkbox only where there is a BatchNormalization to fold; a layer without one says so in words. */}
          {layer?.batchNorm ? <label className="check"><input type="checkbox" checked={fold} onChange={(e) => setFold(e.target.checked)} />{t('fold')}</label>
            : layer ? <p className="caption" data-testid="fold-none">{t('fold.none')}</p> : null}
          <button type="button" className="primary" disabled={!canUse} onClick={() => void use()}>{t('use')}</button>
        </div>
      )}
      {used && summary && (
        <p className="notice" role="status" data-testid="model-used">
          {t('used', { node: used.node, h: used.height, w: used.width, cin: used.inChannels, cout: used.outChannels, model: summary.fileName, picture: pictureName, nodes: used.nodesRun, ms: formatMs(used.computeMs, lang) })}
        </p>
      )}
      {used && summary && (
        <figure className="model-crop" data-testid="model-crop">
          <RgbaCanvas rgba={used.picture.rgba} width={used.picture.width} height={used.picture.height}
            label={t('crop.label', { picture: usedPicture ?? pictureName, h: used.picture.height, w: used.picture.width })} />
          <figcaption><strong>{t('crop.title')}</strong> {t('crop.caption', { picture: usedPicture ?? pictureName, h: used.picture.height, w: used.picture.width, preprocessing: usedPrep ?? '' })}</figcaption>
        </figure>
      )}
      {used?.fold && <FoldFormula used={used} k={Math.min(cursorK, used.outChannels - 1)} />}
      <ModelSnippets />
    </fieldset>
  );

  async function choosePicture(f: File) {
    try {
      await loadPicture(f, 4, 4);
      setOwn(f);
      setPhoto('own');
      setProblem(null);
    } catch (e) {
      setProblem({ code: 'picture', detail: e instanceof PictureError ? `${f.name}: ${e.message}` : f.name });
    }
  }
}

/** The input size the model fixes (both numbers), or null when it leaves it open. */
function sizeFixed(dims: readonly (number | string)[], channelsLast: boolean): { height: number; width: number } | null {
  const [h, w] = channelsLast ? [dims[1], dims[2]] : [dims[2], dims[3]];
  return typeof h === 'number' && typeof w === 'number' ? { height: h, width: w } : null;
}
