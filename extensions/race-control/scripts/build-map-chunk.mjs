// Builds dist/map-chunk.js (MapLibre GL, terra-draw and its adapter as one ES module) and
// dist/course-files-worker.js (the course-file parser's Web Worker), both outside the app bundle
// that every user of the admin app downloads (see src/app/map/chunk/entry.ts for why). Run after
// `directus-extension build`.
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

const workerFile = new URL('../dist/course-files-worker.js', import.meta.url).pathname;
await build({
  entryPoints: [new URL('../src/app/modules/course/components/course-files/parse-worker.ts', import.meta.url).pathname],
  bundle: true,
  format: 'iife',
  minify: true,
  target: 'es2022',
  legalComments: 'none',
  outfile: workerFile,
  logLevel: 'warning',
});
console.log(`course-files worker: ${(statSync(workerFile).size / 1024).toFixed(0)} KB at dist/course-files-worker.js`);
