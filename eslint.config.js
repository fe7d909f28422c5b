import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-sim',
      'dist-sam',
      'node_modules',
      'public/mockServiceWorker.js',
      'test-results',
      'playwright-report',
      'bench-results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}', 'mocks/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The pure core decides; it must not reach for React, the network, or the features that render it.
    files: ['src/reconcile/**/*.ts'],
    ignores: ['src/reconcile/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-*', '@tanstack/*', 'zustand', 'zustand/*'], message: 'reconcile/ is pure: no React or caches.' },
            { group: ['**/live/**', '**/features/**', '**/app/**', '**/state/**', '**/api/http', '**/api/endpoints'], message: 'reconcile/ imports nothing but contract types.' },
          ],
        },
      ],
    },
  },
  {
    // Features never import each other; shared pieces go to ui/, decisions to reconcile/.
    files: ['src/features/sessions/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/features/chat/**', '**/features/notifications/**'], message: 'A feature never imports another feature.' }] }] },
  },
  {
    files: ['src/features/chat/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/features/sessions/**', '**/features/notifications/**'], message: 'A feature never imports another feature.' }] }] },
  },
  {
    files: ['src/features/notifications/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/features/sessions/**', '**/features/chat/**'], message: 'A feature never imports another feature.' }] }] },
  },
  {
    // The app bundle must not pull the simulator in statically: live builds would carry MSW.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/test/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ImportDeclaration[source.value=/mocks\\//]", message: 'Import the simulator only through the guarded dynamic import in main.tsx.' },
      ],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,ts}', 'e2e/**/*.ts', 'bench/**/*.ts', '*.config.{js,ts}', 'playwright.config.ts', 'playwright.sam.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
