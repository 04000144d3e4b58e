import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { serviceWorkerPlugin } from './scripts/swPlugin.ts';

// A relative base lets the built app be served from any sub-path (e.g. beside a blog).
export default defineConfig({
  base: './',
  plugins: [react(), serviceWorkerPlugin()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
});
