import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

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
    // Pure logic: the domain knows nothing of React, Dexie, the database or the UI.
    files: ['src/domain/**/*.ts'],
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
            {
              group: ['**/db/**', '**/db', '**/features/**', '**/app/**'],
              message: 'src/domain must not depend on db, features or app.',
            },
          ],
        },
      ],
    },
  },
  {
    // The database layer may use the domain, never the UI.
    files: ['src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'recharts', '@tanstack/*'],
              message: 'src/db has no UI.',
            },
            {
              group: ['**/features/**', '**/app/**'],
              message: 'src/db must not depend on features or app.',
            },
          ],
        },
      ],
    },
  },
  {
    // Features do not import each other: what two features share goes to src/shared.
    files: ['src/features/*/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.)',
              message: 'Features must not import other features; move shared code to src/shared.',
            },
            { group: ['**/app/**'], message: 'Features must not import the app shell.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/features/**', '**/app/**'],
              message: 'src/shared must not depend on features or the app.',
            },
          ],
        },
      ],
    },
  },
);
