// Lint for the whole repository: TypeScript everywhere, plus Lit and web-component rules for the
// widget packages, which run as guests on other people's pages.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'dist/**', 'data/**', 'reports/**', 'custom-elements.json', '**/*.gen.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['packages/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['packages/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // Widgets must work under a strict CSP and never need inline handlers.
      'lit/no-template-bind': 'error',
    },
  },
  {
    files: ['packages/*/test/**/*.ts', 'tests/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.mocha } },
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
