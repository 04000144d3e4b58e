/**
 * Starts the page's session with the engine: the workers (lazily, on first use), the client
 * that views' requests go through, and the sync that keeps the layer's results in step with
 * the store. Called once by app/main.tsx, after the URL sync has read the address.
 */
import type { AppStore } from '../store/index';
import { createEngineClient } from '../worker/createEngineClient';
import { setEngineClient } from './engine';
import { startLayerSync } from './layerSync';

export function startSession(store: AppStore): void {
  const client = createEngineClient((reason) => store.setState({ fallbackReason: reason }));
  setEngineClient(client);
  startLayerSync(store, client);
}
