// ESLint (flat config): typescript-eslint's recommended rules with type information, the
// React hooks rules, type-only imports as such, the engine kept pure (no DOM, React or
// worker code may be imported into src/engine, as its tsconfig also enforces), and views kept
// off the workers (they talk to the engine through src/session).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'screenshots/', 'playwright-report/', 'test-results/', 'reports/', '.stryker-tmp*/', '.scratch/', 'bench/engineThread.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/use*.ts'],
    ...reactHooks.configs.flat.recommended,
  },
  // One block per folder depth, so that '..' may climb to src/engine and no further.
  ...[['src/engine/*.ts', '../*'], ['src/engine/*/*.ts', '../../*'], ['src/engine/*/*/*.ts', '../../../*']].map(([files, outside]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'd3-*'], message: 'The engine is pure TypeScript: no UI libraries.' },
        { group: [outside], message: 'The engine imports nothing outside src/engine.' },
      ] }],
      // What the engine keeps between calls belongs to an object the caller holds and disposes of (onnx/runtime.ts), not to a module.
      'no-restricted-syntax': ['error', ...['Program > VariableDeclaration[kind="let"]', 'Program > ExportNamedDeclaration > VariableDeclaration[kind="let"]'].map((selector) => ({
        selector, message: 'No module-level mutable state in src/engine: keep it in a runtime (onnx/runtime.ts) passed down.',
      }))],
    },
  })),
  // Views reach the engine's workers only through src/session (its hooks, requests and re-exported types).
  {
    files: ['src/views/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/worker', '**/worker/*'], message: 'Views talk to the engine through src/session (types come re-exported from src/session/types).' },
      ] }],
    },
  },
);
