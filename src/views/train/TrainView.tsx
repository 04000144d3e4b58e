import { useMemo, useState, useSyncExternalStore } from 'react';
import { paintStrokes, type Stroke } from '../../engine/train/strokes';
import { formatInt } from '../../lib/format';
import { PHOTOS } from '../../lib/photos';
import type { PhotoId } from '../../lib/photoIds';
import { TRAIN_MAP } from '../../lib/trainCode';
import { appStore } from '../../store';
import { TRAIN_INPUTS } from '../../store/slices/train';
import { useAppStore } from '../../store/useAppStore';
import type { TrainInput } from '../../worker/trainProtocol';
import { modelSession } from '../data/model/modelSession';
import { YourData } from '../shared/YourData';
import { ApplyPanel } from './ApplyPanel';
import { ClassTools } from './ClassTools';
import { FilterStacks } from './FilterStacks';
import { LossChart, pct } from './LossChart';
import { PaintCanvas } from './PaintCanvas';
import { ProbMaps } from './ProbMaps';
import { TrainExport } from './TrainExport';
import { useTrainT } from './text/useTrainT';
import { useTrainer, type PictureSource } from './useTrainer';
import { walkThroughTrained } from './walkThrough';
import './train.css';

/** The Train page: paint classes on a photo, watch a 1×1 layer learn them, take the layer away. */
export default function TrainView() {
  const t = useTrainT();
  const lang = useAppStore((s) => s.lang);
  const train = useAppStore((s) => s.train);
  const setTrain = useAppStore((s) => s.setTrain);
  const addStroke = useAppStore((s) => s.addStroke);
  const seed = useAppStore((s) => s.config.seed);
  const picture = useAppStore((s) => s.userData?.picture);
  const pictureId = useAppStore((s) => s.userData?.id ?? 0);
  const refused = useAppStore((s) => s.urlProblems.some((p) => p.key === 'ts' || p.key === 'tc'));
  const [useOwn, setUseOwn] = useState(false);
  const [brushChoice, setBrush] = useState({ cls: 0, radius: 1 });
  const [overlay, setOverlay] = useState(0.55);
  const [showPainted, setShowPainted] = useState(true);
  const [draft, setDraft] = useState<Stroke | null>(null);
  const k = train.classes.length;
  // A class that was removed falls back to the last one.
  const brush = brushChoice.cls >= k ? { ...brushChoice, cls: k - 1 } : brushChoice;
  const source: PictureSource = useMemo(() => ({ photo: train.photo, own: useOwn && picture ? { blob: picture, id: pictureId } : undefined }), [train.photo, useOwn, picture, pictureId]);
  const strokes = useMemo(() => (draft ? [...train.strokes, draft] : train.strokes), [train.strokes, draft]);
  // The student's model layer in use (the data panel's model view), whose input is one choice of input.
  const used = useSyncExternalStore(modelSession.subscribe, () => modelSession.getState().used);
  const modelName = useSyncExternalStore(modelSession.subscribe, () => modelSession.getState().summary?.fileName ?? '');
  const modelTag = used ? `${modelName}|${used.node}|${used.picture.width}×${used.picture.height}|${used.preprocessing.scaling}|${used.preprocessing.order}` : '';
  const trainer = useTrainer(source, train.input, seed, strokes, k, modelTag);
  const result = trainer.result && trainer.resultClasses === k ? trainer.result : null;


  const walk = () => {
    if (!result) return;
    // Start on a painted pixel of the first class, so scene 2 sums a pixel the student labelled.
    const painted = paintStrokes(train.strokes, TRAIN_MAP, TRAIN_MAP);
    const p = painted.labels.findIndex((v) => v === 0);
    walkThroughTrained(appStore, {
      photo: train.photo, input: train.input, weights: result.weights, bias: result.bias, classes: k,
      label: t('walk.label', { k, names: train.classes.join(', ') }), picture: source.own?.blob,
      pixel: p >= 0 ? { row: Math.floor(p / TRAIN_MAP), col: p % TRAIN_MAP } : undefined,
    });
  };

  const status = trainer.status === 'no-model' ? t('status.noModel')
    : trainer.status === 'features' ? t('status.features')
    : trainer.status === 'error' ? t('status.error', { message: trainer.error ?? '' })
      : trainer.status === 'training' ? t('status.training')
        : result ? t('status.done', {
          n: result.trainPixels, held: result.heldOutPixels, ms: Math.round(result.trainMs), steps: result.loss.length - 1,
          acc: pct(result.accuracy[result.accuracy.length - 1]!), heldAcc: Number.isFinite(result.heldOutAccuracy) ? pct(result.heldOutAccuracy) : t('status.noHeld'),
        }) : t('status.paint');

  return (
    <main id="main" className="train-page" tabIndex={-1}>
      <h2>{t('title')}</h2>
      <p className="lede">{t('intro')}</p>
      {refused && <p className="notice" role="alert" data-testid="train-refused">{t('link.refused')}</p>}
      <div className="train-grid">
        <section className="train-paint" aria-label={t('paint.section')}>
          <div className="train-controls">
            <span>
              <label htmlFor="train-photo">{t('photo')}</label>{' '}
              <select id="train-photo" value={useOwn && picture ? 'own' : train.photo} onChange={(e) => {
                if (e.target.value === 'own') setUseOwn(true);
                else { setUseOwn(false); setTrain({ photo: e.target.value as PhotoId, strokes: [] }); }
              }}>
                {PHOTOS.map((p) => <option key={p.id} value={p.id}>{p.title[lang]}</option>)}
                {picture && <option value="own">{t('photo.own')}</option>}
              </select>
            </span>
            <span>
              <label htmlFor="train-input">{t('input')}</label>{' '}
              <select id="train-input" value={train.input} onChange={(e) => setTrain({ input: e.target.value as TrainInput })} data-testid="train-input">
                {TRAIN_INPUTS.map((v) => <option key={v} value={v}>
                  {v !== 'model' ? t(`input.${v}`) : used ? t('input.model', { node: used.node, cin: formatInt(used.inChannels, lang) }) : t('input.modelNone')}
                </option>)}
              </select>
            </span>
          </div>
          {train.input === 'model' && <ModelNote used={used} model={modelName} layer={trainer.layer} channels={trainer.channels} />}
          <PaintCanvas rgba={trainer.rgba} probs={result?.probabilities ?? null} classes={k} strokes={train.strokes} brush={brush}
            overlay={overlay} showPainted={showPainted} onStroke={(s) => { setDraft(null); addStroke(s); }} onDraft={setDraft}
            className={trainer.status === 'training' ? 'is-training' : ''} />
          <p id="paint-keys" className="caption">{t('paint.keys')}</p>
          <ClassTools brush={brush} onBrush={setBrush} overlay={overlay} onOverlay={setOverlay} showPainted={showPainted} onShowPainted={setShowPainted} />
        </section>
        <section className="train-results" aria-label={t('results.section')}>
          <p className="train-status" role="status" data-testid="train-status" data-state={trainer.status}
            data-accuracy={result ? result.accuracy[result.accuracy.length - 1] : undefined} data-held={result?.heldOutAccuracy} data-pixels={result?.trainPixels}>{status}</p>
          <LossChart runs={trainer.runs} />
          {result && <ProbMaps probs={result.probabilities} names={train.classes} />}
          <p className="caption">{t('results.caption')}</p>
        </section>
      </div>
      {/* Where a model is loaded and its layer chosen (the same panel as the other pages'). */}
      {train.input === 'model' && <section className="train-model-data" aria-label={t('model.section')}><YourData /></section>}
      {result && trainer.rgba && (
        <>
          <section className="train-layer">
            <h3>{t('layer.heading', { cin: trainer.channels, k })}</h3>
            <p>{t('layer.caption', { cin: formatInt(trainer.channels, lang), k, params: formatInt(k * trainer.channels + k, lang) })}</p>
            {train.input === 'model' ? <p className="caption">{t('walk.model')}</p>
              : <p><button type="button" onClick={walk} data-testid="walk-through">{t('walk.button')}</button></p>}
            <FilterStacks weights={result.weights} bias={result.bias} scores={result.scores} names={train.classes} channels={trainer.channels} rgba={trainer.rgba} isRgb={train.input === 'rgb'} />
          </section>
          <section className="train-apply">
            <h3>{t('apply.heading')}</h3>
            <p>{t('apply.caption')}</p>
            <ApplyPanel weights={result.weights} bias={result.bias} names={train.classes} input={train.input} seed={seed} current={train.photo} />
          </section>
          <section className="train-export-section">
            <h3>{t('export.heading')}</h3>
            <TrainExport weights={result.weights} bias={result.bias} scores={result.scores} names={train.classes} channels={trainer.channels} featuresKey={trainer.featuresKey} />
          </section>
        </>
      )}
    </main>
  );
}


/** What a model layer's input is here, or how to get one (the data panel is below the painting area). */
function ModelNote({ used, model, layer, channels }: {
  used: { node: string } | null; model: string; layer: { height: number; width: number } | null; channels: number;
}) {
  const t = useTrainT();
  const lang = useAppStore((s) => s.lang);
  if (!used) return <p className="notice train-model" data-testid="train-model-none">{t('model.none')}</p>;
  if (!layer) return null;
  const n = TRAIN_MAP / layer.height, m = TRAIN_MAP / layer.width;
  const cells = Number.isInteger(n) && Number.isInteger(m) ? t('model.cells', { n, m }) : n >= 1 && m >= 1 ? t('model.cells', { n: n.toFixed(1), m: m.toFixed(1) }) : t('model.cell');
  return <p className="caption train-model" data-testid="train-model-note">{t('model.note', { node: used.node, model, cin: formatInt(channels, lang), h: layer.height, w: layer.width, cells })}</p>;
}
