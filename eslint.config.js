// Lint for the whole repo. The import rule is the extension's architecture: domain/ is pure and
// imports nothing of ours outside it; app/ and api/ may use domain/ but never each other.
import js from '@eslint/js';
import vue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';

const ext = 'extensions/race-control/src';

// Import specifiers a layer may not use (relative paths included: `../api/x` matches `api`).
const layer = (folder, patterns) => ({
  files: [`${folder}/**/*.{ts,vue}`],
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

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
  layer(`${ext}/domain`, [
    { regex: '^(vue|pinia|knex|ioredis)$|^@directus/|^node:', message: 'domain/ is pure TypeScript: no framework, Directus or I/O imports' },
    { regex: '(^|/)(api|app)(/|$)', message: 'domain/ imports nothing of ours outside domain/' },
  ]),
  layer(`${ext}/app`, [{ regex: '(^|/)api(/|$)', message: 'app/ talks to api/ over HTTP only' }]),
  layer(`${ext}/api`, [{ regex: '(^|/)app(/|$)|^vue$', message: 'api/ never imports app/' }]),
);
