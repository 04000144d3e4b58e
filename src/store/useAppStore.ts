/** Binds the app store to React components: select the smallest value you need. */
import { useStore } from 'zustand';
import { appStore, type AppState } from './index';

export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}
