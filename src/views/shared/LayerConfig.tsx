import { useId, useState } from 'react';
import { useSettingsT } from './settingsText';
import { checkShape, LIMITS, type ShapeKey, type ShapeProblem } from '../../engine/core/limits';
import { formatInt } from '../../lib/format';
import { useAppStore } from '../../store/useAppStore';
import { PRESET_NAMES, PRESETS, presetOf, type PresetName } from '../../store/presets';
import { ImageControls } from './photo/lazy';
import { NumberField } from '../../components/NumberField/NumberField';

const SHAPE_KEYS: readonly ShapeKey[] = ['height', 'width', 'inChannels', 'outChannels'];

/**
 * The layer's configuration: a preset or a custom H×W×Cin→Cout (checked against LIMITS,
 * with a message for a value out of range while the view keeps the last good layer),
 * the seed, bias and ReLU.
 */
export function LayerConfig() {
  const t = useSettingsT();
  const id = useId();
  const lang = useAppStore((s) => s.lang);
  const config = useAppStore((s) => s.config);
  const setConfig = useAppStore((s) => s.setConfig);
  const preset = presetOf(config);
  const [draft, setDraft] = useState<Record<ShapeKey, string>>(() => draftOf(config));
  const [problem, setProblem] = useState<ShapeProblem | null>(null);
  // A new configuration from outside (a preset, a link, loaded data) replaces the draft and
  // its problem, during render (no effect, no extra pass).
  const [shown, setShown] = useState(config);
  if (shown !== config) {
    setShown(config);
    setDraft(draftOf(config));
    setProblem(null);
  }

  const edit = (key: ShapeKey, text: string) => {
    const next = { ...draft, [key]: text };
    setDraft(next);
    const shape = Object.fromEntries(SHAPE_KEYS.map((k) => [k, Number(next[k])])) as Record<ShapeKey, number>;
    const p = checkShape(shape);
    setProblem(p);
    if (!p) setConfig(shape);
  };
  const message = problem
    ? problem.key === 'size'
      ? t('error.size', { max: formatInt(LIMITS.maxValues, lang) })
      : t('error.shape', { key: t(`config.${problem.key}`), min: formatInt(problem.min ?? 0, lang), max: formatInt(problem.max ?? 0, lang) })
    : '';
  return (
    <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label={t('config.label')}>
      <span className="field">
        <label htmlFor={`${id}-preset`}>{t('preset.label')}</label>
        <select id={`${id}-preset`} value={preset ?? 'custom'}
          onChange={(e) => { if (e.target.value !== 'custom') setConfig(PRESETS[e.target.value as PresetName]); }}>
          {PRESET_NAMES.map((name) => <option key={name} value={name}>{t(`preset.${name}`)}</option>)}
          <option value="custom" disabled={preset !== null}>{t('preset.custom')}</option>
        </select>
      </span>
      <ImageControls />
      <fieldset className="shape-fields">
        <legend className="sr-only">{t('config.shape')}</legend>
        {SHAPE_KEYS.map((key, i) => (
          <span className="field" key={key}>
            {i === 2 && <span aria-hidden="true" className="times">→</span>}
            <label htmlFor={`${id}-${key}`}>{t(`config.${key}`)}</label>
            <input id={`${id}-${key}`} type="number" inputMode="numeric" className="small"
              min={LIMITS[key].min} max={LIMITS[key].max} value={draft[key]}
              aria-invalid={problem?.key === key || problem?.key === 'size' ? true : undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
              onChange={(e) => edit(key, e.target.value)} />
          </span>
        ))}
      </fieldset>
      {/* An empty or non-whole seed is a message; the last good seed stays in use. */}
      <NumberField label={t('config.seed')} value={config.seed} min={LIMITS.seed.min} max={LIMITS.seed.max}
        problem={t('error.shape', { key: t('config.seed'), min: formatInt(LIMITS.seed.min, lang), max: formatInt(LIMITS.seed.max, lang) })}
        onChange={(seed) => setConfig({ seed })} />
      <label className="check">
        <input type="checkbox" checked={config.useBias} onChange={(e) => setConfig({ useBias: e.target.checked })} />
        {t('config.bias')}
      </label>
      <label className="check">
        <input type="checkbox" checked={config.useRelu} onChange={(e) => setConfig({ useRelu: e.target.checked })} />
        {t('config.relu')}
      </label>
      {problem && <p id={`${id}-problem`} className="problem" role="alert">{message}</p>}
    </form>
  );
}

function draftOf(c: Record<ShapeKey, number>): Record<ShapeKey, string> {
  return { height: String(c.height), width: String(c.width), inChannels: String(c.inChannels), outChannels: String(c.outChannels) };
}
