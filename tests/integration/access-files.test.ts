// Roles, policies, permissions and settings live in config/: a fresh database gets them from the
// boot alone, capture writes back exactly the files, and apply repairs drift or refuses bad files
// without half-writing them.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runInStack, throwawayDatabase, withPg } from '../support/stack.ts';

const CONFIG = path.join(ROOT, 'config');
let db: Awaited<ReturnType<typeof throwawayDatabase>>;
const scratch = mkdtempSync(path.join(tmpdir(), 'access-'));

/** Every file under `dir`, by relative path. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const full = path.join(entry.parentPath, entry.name);
      files[path.relative(dir, full)] = readFileSync(full, 'utf8');
    }
  }
  return files;
}

/** Captures the database into a new folder shaped like config/ and returns the folder. */
function capture(name: string): string {
  const dir = path.join(scratch, name);
  cpSync(CONFIG, dir, { recursive: true });
  rmSync(path.join(dir, 'access'), { recursive: true });
  const result = runInStack(db.name, ['scripts/access.sh', 'capture'], { ACCESS_DIR: path.join(dir, 'access'), SETTINGS_PATH: path.join(dir, 'settings.json') });
  expect(result.status, result.output).toBe(0);
  return dir;
}

function apply(dir: string) {
  return runInStack(db.name, ['scripts/access.sh', 'apply'], { ACCESS_DIR: path.join(dir, 'access'), SETTINGS_PATH: path.join(dir, 'settings.json') });
}

beforeAll(async () => {
  db = await throwawayDatabase('access');
  const boot = runInStack(db.name, ['scripts/entrypoint.sh', 'prepare']);
  expect(boot.status, boot.output).toBe(0);
}, 180_000);
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await db?.drop();
});

describe('access and settings as files', () => {
  it('are all in a freshly booted database: capture gives config/ byte for byte', () => {
    expect(tree(capture('first'))).toEqual(tree(CONFIG));
  });

  it('survive capture → apply → capture unchanged, and a second apply writes nothing', () => {
    const first = capture('round-1');
    const applied = apply(first);
    expect(applied.status, applied.output).toBe(0);
    expect(applied.stdout).toMatch(/access: 7 roles, 9 policies, \d+ permissions; no changes/);
    expect(tree(capture('round-2'))).toEqual(tree(first));
  });

  it('put back what was changed in the database by hand', async () => {
    await withPg(db.name, async (c) => {
      await c.query(`DELETE FROM directus_permissions WHERE collection = 'entries' AND policy = (SELECT id FROM directus_policies WHERE name = 'Viewer')`);
      await c.query(`UPDATE directus_roles SET name = 'Spectator' WHERE name = 'Viewer'`);
      await c.query(`UPDATE directus_settings SET module_bar = '[]'`);
    });
    const applied = apply(CONFIG);
    expect(applied.status, applied.output).toBe(0);
    expect(applied.stdout).toContain('changed: role Viewer, permissions of Viewer');
    expect(tree(capture('repaired'))).toEqual(tree(CONFIG));
  });

  it('refuse a role that names a policy the files do not have, and change nothing', () => {
    const bad = path.join(scratch, 'bad');
    cpSync(CONFIG, bad, { recursive: true });
    const roles = JSON.parse(readFileSync(path.join(bad, 'access', 'roles.json'), 'utf8'));
    roles[0].policies.push('00000000-0000-4000-8000-000000000000');
    roles[1].name = 'Renamed before the refusal';
    writeFileSync(path.join(bad, 'access', 'roles.json'), JSON.stringify(roles, null, 2));
    const applied = apply(bad);
    expect(applied.status).not.toBe(0);
    expect(applied.stderr).toContain(`access: role "${roles[0].name}" lists policies that policies.json does not: 00000000-0000-4000-8000-000000000000`);
    expect(tree(capture('after-refusal'))).toEqual(tree(CONFIG));
  });

  it('refuse an administrator policy: the files never carry one', () => {
    const bad = path.join(scratch, 'admin');
    cpSync(CONFIG, bad, { recursive: true });
    const policies = JSON.parse(readFileSync(path.join(bad, 'access', 'policies.json'), 'utf8'));
    policies[0].admin_access = true;
    writeFileSync(path.join(bad, 'access', 'policies.json'), JSON.stringify(policies, null, 2));
    const applied = apply(bad);
    expect(applied.status).not.toBe(0);
    expect(applied.stderr).toContain(`access: policy "${policies[0].name}" has admin_access; administrator policies stay out of the files`);
  });
});
