import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The engine must be a pure, deterministic function of (scenario, seed, actions):
// no wall clock, no global randomness, no timers, no DOM or worker globals.
const impureGlobals = [
  'window', 'document', 'navigator', 'self', 'globalThis', 'postMessage', 'performance',
  'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'setImmediate',
  'requestAnimationFrame', 'cancelAnimationFrame', 'queueMicrotask', 'fetch', 'process',
  'localStorage', 'sessionStorage', 'crypto', 'Worker', 'XMLHttpRequest',
].map((name) => ({ name, message: `src/engine is pure: '${name}' is not allowed here.` }));

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Views read the store's arrays, shared with every other view and with the next snapshot's
    // merge: reversing or sorting one in place scrambles them all (the store freezes them in
    // development and tests, see simStore). Copying methods say the same thing safely.
    // The views, by region; in teaching/ only the panels, not the pure space-time and history
    // models beside them, which sort arrays they have just built.
    files: ['src/ui/{cluster,logs,timeline,controls,shell}/**/*.{ts,tsx}', 'src/ui/teaching/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name=/^(reverse|sort|splice|copyWithin)$/]", message: 'A view must not change an array in place (it may be the store\'s): use toReversed(), toSorted() or toSpliced().' },
      ],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', ...impureGlobals],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded PRNG in src/engine/sim/prng.ts.' },
        { object: 'Date', property: 'now', message: 'The engine runs on virtual time only.' },
        { object: 'performance', property: 'now', message: 'The engine runs on virtual time only.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: 'The engine runs on virtual time only.' },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['react', 'react-dom', 'zustand', 'd3*', 'framer-motion', 'node:*', 'fs', 'path'], message: 'src/engine must not depend on the UI or on I/O.' }] },
      ],
    },
  },
);
