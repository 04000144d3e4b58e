import { useId } from 'react';
import { PRESET_NAMES, PRESETS, presetOf, type PresetName } from '../../store/presets';
import { LIMITS } from '../../lib/limits';
import { useAppStore } from '../../store';
import { useT } from '../../components/useT';

/** Layer choice (preset), seed, bias and ReLU. */
export function Controls() {
  const t = useT();
  const id = useId();
  const config = useAppStore((s) => s.config);
  const setConfig = useAppStore((s) => s.setConfig);
  const preset = presetOf(config);
  return (
    <form className="controls" onSubmit={(e) => e.preventDefault()}>
      <span className="field">
      <label htmlFor={`${id}-preset`}>{t('preset.label')}</label>
      <select
        id={`${id}-preset`}
        value={preset ?? ''}
        onChange={(e) => setConfig(PRESETS[e.target.value as PresetName])}
      >
        {PRESET_NAMES.map((name) => (
          <option key={name} value={name}>{t(`preset.${name}`)}</option>
        ))}
      </select>
      </span>
      <span className="field">
      <label htmlFor={`${id}-seed`}>{t('config.seed')}</label>
      <input
        id={`${id}-seed`}
        type="number"
        inputMode="numeric"
        min={LIMITS.seed.min}
        max={LIMITS.seed.max}
        value={config.seed}
        onChange={(e) => {
          const v = Math.trunc(Number(e.target.value));
          if (Number.isFinite(v) && v >= LIMITS.seed.min && v <= LIMITS.seed.max) setConfig({ seed: v });
        }}
      />
      </span>
      <label className="check">
        <input type="checkbox" checked={config.useBias} onChange={(e) => setConfig({ useBias: e.target.checked })} />
        {t('config.bias')}
      </label>
      <label className="check">
        <input type="checkbox" checked={config.useRelu} onChange={(e) => setConfig({ useRelu: e.target.checked })} />
        {t('config.relu')}
      </label>
    </form>
  );
}
