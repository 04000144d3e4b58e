import { useShallow } from 'zustand/react/shallow';
import { selectSnapshot } from './selectors';
import { useAppStore } from './useAppStore';

/** The layer's data and output as the views may draw them: made for the current shape, or null. */
export const useSnapshot = () => useAppStore(useShallow(selectSnapshot));
