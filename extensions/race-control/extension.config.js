// Extra build steps for `directus-extension build` (it reads this file itself).
// `virtual:course-files-worker` is the course-file parser's Web Worker, bundled by esbuild into one
// script and inlined as a string: the extension build emits a single app.js and cannot emit a
// worker file, and the admin app's CSP allows workers from blob: URLs (as MapLibre's own).
import { buildSync } from 'esbuild';
import { URL, fileURLToPath } from 'node:url';

const WORKER = 'virtual:course-files-worker';
const entry = fileURLToPath(new URL('./src/app/modules/course/components/course-files/parse-worker.ts', import.meta.url));

const inlineWorker = {
  name: 'inline-course-files-worker',
  resolveId(id) {
    return id === WORKER ? `\0${WORKER}` : null;
  },
  load(id) {
    if (id !== `\0${WORKER}`) return null;
    const out = buildSync({ entryPoints: [entry], bundle: true, format: 'iife', minify: true, target: 'es2022', write: false, legalComments: 'none', metafile: true });
    for (const input of Object.keys(out.metafile.inputs)) if (!input.includes('node_modules')) this.addWatchFile(fileURLToPath(new URL(`./${input}`, import.meta.url)));
    return `export default ${JSON.stringify(out.outputFiles[0].text)};`;
  },
};

export default { plugins: [inlineWorker] };
