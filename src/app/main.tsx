/**
 * Start-up in two steps: this small chunk starts the engine workers and asks for the layer's
 * data at once; React and the views load meanwhile (a separate chunk) and render when ready.
 */
import { appStore } from '../store';
import { startWorkerSync } from '../store/workerSync';
import { createEngineClient } from '../worker/createEngineClient';

const client = createEngineClient((reason) => appStore.setState({ fallbackReason: reason }));
startWorkerSync(appStore, client);

void import('./renderApp');
