import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { appStore } from '../store';
import { preloadScene } from '../views/Walkthrough/Walkthrough';
import { App } from './App';
import './styles.css';
import './layout.css';
import './screens.css';

/** Mounts the app (main.tsx calls it once the UI language's text is loaded). */
export function renderApp(): void {
  // The scene a link opens at is a chunk of its own: it loads now, while the layer is made,
  // not once the layer's data has come.
  const { view, scene } = appStore.getState();
  if (view === 'walkthrough') preloadScene(scene);
  const root = createRoot(document.getElementById('root')!);
  // As a transition React renders the first screen in slices of a few milliseconds instead of
  // one task of about 100 ms, so the page answers input while it builds.
  startTransition(() => {
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}
