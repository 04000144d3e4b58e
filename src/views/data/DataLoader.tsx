import { useState, type DragEvent } from 'react';
import type { CoutCinWeights, HwcTensor } from '../../engine/core/tensor';
import { activationsFromNpy, biasFromNpy, LayoutError, weightsFromNpy, type ActivationLayout } from '../../engine/io/tensorFiles';
import { formatInt, formatValue } from '../../lib/format';
import { approxCount } from '../../lib/i18n/approxCount';
import { checkShape, LIMITS, MAX_PICTURE_PIXELS } from '../../engine/core/limits';
import { loadPicture, PictureError } from '../../lib/loadPicture';
import { appStore } from '../../store';
import { userDataShape } from '../../store/slices/config';
import { useAppStore } from '../../store/useAppStore';
import { guessRole, type Role } from './readFiles';
import { readNpyFile, type FileRead, type NpyRead } from '../../session/files';
import { PytorchSnippet } from './PytorchSnippet';
import { useDataT } from './text/useDataT';
import './data.css';
import { ScrollTable } from '../../components/ScrollTable';
import ModelLoader from './model/ModelLoader';
import { openModel } from '../../session/model';

const ROLES: readonly Role[] = ['input', 'weights', 'bias'];
const PICTURE_SIZES = [16, 28, 32, 56, 64, 96, 128] as const;

type Loaded = Partial<Record<Role, { name: string; npy: NpyRead }>>;

/**
 * Load the student's own tensors (.npy from PyTorch) or a picture as the layer's input:
 * shows what was read before using it, and says in plain words what is wrong when it cannot.
 */
export default function DataLoader() {
  const t = useDataT();
  const setUserData = useAppStore((s) => s.setUserData);
  const userData = useAppStore((s) => s.userData);
  const [loaded, setLoaded] = useState<Loaded>({});
  const [layout, setLayout] = useState<ActivationLayout>('chw');
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [pictureSize, setPictureSize] = useState<number>(56);
  const [isOver, setOver] = useState(false);

  const refusal = (r: Extract<FileRead, { status: 'refused' }>) => t(`npy.${r.code}` as never, { name: r.name, detail: r.detail });

  async function read(files: readonly File[], role?: Role) {
    setBusy(true);
    const found: string[] = [];
    const read: Loaded = {};
    for (const file of files) {
      try {
        const r = await readNpyFile(file);
        if (r.status === 'refused') found.push(refusal(r));
        else read[role ?? guessRole(r.npy.shape)] = { name: r.name, npy: r.npy };
      } catch (e) {
        found.push(t('npy.engine', { name: file.name, detail: e instanceof Error ? e.message : String(e) }));
      }
    }
    // Merged into what is loaded by then: two drops in quick succession both count.
    setLoaded((prev) => ({ ...prev, ...read }));
    setProblems(found);
    setBusy(false);
  }

  function apply() {
    const out: { input?: HwcTensor; weights?: CoutCinWeights; bias?: Float32Array } = {};
    try {
      if (loaded.input) out.input = activationsFromNpy(loaded.input.npy, layout);
      if (loaded.weights) out.weights = weightsFromNpy(loaded.weights.npy);
      if (loaded.bias) out.bias = biasFromNpy(loaded.bias.npy);
    } catch (e) {
      if (e instanceof LayoutError) return setProblems([t(`layout.${e.code}`, { shape: `(${e.shape.join(', ')})` })]);
      throw e;
    }
    const { input, weights, bias } = out;
    if (input && weights && weights.inChannels !== input.channels) {
      return setProblems([t('agree.channels', { cin: weights.inChannels, c: input.channels })]);
    }
    const cout = weights?.outChannels;
    if (bias && cout !== undefined && bias.length !== cout) return setProblems([t('agree.bias', { n: formatInt(bias.length), cout: formatInt(cout) })]);
    const config = appStore.getState().config;
    const shape = userDataShape(out, config);
    if (weights && !input && weights.inChannels !== config.inChannels) return setProblems([t('agree.current', { cin: weights.inChannels, c: config.inChannels })]);
    if (bias && !weights && bias.length !== config.outChannels) return setProblems([t('agree.bias', { n: formatInt(bias.length), cout: formatInt(config.outChannels) })]);
    const p = checkShape(shape);
    if (p) return setProblems([t('limits', { h: LIMITS.height.max, cin: formatInt(LIMITS.inChannels.max), cout: formatInt(LIMITS.outChannels.max), max: formatInt(LIMITS.maxValues) })]);
    setProblems([]);
    setUserData({ ...out, label: ROLES.map((r) => loaded[r]?.name).filter(Boolean).join(' + ') });
  }

  async function choosePicture(file: File) {
    setBusy(true);
    try {
      // Decoded once here only to refuse a file that is not a picture; the layer decodes it
      // at the size its first layer needs (4 × the map), now and after every change of shape.
      await loadPicture(file, 4, 4);
      setProblems([]);
      // The picture replaces any .npy files read before: the list shows what is in use.
      setLoaded({});
      appStore.getState().setConfig({ height: pictureSize, width: pictureSize });
      setUserData({ picture: file, label: file.name });
    } catch (e) {
      setProblems([e instanceof PictureError && e.code === 'too-large' && e.size
        ? t('picture.tooLarge', { name: file.name, width: formatInt(e.size.width), height: formatInt(e.size.height), max: approxCount(MAX_PICTURE_PIXELS, appStore.getState().lang) })
        : t('picture.bad', { name: file.name })]);
    }
    setBusy(false);
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = [...e.dataTransfer.files];
    const model = files.find((f) => /\.onnx$/i.test(f.name));
    if (model) void openModel(model);
    const pictures = files.filter((f) => /^image\//.test(f.type));
    if (pictures[0]) void choosePicture(pictures[0]);
    const arrays = files.filter((f) => !/^image\//.test(f.type) && !/\.onnx$/i.test(f.name));
    if (arrays.length) void read(arrays);
  };

  return (
    <div className={`data-loader ${isOver ? 'over' : ''}`} onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={onDrop}>
      <p className="caption">{t('intro')}</p>
      {userData && (
        <p className="notice" role="status">
          {t('inUse', { label: userData.label })}
          {userData.provenance && ` ${t('inUse.model', { picture: userData.provenance.picture, size: userData.provenance.size, preprocessing: userData.provenance.preprocessing })}${userData.provenance.folded ? ` ${t('inUse.folded', { node: userData.provenance.folded })}` : ''}`}
          {' '}<button type="button" className="link" onClick={() => setUserData(null)}>{t('backToSeeded')}</button>
        </p>
      )}
      <ModelLoader />
      <div className="loader-grid">
        <fieldset>
          <legend>{t('npyTitle')}</legend>
          {ROLES.map((role) => (
            <span key={role} className="field file-field">
              <label htmlFor={`npy-${role}`}>{t(`role.${role}`)}</label>
              <input id={`npy-${role}`} type="file" accept=".npy,application/octet-stream" disabled={busy}
                onChange={(e) => { const f = e.target.files?.[0]; if (f) void read([f], role); e.target.value = ''; }} />
            </span>
          ))}
          <fieldset className="segmented">
            <legend>{t('layout')}</legend>
            {(['chw', 'hwc'] as const).map((l) => (
              <label key={l} className="check"><input type="radio" name="npy-layout" checked={layout === l} onChange={() => setLayout(l)} />{t(`layout.${l}`)}</label>
            ))}
          </fieldset>
        </fieldset>
        <fieldset>
          <legend>{t('pictureTitle')}</legend>
          <span className="field">
            <label htmlFor="picture-size">{t('pictureSize')}</label>
            <select id="picture-size" value={pictureSize} onChange={(e) => setPictureSize(Number(e.target.value))}>
              {PICTURE_SIZES.map((s) => <option key={s} value={s}>{s}×{s}×3</option>)}
            </select>
          </span>
          <span className="field file-field">
            <label htmlFor="picture-file">{t('pictureFile')}</label>
            <input id="picture-file" type="file" accept="image/png,image/jpeg,image/webp" disabled={busy}
              onChange={(e) => { const f = e.target.files?.[0]; if (f) void choosePicture(f); e.target.value = ''; }} />
          </span>
        </fieldset>
      </div>
      <p className="drop-hint" aria-hidden="true">{t('drop')}</p>
      {problems.length > 0 && <ul className="problems" role="alert">{problems.map((p, i) => <li key={i}>{p}</li>)}</ul>}
      {Object.keys(loaded).length > 0 && (
        <ScrollTable>
          <table className="data-table" data-testid="npy-summary">
            <caption>{t('readCaption')}</caption>
            <thead><tr><th scope="col">{t('col.role')}</th><th scope="col">{t('col.file')}</th><th scope="col">{t('col.shape')}</th><th scope="col">{t('col.dtype')}</th><th scope="col">{t('col.order')}</th><th scope="col" className="num">min</th><th scope="col" className="num">max</th></tr></thead>
            <tbody>
              {ROLES.filter((r) => loaded[r]).map((r) => {
                const { name, npy } = loaded[r]!;
                return (
                  <tr key={r}>
                    <th scope="row">{t(`role.${r}`)}</th><td>{name}</td><td>({npy.shape.join(', ')})</td>
                    <td>{npy.descr}</td><td>{npy.fortranOrder ? 'Fortran' : 'C'}</td>
                    <td className="num">{formatValue(npy.min)}</td><td className="num">{formatValue(npy.max)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollTable>
      )}
      <div className="button-row">
        <button type="button" className="primary" disabled={busy || Object.keys(loaded).length === 0} onClick={apply}>{t('use')}</button>
        {Object.keys(loaded).length > 0 && <button type="button" onClick={() => { setLoaded({}); setProblems([]); }}>{t('clear')}</button>}
      </div>
      <PytorchSnippet />
    </div>
  );
}
