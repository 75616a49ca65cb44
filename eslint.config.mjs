import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'tab/dist/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The dashboard tab runs in the browser (tab/tsconfig.json gives it the DOM types).
    files: ['tab/src/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // botbuilder stays at the edge: only bot/ and dialogs/ may import it. delivery/ (reminder
    // scheduling, retries, pacing) takes a send callback from the bot instead.
    files: ['domain/**/*.ts', 'cards/**/*.ts', 'storage/**/*.ts', 'delivery/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['botbuilder', 'botbuilder-*', 'botframework-*'], message: 'botbuilder belongs in bot/ and dialogs/ only' }] }],
    },
  },
);
