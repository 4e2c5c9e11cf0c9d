import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
/** Every feature folder, so that a new feature is fenced without editing this file. */
const FEATURES = readdirSync(new URL('./src/features/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test/artifacts', 'data'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The architecture's fences (README, "Architecture"), on resolved paths, so that a file in
    // a feature's subfolder is fenced like one at its top: the domain imports no database, UI
    // or shell; the database no UI or shell; shared parts no feature or shell; a feature no
    // other feature and no shell. scripts/lint-fences.test.ts proves each fence fires.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: ROOT,
          zones: [
            {
              target: './src/domain',
              from: ['./src/db', './src/features', './src/app', './src/shared'],
              message: 'src/domain is plain TypeScript: no database, UI or app shell.',
            },
            {
              target: './src/db',
              from: ['./src/features', './src/app', './src/shared'],
              message: 'src/db may use the domain, never the UI or the app shell.',
            },
            {
              target: './src/shared',
              from: ['./src/features', './src/app'],
              message: 'src/shared must not depend on features or the app shell.',
            },
            {
              target: './src/features',
              from: './src/app',
              message: 'Features must not import the app shell.',
            },
            {
              // The shell and its durability check load on every page; the exchange import
              // (merge, row checks, report snapshots) only with 设置 (docs/performance.md).
              target: [
                './src/app',
                './src/shared/durability.ts',
                './src/shared/data-counts.ts',
                './src/db/exchange/durability.ts',
              ],
              from: './src/db/exchange/import.ts',
              message:
                'The first screen must not load the exchange import: use src/db/exchange/counts.ts.',
            },
            ...FEATURES.map((feature) => ({
              target: `./src/features/${feature}`,
              from: './src/features',
              except: [`./${feature}`],
              message: 'Features must not import other features; move shared code to src/shared.',
            })),
          ],
        },
      ],
    },
  },
  {
    // Pure logic: no React (in .tsx files too), no Dexie, no charts or router.
    files: ['src/domain/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
              message: 'src/domain must not import React.',
            },
            { group: ['dexie', 'dexie/*'], message: 'src/domain must not import Dexie.' },
            { group: ['recharts', '@tanstack/*'], message: 'src/domain is plain TypeScript.' },
          ],
        },
      ],
    },
  },
  {
    // The database layer has no UI.
    files: ['src/db/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'recharts', '@tanstack/*'],
              message: 'src/db has no UI.',
            },
          ],
        },
      ],
    },
  },
);
