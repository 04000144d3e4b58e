import { useSyncExternalStore } from 'react';
import { modelSession, type ModelSession } from './model';

/** The student's model as the page sees it (the session outlives the panel that shows it). */
export function useModelSession(): ModelSession {
  return useSyncExternalStore(modelSession.subscribe, modelSession.getState);
}
