/** What a step command does in each stage, through the store (buttons, keys and tests share it). */
import { appStore } from '../../../store';
import { FIRST_SCENE, LAST_SCENE, step, type Scene, type StepAction } from '../../../store/stepping';
import type { Stage } from './keymap';

export function runStep(stage: Stage, action: StepAction): void {
  const s = appStore.getState();
  if (stage === 'explorer') {
    // The explorer steps pixels like scenes 3–4 (Home and End are its first and last pixel).
    const p = step({ scene: 3, channel: s.channel, ...s.cursor }, action, s.config);
    s.setCursor({ row: p.row, col: p.col, filterIndex: p.filterIndex });
  } else if (action === 'scene+' || action === 'scene-') {
    s.setScene(Math.max(FIRST_SCENE, Math.min(LAST_SCENE, s.scene + (action === 'scene+' ? 1 : -1))) as Scene);
  } else {
    // In the opening view a step takes over from the figure's own loop.
    if (stage === 0) s.setPlaying(false);
    s.applyStep(action);
  }
}
