/**
 * The unit tests Stryker runs for `npm run mutate` (stryker.config.mjs): only the ones that
 * exercise the mutated files of the group (MUTATE_GROUP), so each mutant runs in seconds
 * rather than against the whole suite.
 */
import { defineConfig } from 'vitest/config';

const TESTS = {
  parsers: [
    'test/unit/engine/io/npy*.test.ts',
    'test/unit/store/urlState*.test.ts',
    'test/unit/store/trainUrl.test.ts',
    'test/unit/worker/requestChecks.test.ts',
    'test/unit/worker/denseJob.test.ts',
    'test/unit/engine/concepts/counts*.test.ts',
    'test/unit/engine/concepts/networks.test.ts',
    'test/unit/engine/concepts.test.ts',
  ],
  // The op tables run each op alone; the whole-model tests (evaluate, chain, modelJobs) take
  // seconds a run and add nothing the tables do not pin.
  onnx: ['test/unit/engine/onnx/ops/*.test.ts', 'test/unit/engine/onnx/hostile.test.ts', 'test/unit/engine/onnx/depthwise.test.ts', 'test/unit/engine/onnx/winograd.test.ts'],
};
const group = (process.env.MUTATE_GROUP ?? 'parsers') as keyof typeof TESTS;

export default defineConfig({
  test: {
    include: TESTS[group],
    environment: 'node',
    testTimeout: 30_000,
    // The ONNX tests need no UI strings, and keep no state between files that matters: a mutant's
    // run then skips re-importing protobufjs and the engine for each file.
    ...(group === 'onnx' ? { isolate: false } : { setupFiles: ['test/setup.ts'] }),
  },
});
