// npm run schema:types: writes the collection types generated from the committed snapshot.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/paths.ts';
import { generateTypes } from './lib/schema-types.ts';

export const TYPES_PATH = path.join(ROOT, 'extensions', 'race-control', 'src', 'domain', 'schema.generated.ts');

const types = generateTypes(readFileSync(path.join(ROOT, 'snapshots', 'schema.yaml'), 'utf8'));
writeFileSync(TYPES_PATH, types);
console.log(`types written to ${path.relative(process.cwd(), TYPES_PATH)} (${types.split('\n').length} lines)`);
