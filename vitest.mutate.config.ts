/**
 * The unit tests Stryker runs for `npm run mutate` (stryker.config.json): only the ones that
 * exercise the mutated files, so each mutant runs in seconds rather than the whole suite.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/unit/engine/npy*.test.ts',
      'test/unit/store/urlState*.test.ts',
      'test/unit/worker/requestChecks.test.ts',
      'test/unit/worker/denseJob.test.ts',
      'test/unit/worker/modelJobs.test.ts',
      'test/unit/engine/counts*.test.ts',
      'test/unit/engine/networks.test.ts',
      'test/unit/engine/concepts.test.ts',
      'test/unit/engine/onnx/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
    setupFiles: ['test/setup.ts'],
  },
});
