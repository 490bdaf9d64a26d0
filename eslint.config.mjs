// ESLint 9 flat config: the recommended rules of ESLint and typescript-eslint (no type-aware rules, so it stays fast).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// Node's globals for plain JavaScript files (TypeScript files get theirs from the compiler).
const node = Object.fromEntries(
  [
    'require',
    'module',
    'exports',
    '__dirname',
    '__filename',
    'process',
    'console',
    'Buffer',
    'URL',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'fetch',
    'AbortController',
  ].map((name) => [name, name === 'module' || name === 'exports' ? 'writable' : 'readonly']),
);
const browser = Object.fromEntries(
  [
    'window',
    'document',
    'navigator',
    'console',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'fetch',
    'URL',
    'FormData',
    'HTMLElement',
    'localStorage',
  ].map((name) => [name, 'readonly']),
);

export default defineConfig(
  {
    ignores: [
      'dist/**',
      'dist-bench/**',
      'node_modules/**',
      'coverage/**',
      'artifacts/**',
      '.build-*/**',
      'uploads/**',
      'public/vendor/**',
      '.stryker-tmp/**',
      'reports/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Shared machinery builds on no feature: features import it, never the other way round.
    files: ['src/common/**/*.ts', 'src/config/**/*.ts', 'src/i18n/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./(?!(common|config|database|i18n)/)', message: 'src/common, src/config and src/i18n import no feature.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: node },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: node },
  },
  {
    files: ['public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: browser },
  },
);
