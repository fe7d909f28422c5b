import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

/**
 * The layout, held on resolved paths (import-x/no-restricted-paths): a zone forbids files under `target` to
 * import anything that resolves under `from`, however the import is spelled. scripts/lint-zones.test.ts
 * proves each zone with a probe that must fail and one that must pass.
 */
const FEATURES = ['chat', 'sessions', 'notifications', 'projects'];

// Packages resolve to their type declarations when they have them, to their code otherwise: restrict both.
const REACT = [
  './node_modules/react',
  './node_modules/@types/react',
  './node_modules/react-dom',
  './node_modules/@types/react-dom',
  './node_modules/@tanstack/react-query',
];
// zustand's root, `react`, `shallow` and `traditional` entries bind to React; `vanilla` and `middleware` do not.
const ZUSTAND_REACT = ['./node_modules/zustand/{,esm/}{index,react,shallow,traditional}.{js,mjs,d.ts,d.mts}', './node_modules/zustand/{,esm/}react/**'];

const zones = {
  featuresApart: FEATURES.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: 'A feature never imports another feature: shared pieces go to ui/, decisions to reconcile/.',
  })),
  featuresThroughLiveReact: [
    {
      target: './src/features',
      from: './src/live',
      except: ['./react'],
      message: 'Features reach the engine only through live/react.',
    },
  ],
  liveWithoutReact: [
    { target: ['./src/live/*', './src/live/!(react)/**'], from: REACT, message: 'live/ is a React-free engine; hooks go in live/react.' },
    { target: ['./src/live/*', './src/live/!(react)/**'], from: ZUSTAND_REACT, message: 'live/ is a React-free engine: use zustand/vanilla.' },
  ],
  liveBelowFeatures: [{ target: './src/live', from: ['./src/features', './src/app'], message: 'live/ never imports the features or the app that render it.' }],
  uiBelowLive: [{ target: './src/ui', from: ['./src/live', './src/features'], message: 'ui/ renders what it is given: no engine, no features.' }],
  reconcilePure: [
    {
      target: './src/reconcile/**/!(*.test).ts',
      from: [...REACT, './node_modules/@tanstack', './node_modules/zustand'],
      message: 'reconcile/ is pure: no React or caches.',
    },
    {
      target: './src/reconcile/**/!(*.test).ts',
      from: ['./src/live', './src/features', './src/app', './src/state', './src/api/http.ts', './src/api/endpoints.ts'],
      message: 'reconcile/ imports nothing but contract types.',
    },
  ],
};
const allZones = Object.values(zones).flat();

const restrictedPaths = (zoneList) => ['error', { basePath: import.meta.dirname, zones: zoneList }];

export default tseslint.config(
  {
    ignores: ['dist', 'dist-sim', 'dist-sam', 'node_modules', 'public/mockServiceWorker.js', 'test-results', 'playwright-report', 'bench-results'],
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
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': restrictedPaths(allZones),
    },
  },
  {
    // This test reads the chat and its sidebar row side by side, each built by the engine from the same caches.
    files: ['src/features/chat/statusTruth.test.tsx'],
    rules: {
      'import-x/no-restricted-paths': restrictedPaths([
        ...allZones.filter((zone) => !zones.featuresApart.includes(zone) && !zones.featuresThroughLiveReact.includes(zone)),
        ...zones.featuresApart.filter((zone) => zone.target !== './src/features/chat'),
      ]),
    },
  },
  {
    // The app bundle must not pull the simulator in statically: live builds would carry MSW.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/test/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportDeclaration[source.value=/mocks\\//]', message: 'Import the simulator only through the guarded dynamic import in main.tsx.' },
      ],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,ts}', 'e2e/**/*.ts', 'bench/**/*.ts', '*.config.{js,ts}', 'playwright.config.ts', 'playwright.sam.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
