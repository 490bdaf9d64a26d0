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

const NO_FEATURE = {
  regex: '^\\.\\./(?!(common|config|database|i18n)/)',
  message: 'src/common, src/config and src/i18n import no feature.',
};
const NO_EXPRESS = { name: 'express', message: 'Below the controllers, take an Actor (src/common/actor.ts), plain values or a stream.' };

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
          patterns: [NO_FEATURE],
        },
      ],
    },
  },
  {
    // The HTTP request stays at the edge: services take an Actor and plain values or streams, so a job can call them.
    files: ['src/**/*.ts'],
    ignores: [
      '**/*.spec.ts',
      'src/**/*.controller.ts',
      'src/main.ts',
      'src/web-app.ts',
      // Middleware.
      'src/auth/session-auth.ts',
      // Shared machinery: checked below together with its own rule.
      'src/common/**',
      'src/config/**',
      'src/i18n/**',
    ],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_EXPRESS] }] },
  },
  {
    files: ['src/common/**/*.ts', 'src/config/**/*.ts', 'src/i18n/**/*.ts'],
    ignores: [
      '**/*.spec.ts',
      // Middleware.
      'src/common/csrf.ts',
      'src/common/lazy-session.ts',
      'src/common/middleware-chain.ts',
      'src/common/request-logging.ts',
      'src/common/route-index.ts',
      'src/common/security-headers.ts',
      // Web helpers of controllers: guard, decorators, filter, forms and confirmations, the request's caller.
      'src/common/access.guard.ts',
      'src/common/confirm.ts',
      'src/common/current-user.decorator.ts',
      'src/common/download-response.ts',
      'src/common/exception.filter.ts',
      'src/common/form-locals.ts',
      'src/common/form-view.ts',
      'src/common/queue-dashboard.ts',
      'src/common/request.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_FEATURE], paths: [NO_EXPRESS] }] },
  },
  {
    // One way to open a transaction: unitOfWork (src/database/unit-of-work.ts), whose after-commit work queues emails.
    files: ['src/**/*.ts'],
    ignores: ['src/database/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message: 'Open transactions with unitOfWork(dataSource, async (manager) => …) from src/database/unit-of-work.ts.',
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
