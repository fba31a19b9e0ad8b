// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import prettier from 'eslint-config-prettier'

const inward = (message, patterns) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
})

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      'src/web/dist/**',
      'eslint.config.js',
      '.tmp/**',
      'bench/.out/**',
      'screenshots/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      ...inward(
        'The engine is pure: it imports nothing from adapters and no Node built-ins (time and ids are passed in).',
        [
          '../report/*',
          '../store/*',
          '../server/*',
          '../cli/*',
          '../web/*',
          '../io/*',
          'node:*',
          'fs',
          'path',
        ],
      ),
    },
  },
  {
    files: ['src/report/**/*.ts', 'src/io/**/*.ts'],
    rules: {
      ...inward(
        'report and io depend on the engine only; adapters (store, server, cli, web) depend on them, not the reverse.',
        ['../store/*', '../server/*', '../cli/*', '../web/*'],
      ),
    },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: {
      ...inward('store depends on the engine only; server and cli wire it up.', [
        '../server/*',
        '../cli/*',
        '../web/*',
        '../report/*',
      ]),
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    rules: {
      ...inward(
        'The web app talks to the server over HTTP; it may import only types and schemas from the engine.',
        ['../../store/*', '../../server/*', '../../cli/*', '../store/*', '../server/*', '../cli/*'],
      ),
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['**/*.mjs', '**/*.js'], ...tseslint.configs.disableTypeChecked },
  prettier,
)
