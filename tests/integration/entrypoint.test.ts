// The boot pipeline's failure paths: whichever step fails, the boot stops there, names the step
// and exits non-zero. One database goes through the injections in order, as successive boots would.
import { mkdtempSync, cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, dbEnv, run, runInStack, throwawayDatabase } from '../support/stack.ts';

const STEPS = ['db-init-pre-schema', 'bootstrap', 'schema-apply', 'db-init-post-schema', 'settings', 'access', 'start'];

describe('entrypoint', () => {
  let db: Awaited<ReturnType<typeof throwawayDatabase>>;
  beforeAll(async () => {
    db = await throwawayDatabase('boot');
  });
  afterAll(() => db.drop());

  it.each(STEPS.map((step, i) => [i + 1, step] as const))('stops at step %i (%s) when it fails, naming it', (k, step) => {
    const result = runInStack(db.name, ['scripts/entrypoint.sh', 'start'], { ENTRYPOINT_FAIL_STEP: step });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`[entrypoint] FAILED at step ${k}/${STEPS.length} ${step}`);
    // Every earlier step ran and logged; no later step started.
    for (let j = 1; j <= STEPS.length; j++) {
      const line = `[entrypoint] ${j}/${STEPS.length} ${STEPS[j - 1]}`;
      if (j <= k) expect(result.stdout).toContain(line);
      else expect(result.stdout).not.toContain(line);
    }
  });

  it('stops at post-schema db-init on broken SQL, naming the file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'db-init-'));
    cpSync(path.join(ROOT, 'db-init'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'post-schema', '900_broken.sql'), 'ALTER TABLE no_such_table ADD COLUMN x int;\n');
    const result = runInStack(db.name, ['scripts/entrypoint.sh', 'prepare'], { DB_INIT_DIR: dir });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/post-schema\/900_broken\.sql failed[^\n]*no_such_table/);
    expect(result.stderr).toContain(`[entrypoint] FAILED at step 4/${STEPS.length - 1} db-init-post-schema`);
  });

  it('refuses to boot without KEY and SECRET', () => {
    const result = run('scripts/entrypoint.sh', ['prepare'], { ...dbEnv(db.name), KEY: '', SECRET: '' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/KEY and SECRET must be set/);
  });

  it('boots cleanly to the end of prepare', () => {
    const result = runInStack(db.name, ['scripts/entrypoint.sh', 'prepare']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/db-init complete: 0 applied, 3 skipped/);
    expect(result.stdout).toContain('[entrypoint] prepared');
  });

  it('skips the schema dry run on the next boot of an unchanged database', () => {
    const result = runInStack(db.name, ['scripts/entrypoint.sh', 'prepare']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('schema: snapshot and database unchanged since the last boot; nothing to do');
  });
});
