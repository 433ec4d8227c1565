// The image runs bundled boot scripts without TypeScript or our node_modules. Build the bundle the
// way the Dockerfile does, lay it out as /directus is laid out, and boot db-init from there.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROOT, dbEnv, run, stackEnv, throwawayDatabase } from '../support/stack.ts';

let image: string;
let db: Awaited<ReturnType<typeof throwawayDatabase>>;

beforeAll(async () => {
  image = mkdtempSync(path.join(tmpdir(), 'image-'));
  mkdirSync(path.join(image, 'scripts', 'lib'), { recursive: true });
  const bundle = run(path.join(ROOT, 'node_modules/.bin/node'), ['scripts/bundle-image-scripts.mjs', path.join(image, 'scripts', 'dist')]);
  expect(bundle.status, bundle.output).toBe(0);
  for (const f of ['entrypoint.sh', 'apply-db-init.sh', 'schema.sh', 'lib/common.sh']) cpSync(path.join(ROOT, 'scripts', f), path.join(image, 'scripts', f));
  for (const d of ['db-init', 'snapshots', 'config']) cpSync(path.join(ROOT, d), path.join(image, d), { recursive: true });
  db = await throwawayDatabase('image');
});
afterAll(async () => {
  await db.drop();
  rmSync(image, { recursive: true, force: true });
});

it('runs db-init from the bundle with no node_modules in reach', () => {
  const result = run(path.join(image, 'scripts', 'apply-db-init.sh'), ['pre-schema'], {
    ...dbEnv(db.name),
    NODE_BIN: path.join(ROOT, 'node_modules/.bin/node'),
    NODE_PATH: '',
  });
  expect(result.output).toContain('db-init complete: 3 applied, 0 skipped (pre-schema)');
  expect(result.status).toBe(0);
});

it('applies config/access from the bundle (Redis client included) to the booted test database', () => {
  const result = run(path.join(ROOT, 'node_modules/.bin/node'), [path.join(image, 'scripts', 'dist', 'access.mjs'), 'apply'], {
    ...dbEnv('directus'),
    ROOT: image,
    REDIS: `redis://127.0.0.1:${stackEnv().REDIS_PORT}`,
    NODE_PATH: '',
  });
  expect(result.status, result.output).toBe(0);
  expect(result.stdout).toMatch(/^access: 7 roles, 9 policies, \d+ permissions; no changes; cleared \d+ cached permission entries in Redis$/m);
});
