import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { appStore } from '../store';
import { startWorkerSync } from '../store/workerSync';
import { createEngineClient } from '../worker/createEngineClient';
import { App } from './App';
import './styles.css';

const client = createEngineClient((reason) => appStore.setState({ fallbackReason: reason }));
startWorkerSync(appStore, client);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
