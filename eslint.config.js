import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const noElectron = { name: 'electron', message: "Only electron/main.ts, electron/preload.ts and electron/shell/** may import 'electron': everything else must run under plain Node." };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  {
    // One string schema for every input: PostgreSQL refuses NUL and lone surrogates that z.string() lets through.
    files: ['shared/**', 'electron/**', 'renderer/**'],
    ignores: ['shared/text.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='z'][callee.property.name='string']", message: 'Use text() (or idText, calendarDate) from shared/text.ts: it refuses characters the database cannot store.' },
      ],
    },
  },
  {
    // The shell: the only place Electron may be imported.
    files: ['electron/main.ts', 'electron/preload.ts', 'electron/shell/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Windows come from electron/shell/windows.ts only, which gives each the hardened webPreferences
    // (electron/shell/hardened-windows.test.ts checks the same from the sources).
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    ignores: ['electron/shell/windows.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['BrowserWindow', 'BrowserView', 'WebContentsView'].flatMap((name) => [
          { selector: `NewExpression[callee.name='${name}']`, message: `Create windows through openWindow() in electron/shell/windows.ts, never with new ${name}.` },
          { selector: `NewExpression[callee.property.name='${name}']`, message: `Create windows through openWindow() in electron/shell/windows.ts, never with new ${name}.` },
        ]),
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a sandboxed browser page: no Node modules.' },
            { group: ['**/electron/**', '../../electron/*'], message: 'The renderer reaches the main process only through window.api (lib/api.ts).' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { group: ['node:*'], message: 'shared/ is imported by the renderer too: no Node modules.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on neither process.' },
          ],
        },
      ],
    },
  },
  {
    files: ['migrations/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [{ group: ['**/electron/**', '**/shared/**', '**/renderer/**'], message: 'Migrations are frozen in time: they never import app code.' }] }],
    },
  },
);
