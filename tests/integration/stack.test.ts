// The running test stack as a user meets it: health, login, our extension's API and settings,
// plus the stack script's own promises (idempotent up, clear message on a taken port).
import { authentication, createDirectus, readSettings, rest } from '@directus/sdk';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, STACK_DIR, baseUrl, run, stackEnv, withPg } from '../support/stack.ts';

async function adminClient() {
  const client = createDirectus(baseUrl()).with(authentication('json')).with(rest());
  await client.login({ email: stackEnv().ADMIN_EMAIL, password: stackEnv().ADMIN_PASSWORD });
  return client;
}

describe('the running stack', () => {
  it('answers health ok', async () => {
    const res = await fetch(`${baseUrl()}/server/health`);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('serves the race-control endpoint to a signed-in user, with PostGIS behind it', async () => {
    const client = await adminClient();
    const token = await client.getToken();
    const res = await fetch(`${baseUrl()}/race-control/status`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', extension: '0.1.0', postgis: expect.stringMatching(/^3\./) });
  });

  it('tells an anonymous caller to sign in', async () => {
    const res = await fetch(`${baseUrl()}/race-control/status`);
    expect(res.status).toBe(401);
    expect((await res.json()).errors[0].message).toMatch(/Sign in/);
  });

  it('has the settings from config/settings.json: our module enabled, the project owner set', async () => {
    const settings = await (await adminClient()).request(readSettings());
    const moduleBar = settings.module_bar as { id: string; enabled: boolean }[];
    expect(moduleBar.find((m) => m.id === 'race-control')).toMatchObject({ enabled: true });
    expect(settings.project_owner).toBe(stackEnv().ADMIN_EMAIL);
  });

  it('never answers from a cache: a row written outside Directus is read back at once', async () => {
    // Directus's cache is on for the access rules' $CURRENT_USER lists; responses must stay fresh,
    // since the timing service writes the same tables with SQL.
    const client = await adminClient();
    const token = await client.getToken();
    const read = async () => (await (await fetch(`${baseUrl()}/items/events?fields=notes&filter[slug][_eq]=rally-albania-2026`, {
      headers: { Authorization: `Bearer ${token}` },
    })).json()).data[0].notes;
    const before = await read();
    try {
      await withPg('directus', (c) => c.query(`UPDATE events SET notes = 'written by SQL' WHERE slug = 'rally-albania-2026'`));
      expect(await read()).toBe('written by SQL');
    } finally {
      await withPg('directus', (c) => c.query(`UPDATE events SET notes = $1 WHERE slug = 'rally-albania-2026'`, [before]));
    }
  });

  it('boots a database that has positions and PostGIS but no TimescaleDB here', async () => {
    const rows = await withPg('directus', (c) => c.query(`SELECT extname FROM pg_extension ORDER BY 1`));
    expect(rows.rows.map((r) => r.extname)).toEqual(expect.arrayContaining(['plpgsql', 'postgis']));
  });
});

describe('scripts/stack.sh', () => {
  it('is harmless to run twice: the same Directus keeps running', () => {
    const before = run('scripts/stack.sh', ['status']);
    const again = run('scripts/stack.sh', ['up']);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`Directus is running at http://localhost:${stackEnv().PORT}/admin`);
    expect(again.stdout).toContain(`log in as: ${stackEnv().ADMIN_EMAIL} / ${stackEnv().ADMIN_PASSWORD}`);
    expect(run('scripts/stack.sh', ['status']).stdout).toBe(before.stdout);
  });

  it('reports what runs and where the logs are', () => {
    const status = run('scripts/stack.sh', ['status']);
    expect(status.stdout).toMatch(/postgres: +running on 127\.0\.0\.1:\d+/);
    expect(status.stdout).toMatch(/redis: +running/);
    expect(status.stdout).toMatch(/directus: +healthy at http:\/\/localhost:\d+/);
    expect(status.stdout).toMatch(/pg data: +\/\S+\/pg\n/);
    expect(status.stdout).toMatch(/logs: +.*\{directus,redis\}\.log, \/\S+\/postgres\.log/);
  });

  it('takes a relative STACK_DIR as the same stack (PostgreSQL would miss a relative path)', () => {
    const relative = run('scripts/stack.sh', ['status'], { STACK_DIR: path.relative(ROOT, STACK_DIR) });
    expect(relative.stdout).toContain(`stack:      ${STACK_DIR}\n`);
    expect(relative.stdout).toMatch(/postgres: +running/);
  });

  // As root, PostgreSQL runs as the postgres user, who cannot enter a folder private to root (a
  // checkout in /root, a mktemp -d): such a stack keeps its cluster where postgres can reach it.
  it('runs from folders private to their owner, two stacks on two clusters, and wipes its own', () => {
    const port = (key: 'PORT' | 'PG_PORT' | 'REDIS_PORT', offset: number) => String(Number(stackEnv()[key]) + offset);
    const stacks = [1, 2].map((offset) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'private-stack-'));
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      return { dir, env: { STACK_DIR: dir, PORT: port('PORT', offset), PG_PORT: port('PG_PORT', offset), REDIS_PORT: port('REDIS_PORT', offset) } };
    });
    try {
      const dataDirs = stacks.map(({ env }) => {
        const services = run('scripts/stack.sh', ['services'], env);
        expect(services.stderr).toBe('');
        expect(services.status).toBe(0);
        const status = run('scripts/stack.sh', ['status'], env).stdout;
        expect(status).toMatch(new RegExp(`postgres: +running on 127\\.0\\.0\\.1:${env.PG_PORT}`));
        return /pg data: +(\S+)/.exec(status)![1]!;
      });
      expect(new Set(dataDirs).size).toBe(2);
      if (process.getuid?.() === 0) for (const [i, data] of dataDirs.entries()) expect(data.startsWith(stacks[i]!.dir)).toBe(false);
      // Each can read its own cluster; wipe stops it and deletes the data wherever it lives.
      const wiped = run('scripts/stack.sh', ['wipe'], stacks[0]!.env);
      expect(wiped.status).toBe(0);
      expect(existsSync(dataDirs[0]!)).toBe(false);
      expect(existsSync(stacks[0]!.dir)).toBe(false);
      expect(run('scripts/stack.sh', ['status'], stacks[1]!.env).stdout).toMatch(/postgres: +running/);
    } finally {
      for (const { dir, env } of stacks) {
        run('scripts/stack.sh', ['wipe'], env);
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('stops with a clear message when a port is taken', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'stack-'));
    try {
      // A second stack asking for the test stack's own PostgreSQL port.
      const result = run('scripts/stack.sh', ['up'], { STACK_DIR: dir, PG_PORT: stackEnv().PG_PORT, PORT: '8099', REDIS_PORT: '56399' });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`port ${stackEnv().PG_PORT} \\(PostgreSQL\\) is taken by another program`));
    } finally {
      run('scripts/stack.sh', ['wipe'], { STACK_DIR: dir });
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
