// Builds dist/map-chunk.js: MapLibre GL, terra-draw and its adapter as one ES module, outside the
// app bundle (see src/app/map/chunk/entry.ts for why). Run after `directus-extension build`.
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { URL } from 'node:url';

const outfile = new URL('../dist/map-chunk.js', import.meta.url).pathname;
await build({
  entryPoints: [new URL('../src/app/map/chunk/entry.ts', import.meta.url).pathname],
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  loader: { '.css': 'text' },
  legalComments: 'none',
  outfile,
  logLevel: 'warning',
});
console.log(`map chunk: ${(statSync(outfile).size / 1024).toFixed(0)} KB at dist/map-chunk.js`);
