import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeModules = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'events',
  'worker_threads',
  'zlib',
  'process',
  'buffer',
];
const nodePaths = nodeModules.map((name) => ({ name, message: 'No Node here.' }));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message:
                'The renderer reaches main only through window.api (src/renderer/client.ts).',
            },
            ...nodePaths,
          ],
          patterns: [
            {
              group: ['**/main/**', '**/preload/index*'],
              message: 'The renderer must not import main-process code.',
            },
            { group: ['node:*'], message: 'The renderer has no Node.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'src/shared is imported by every process: no Electron.' },
            ...nodePaths,
          ],
          patterns: [
            { group: ['node:*'], message: 'src/shared is imported by the renderer: no Node.' },
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'src/shared depends on nothing else in the app.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'src/main/services/**/*.ts',
      'src/main/gateway/**/*.ts',
      'src/main/core.ts',
      'src/main/ipc/dispatcher.ts',
      'src/main/ipc/handlers/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message:
                'Services take Electron pieces injected so they run under Node in tests; only platform/ adapters import electron.',
            },
          ],
        },
      ],
    },
  },
);
