import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';
import './layout.css';
import './screens.css';

/** Mounts the app (main.tsx calls it once the UI language's text is loaded). */
export function renderApp(): void {
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
