// What the integration and browser tests know about the test stack that scripts/test.sh started
// (STACK_DIR, default .stack/test): its ports, its admin, and throwaway databases beside it.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const STACK_DIR = process.env.STACK_DIR ?? path.join(ROOT, '.stack', 'test');

export interface StackEnv {
  PORT: string;
  PG_PORT: string;
  REDIS_PORT: string;
  KEY: string;
  SECRET: string;
  ADMIN_EMAIL: string;
  ADMIN_PASSWORD: string;
  DEMO_PASSWORD: string;
}

export function stackEnv(): StackEnv {
  let text: string;
  try {
    text = readFileSync(path.join(STACK_DIR, 'stack.env'), 'utf8');
  } catch {
    throw new Error(`no test stack in ${STACK_DIR}: run the tests with npm test (it starts one)`);
  }
  const entries = text.split('\n').filter((l) => /^\w+=/.test(l)).map((l) => l.split(/=(.*)/s).slice(0, 2) as [string, string]);
  return Object.fromEntries(entries) as unknown as StackEnv;
}

export const baseUrl = (): string => `http://127.0.0.1:${stackEnv().PORT}`;

export async function pgClient(database = 'postgres'): Promise<pg.Client> {
  const client = new pg.Client({ host: '127.0.0.1', port: Number(stackEnv().PG_PORT), user: 'postgres', database });
  await client.connect();
  return client;
}

export async function withPg<T>(database: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await pgClient(database);
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new empty database in the test cluster; dropped by the returned function. */
export async function throwawayDatabase(prefix: string): Promise<{ name: string; drop: () => Promise<void> }> {
  const name = `t_${prefix}_${randomBytes(4).toString('hex')}`;
  await withPg('postgres', (c) => c.query(`CREATE DATABASE ${name}`));
  return {
    name,
    drop: () => withPg('postgres', (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  output: string;
}

/** Runs a project script the way a developer would, with extra environment. */
export function run(command: string, args: string[], env: Record<string, string | undefined> = {}): RunResult {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, STACK_DIR, ...env },
    timeout: 300_000,
  });
  const stdout = result.stdout ?? '';
  const stderr = result.stderr ?? '';
  return { status: result.status, stdout, stderr, output: stdout + stderr };
}

/** A script run with the test stack's Directus environment, aimed at `database`. */
export function runInStack(database: string, command: string[], env: Record<string, string | undefined> = {}): RunResult {
  return run('scripts/stack.sh', ['exec', ...command], { DB_DATABASE: database, ...env });
}

/** The environment db-init needs to reach `database` in the test cluster, without the stack's. */
export function dbEnv(database: string): Record<string, string> {
  return { DB_CLIENT: 'pg', DB_HOST: '127.0.0.1', DB_PORT: stackEnv().PG_PORT, DB_USER: 'postgres', DB_DATABASE: database };
}
