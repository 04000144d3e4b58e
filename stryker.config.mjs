/**
 * Mutation testing (`npm run mutate`): Stryker changes the code of these files one small
 * mutation at a time and runs the unit tests that reach each change; a mutant no test notices
 * is a gap. Two groups, so a mutant of a module-level table (run at import, hence "static")
 * runs its own group's tests only: MUTATE_GROUP=parsers (the .npy reader, the URL state, the
 * worker's request checks, the teaching figures) or MUTATE_GROUP=onnx (the ONNX op files).
 * vitest.mutate.config.ts picks the tests by the same variable. Reports: reports/mutation/<group>/.
 */
import process from 'node:process';

const GROUPS = {
  parsers: ['src/engine/io/npy.ts', 'src/store/urlState.ts', 'src/worker/requestChecks.ts', 'src/engine/concepts/counts.ts', 'src/engine/concepts/networks.ts'],
  onnx: ['src/engine/onnx/ops/elementwise.ts', 'src/engine/onnx/ops/shapeOps.ts', 'src/engine/onnx/ops/pool.ts', 'src/engine/onnx/ops/conv.ts'],
};
const group = process.env.MUTATE_GROUP ?? 'parsers';
if (!(group in GROUPS)) throw new Error(`MUTATE_GROUP must be one of ${Object.keys(GROUPS).join(', ')}`);

export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  coverageAnalysis: 'perTest',
  // A mutant of a module-level table (AlexNet's layers, the URL keys) runs at import, before any
  // test, so it would run against every test of its group: over an hour on two shared cores.
  // Those tables are pinned whole by the tests that print them (networks.test, urlStateRoundTrip.test).
  ignoreStatic: true,
  mutate: GROUPS[group],
  ignorePatterns: ['.stryker-tmp*', 'dist', 'test-results', 'playwright-report', 'reports', 'test/e2e', 'bench', 'docs', '.scratch', 'screenshots'],
  // Two cores: more runners only wait for each other.
  concurrency: 2,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${group}/index.html` },
  jsonReporter: { fileName: `reports/mutation/${group}/mutation.json` },
  // Later runs re-test only the mutants whose code or tests changed (the file is git-ignored, with the reports).
  incremental: true,
  incrementalFile: `reports/mutation/${group}/stryker-incremental.json`,
  tempDirName: `.stryker-tmp-${group}`,
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 80, break: null },
};
