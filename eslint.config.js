// Lint rules, including the import direction of DESIGN.md's layers:
// domain <- server; domain <- api <- features/console; ui is generic (no domain words, no data access).
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (name) => [`@/${name}`, `@/${name}/*`, `**/${name}/*`];
const forbid = (from, layers, extra = []) => ({
  files: [`src/${from}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...layers.map((name) => ({
            group: layer(name),
            message: `src/${from} may not import src/${name} (see DESIGN.md, "The layers").`,
          })),
          ...extra,
        ],
      },
    ],
  },
});
const allFeaturesButOwn = {
  files: ['src/features/*/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['@/server', '@/server/*', '**/server/*'],
            message: 'features talk to the server only through src/api.',
          },
          { group: ['@/console', '@/console/*'], message: 'features do not import the console shell.' },
          { regex: '^@/features/', message: 'features do not import each other; share through src/ui or src/api.' },
        ],
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: ['dist', '.e2e-dist', 'node_modules', 'public/mockServiceWorker.js', 'test-results', 'playwright-report'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs['flat/recommended'],
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  { files: ['scripts/**/*.mjs', '*.js'], languageOptions: { globals: globals.node } },
  forbid(
    'domain',
    ['server', 'api', 'console', 'features', 'ui'],
    [
      {
        group: ['react', 'react-dom', 'msw', 'msw/*', '@tanstack/*', 'idb-keyval'],
        message: 'src/domain is pure TypeScript.',
      },
    ],
  ),
  forbid(
    'server',
    ['api', 'console', 'features', 'ui'],
    [{ group: ['react', 'react-dom'], message: 'src/server has no React.' }],
  ),
  forbid('api', ['server', 'console', 'features', 'ui']),
  forbid('ui', ['domain', 'server', 'api', 'console', 'features']),
  forbid('console', ['server']),
  allFeaturesButOwn,
);
