import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { usePalette } from '../../../components/usePalette';
import { ARROW_STEPS } from '../../../components/CanvasHeatmap/arrowStep';
import { CanvasHeatmap } from '../../../components/CanvasHeatmap/CanvasHeatmap';
import { Legend } from '../../../components/Legend/Legend';
import { convOutputSize, type Conv2dSpec } from '../../../engine/kernels/conv2d';
import { convWindow } from '../../../engine/concepts/convWindow';
import { IMAGE_KERNEL_NAMES, IMAGE_KERNELS, type ImageKernelName } from '../../../engine/concepts/imageKernels';
import { pictureTensor } from '../../../engine/data/picture';
import { mulberry32 } from '../../../engine/core/random';
import { hwcTensor, type HwcTensor } from '../../../engine/core/tensor';
import { symmetricDomain } from '../../../lib/colormap';
import { formatValue } from '../../../lib/format';
import { useConceptT } from '../text/useConceptT';
import { request, useEngineResult } from '../../../session/useEngineResult';
import { GRAY } from './grayLut';
import { KernelEditor } from './KernelEditor';
import { loadPicture, SHIPPED_PICTURE } from '../../../lib/loadPicture';
import { NumberGrid } from './NumberGrid';
import { RgbStack } from './RgbStack';
import { WindowTable } from './WindowTable';
import { Predict } from '../../predict/Predict';

/** The value under the pointer: (row, col) = value. */
const cellProbe = (row: number, col: number, v: number) => `(${row}, ${col}) = ${formatValue(v)}`;

const PICTURE_SIZE = 96, GRID_SIZE = 7, KERNEL = 3;
type Source = 'picture' | 'grid';

/** The 7×7 example: small whole numbers, the same on every visit. */
function gridInput(): HwcTensor {
  const rand = mulberry32(7);
  return hwcTensor(GRID_SIZE, GRID_SIZE, 1, Float32Array.from({ length: GRID_SIZE * GRID_SIZE }, () => Math.floor(rand() * 5)));
}

/**
 * A 2-D convolution on a picture: preset or hand-edited 3×3 kernels, stride, padding and
 * dilation, the output-size formula with the current numbers, and one window laid open.
 */
export function Basics() {
  const palette = usePalette();
  const t = useConceptT();
  const [source, setSource] = useState<Source>('picture');
  const [upload, setUpload] = useState<File | null>(null);
  /** Which picture failed to load (the sentence is made at render, in the current language). */
  const [pictureProblem, setPictureProblem] = useState<{ upload: string | null } | null>(null);
  const [picture, setPicture] = useState<{ rgba: Uint8ClampedArray; gray: HwcTensor } | null>(null);
  const [kernelName, setKernelName] = useState<ImageKernelName | 'custom'>('sobelX');
  const [kernel, setKernel] = useState<readonly number[]>(IMAGE_KERNELS.sobelX);
  const [stride, setStride] = useState(1);
  const [pad, setPad] = useState(0);
  const [dilation, setDilation] = useState(1);
  const [picked, setCell] = useState({ row: 0, col: 0 });

  useEffect(() => {
    let live = true;
    loadPicture(upload ?? SHIPPED_PICTURE, PICTURE_SIZE, PICTURE_SIZE).then(
      (rgba) => {
        if (!live) return;
        setPicture({ rgba, gray: pictureTensor(rgba, PICTURE_SIZE, PICTURE_SIZE, 1) });
        setPictureProblem(null);
      },
      () => { if (live) setPictureProblem({ upload: upload?.name ?? null }); },
    );
    return () => { live = false; };
  }, [upload]);

  const grid = useMemo(() => gridInput(), []);
  const input = source === 'grid' ? grid : picture?.gray ?? null;
  const size = source === 'grid' ? GRID_SIZE : PICTURE_SIZE;
  const spec: Conv2dSpec = { inChannels: 1, outChannels: 1, kernelHeight: KERNEL, kernelWidth: KERNEL, strideY: stride, strideX: stride, padY: pad, padX: pad, dilationY: dilation, dilationX: dilation };
  const out = convOutputSize(size, KERNEL, stride, pad, dilation);
  const key = `${source}/${upload?.name ?? ''}/${upload?.lastModified ?? ''}/${picture ? 1 : 0}/${kernel.join(',')}/${stride}/${pad}/${dilation}`;
  const state = useEngineResult(key, async (signal) => {
    if (!input || out < 1) return null;
    const r = await request('conv2d', { height: size, width: size, input: input.data.slice(), spec, weights: Float32Array.from(kernel) }, signal);
    return r;
  });
  const output = state.result;
  // The picked output cell, kept inside the output when a setting shrinks it.
  const cell = { row: Math.min(picked.row, Math.max(0, out - 1)), col: Math.min(picked.col, Math.max(0, out - 1)) };
  const outDomain = useMemo(() => {
    if (!output) return { domain: { lo: 0, hi: 1 }, signed: false };
    let lo = Infinity, hi = -Infinity;
    for (const v of output.output) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    return lo < -1e-6 ? { domain: symmetricDomain(output.output), signed: true } : { domain: { lo: 0, hi: Math.max(hi, 1e-6) }, signed: false };
  }, [output]);
  const win = input && output && output.height === out ? convWindow(input, spec, { weights: Float32Array.from(kernel) }, cell.row, cell.col, 0) : null;
  const value = output && output.height === out ? output.output[cell.row * out + cell.col]! : 0;
  const span = dilation * (KERNEL - 1) + 1;
  const move = (e: KeyboardEvent<HTMLDivElement>) => {
    const d = ARROW_STEPS[e.key];
    if (!d) return;
    e.preventDefault();
    setCell({ row: Math.max(0, Math.min(out - 1, cell.row + d[0])), col: Math.max(0, Math.min(out - 1, cell.col + d[1])) });
  };
  const outLut = outDomain.signed ? palette.signed : GRAY;
  return (
    <section className="panel concept" aria-labelledby="basics-title" aria-busy={state.status === 'loading'}>
      <h2 id="basics-title">{t('basics.title')}</h2>
      <p className="caption">{t('basics.intro')}</p>
      <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label={t('settings')}>
        <fieldset className="segmented">
          <legend>{t('basics.source')}</legend>
          {(['picture', 'grid'] as const).map((s) => (
            <label key={s} className="check"><input type="radio" name="basics-source" checked={source === s} onChange={() => setSource(s)} />{t(`basics.source.${s}`, { n: GRID_SIZE })}</label>
          ))}
        </fieldset>
        {source === 'picture' && (
          <span className="field upload-field">
            <label htmlFor="basics-upload">{t('basics.upload')}</label>
            <input id="basics-upload" type="file" accept="image/png,image/jpeg,image/webp,image/gif"
              onChange={(e) => { const f = e.target.files?.[0]; if (f) setUpload(f); }} />
            {upload && <button type="button" className="link" onClick={() => setUpload(null)}>{t('basics.useShipped')}</button>}
          </span>
        )}
        <span className="field">
          <label htmlFor="basics-kernel">{t('basics.kernel')}</label>
          <select id="basics-kernel" value={kernelName} onChange={(e) => {
            const name = e.target.value as ImageKernelName | 'custom';
            setKernelName(name);
            if (name !== 'custom') setKernel(IMAGE_KERNELS[name]);
          }}>
            {IMAGE_KERNEL_NAMES.map((n) => <option key={n} value={n}>{t(`kernel.${n}`)}</option>)}
            <option value="custom">{t('basics.kernel.custom')}</option>
          </select>
        </span>
        {([['stride', stride, setStride, 1, 3], ['pad', pad, setPad, 0, 3], ['dilation', dilation, setDilation, 1, 3]] as const).map(([name, v, setV, min, max]) => (
          <span key={name} className="field">
            <label htmlFor={`basics-${name}`}>{t(`basics.${name}`)}</label>
            <select id={`basics-${name}`} value={v} onChange={(e) => setV(Number(e.target.value))}>
              {Array.from({ length: max - min + 1 }, (_, i) => min + i).map((n) => <option key={n} value={n}>{n}</option>)}
            </select>
          </span>
        ))}
      </form>
      {pictureProblem && <p className="problem" role="alert">{pictureProblem.upload !== null ? t('basics.uploadProblem', { name: pictureProblem.upload }) : t('basics.pictureProblem')}</p>}
      <KernelEditor values={kernel} onChange={(v) => { setKernel(v); setKernelName('custom'); }} />
      <Predict page="basics" state={{ size, kernel: KERNEL, stride, pad, dilation }}>
      <p className="formula-line" data-testid="size-formula">
        {t('basics.formula', { h: size, p: pad, span, k: KERNEL, d: dilation, s: stride, out })}
      </p>
      {out < 1 && <p className="problem" role="alert">{t('basics.tooSmall')}</p>}
      <div className="basics-maps">
        <figure>
          <figcaption>{t('basics.inputCaption', { h: size, w: size })}</figcaption>
          {source === 'grid'
            ? <NumberGrid values={grid.data} height={GRID_SIZE} width={GRID_SIZE} label={t('basics.inputLabel', { h: size, w: size })}
                window={{ top: cell.row * stride - pad, left: cell.col * stride - pad, size: KERNEL, step: dilation }} />
            : input && <CanvasHeatmap source={{ values: input.data, height: size, width: size }} domain={{ lo: 0, hi: 1 }} lut={GRAY}
                label={t('basics.inputLabel', { h: size, w: size })} highlight={{ row: cell.row * stride - pad, col: cell.col * stride - pad }} highlightSpan={{ rows: span, cols: span }}
                probe={cellProbe} />}
        </figure>
        <figure>
          <figcaption>{t('basics.outputCaption', { h: out, w: out })}</figcaption>
          {output && out >= 1 && output.height === out && (source === 'grid'
            ? <NumberGrid values={output.output} height={out} width={out} label={t('basics.outputLabel', { h: out, w: out, row: cell.row, col: cell.col })}
                selected={cell} onPick={(row, col) => setCell({ row, col })} />
            : <CanvasHeatmap source={{ values: output.output, height: out, width: out }} domain={outDomain.domain} lut={outLut}
                label={t('basics.outputLabel', { h: out, w: out, row: cell.row, col: cell.col })} highlight={cell}
                onPick={(row, col) => setCell({ row, col })} onKeyDown={move} probe={cellProbe} />)}
          {output && source === 'picture' && <Legend domain={outDomain.domain} lut={outLut} label={t('legend.range', { lo: formatValue(outDomain.domain.lo), hi: formatValue(outDomain.domain.hi) })} />}
        </figure>
      </div>
      {win && <WindowTable win={win} kernel={KERNEL} row={cell.row} col={cell.col} value={value} />}
      </Predict>
      <RgbStack source={upload ?? SHIPPED_PICTURE} />
    </section>
  );
}
