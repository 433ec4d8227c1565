// Bundles the TypeScript boot scripts into scripts/dist/*.mjs for the image, which has neither
// TypeScript nor our npm packages (pg is bundled in). Natively the .ts files run as they are.
import { build } from 'esbuild';
import path from 'node:path';

const here = import.meta.dirname;
const outdir = process.argv[2] ?? path.join(here, 'dist');

await build({
  entryPoints: ['db-init', 'schema', 'settings', 'access'].map((name) => path.join(here, `${name}.ts`)),
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  // pg's optional native binding is never installed.
  external: ['pg-native'],
  // pg is CommonJS and calls require() for Node's own modules.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: 'warning',
});
console.log(`bundled boot scripts into ${outdir}`);
