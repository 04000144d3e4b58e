import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/component/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    setupFiles: ['test/setup.ts'],
  },
});
