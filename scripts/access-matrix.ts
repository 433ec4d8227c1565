// npm run access:matrix: writes docs/access-matrix.md from config/access.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { readAccess } from './lib/access-files.ts';
import { renderMatrix } from './lib/access-matrix.ts';
import { ROOT } from './lib/paths.ts';

export const MATRIX_PATH = path.join(ROOT, 'docs', 'access-matrix.md');

writeFileSync(MATRIX_PATH, renderMatrix(readAccess(path.join(ROOT, 'config', 'access'))));
console.log(`access matrix written to ${path.relative(process.cwd(), MATRIX_PATH)}`);
