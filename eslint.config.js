// Lint for the whole repo. The import rule is the extension's architecture: domain/ is pure and
// imports nothing of ours outside it; app/ and api/ may use domain/ but never each other.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import vue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';

const ext = 'extensions/race-control/src';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.stack/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/essential'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    rules: { 'vue/multi-word-component-names': 'off' },
  },
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }] },
  },
  {
    files: [`${ext}/**/*.{ts,vue}`],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.vue', '.js'] } } },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: `${ext}/domain`, from: `${ext}/api`, message: 'domain/ is pure: no Directus adapters' },
            { target: `${ext}/domain`, from: `${ext}/app`, message: 'domain/ is pure: no Vue views' },
            { target: `${ext}/app`, from: `${ext}/api`, message: 'app/ talks to api/ over HTTP only' },
            { target: `${ext}/api`, from: `${ext}/app`, message: 'api/ never imports app/' },
          ],
        },
      ],
    },
  },
  {
    files: [`${ext}/domain/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['vue', 'pinia', '@directus/*', 'node:*', 'knex', 'ioredis'], message: 'domain/ is pure TypeScript: no framework, Directus or I/O imports' }] },
      ],
    },
  },
);
