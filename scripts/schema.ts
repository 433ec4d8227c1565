// Schema tooling around Directus's own `schema snapshot` / `schema apply`.
//   schema.ts snapshot            write snapshots/schema.yaml from the database
//   schema.ts diff                print what apply would change
//   schema.ts apply [--mode auto|dry-run|skip] [--force]
//   schema.ts record              (entrypoint, after post-schema SQL) remember the schema this boot left
// Environment: SNAPSHOT_PATH, SCHEMA_APPLY_MODE, SCHEMA_APPLY_FORCE=1, NODE_ENV, DIRECTUS_CLI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, statSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './lib/paths.ts';
import pg from 'pg';
import { connectionConfig, waitForDatabase } from './lib/db.ts';
import { errorLines, ownedTablesIn, parseDryRun } from './lib/schema-output.ts';
import { currentState, recordFinalState, recordState, recordedState } from './lib/schema-state.ts';

const snapshotPath = path.resolve(process.env.SNAPSHOT_PATH ?? path.join(ROOT, 'snapshots', 'schema.yaml'));
const MODES = ['auto', 'dry-run', 'skip'] as const;

function fail(message: string): never {
  console.error(`schema: ${message}`);
  process.exit(1);
}

function cli(args: string[]): string {
  const cliPath = process.env.DIRECTUS_CLI;
  if (!cliPath) fail('DIRECTUS_CLI is not set; run this through scripts/schema.sh');
  const result = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const errors = errorLines(output);
  if (result.status !== 0 || errors.length > 0) {
    fail(`directus ${args.join(' ')} failed (exit ${result.status}):\n${output.trim()}`);
  }
  return output;
}

function ownedTables(): string[] {
  return (process.env.DB_EXCLUDE_TABLES ?? '').split(',').filter(Boolean);
}

function snapshot(): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'schema-'));
  const tmp = path.join(dir, 'schema.yaml');
  try {
    cli(['schema', 'snapshot', '--yes', '--format', 'yaml', tmp]);
    const leaked = ownedTablesIn(readFileSync(tmp, 'utf8'), ownedTables());
    if (leaked.length > 0) fail(`the snapshot records db-init tables (${leaked.join(', ')}); DB_EXCLUDE_TABLES must list them (scripts/lib/common.sh sets it)`);
    try {
      renameSync(tmp, snapshotPath);
    } catch {
      copyFileSync(tmp, snapshotPath);
    }
    console.log(`snapshot written to ${path.relative(process.cwd(), snapshotPath) || snapshotPath} (${statSync(snapshotPath).size} bytes)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function dryRun(): ReturnType<typeof parseDryRun> {
  const output = cli(['schema', 'apply', '--dry-run', snapshotPath]);
  const plan = parseDryRun(output);
  // The CLI's own log lines (extensions loaded, …) are noise around the diff.
  const diff = output.split('\n').filter((line) => !/^\[[\d:.]+\] (INFO|WARN):/.test(line)).join('\n').trim();
  console.log(plan.changes ? diff : 'schema: no changes: the database matches the snapshot');
  return plan;
}

async function apply(argv: string[]): Promise<void> {
  const modeArg = argv.find((a) => a.startsWith('--mode='))?.slice(7) ?? process.env.SCHEMA_APPLY_MODE ?? 'auto';
  const mode = modeArg as (typeof MODES)[number];
  if (!MODES.includes(mode)) fail(`unknown mode "${modeArg}"; use one of ${MODES.join(', ')}`);
  if (mode === 'skip') {
    console.log('schema: apply skipped (SCHEMA_APPLY_MODE=skip)');
    return;
  }
  try {
    statSync(snapshotPath);
  } catch {
    fail(`snapshot file ${snapshotPath} not found (set SNAPSHOT_PATH)`);
  }

  const client: pg.Client = await waitForDatabase(connectionConfig(), Number(process.env.DB_WAIT_TIMEOUT ?? 60));
  try {
    const bootId = process.env.BOOT_ID ?? null;
    if (mode === 'auto' && (await unchangedSinceLastApply(client))) {
      console.log('schema: snapshot and database unchanged since the last boot; nothing to do');
      await recordState(client, snapshotPath, bootId);
      return;
    }
    applyWithDryRun(argv, mode);
    if (mode === 'auto') await recordState(client, snapshotPath, bootId);
  } finally {
    await client.end();
  }
}

async function unchangedSinceLastApply(client: pg.Client): Promise<boolean> {
  try {
    return (await recordedState(client, snapshotPath)) === (await currentState(client, snapshotPath));
  } catch {
    // No Directus tables yet (bootstrap has not run): the dry run below says what is wrong.
    return false;
  }
}

function applyWithDryRun(argv: string[], mode: (typeof MODES)[number]): void {
  const plan = dryRun();
  if (!plan.changes) return;
  const force = argv.includes('--force') || process.env.SCHEMA_APPLY_FORCE === '1';
  if (plan.deletions.length > 0) {
    if (process.env.NODE_ENV !== 'production' && !force) {
      fail(
        `refusing to apply: it would drop ${plan.deletions.join(', ')} with their data. ` +
          'A stale snapshot is the usual cause: run `npm run schema:snapshot` first if the database is right. ' +
          'If the drop is intended, run again with --force (or SCHEMA_APPLY_FORCE=1).',
      );
    }
    console.warn(`schema: dropping ${plan.deletions.join(', ')}${force ? ' (forced)' : ' (production)'}`);
  }
  if (mode === 'dry-run') {
    console.log('schema: dry run only (SCHEMA_APPLY_MODE=dry-run); nothing applied');
    return;
  }
  const output = cli(['schema', 'apply', '--yes', snapshotPath]);
  if (!/Snapshot applied successfully/.test(output)) fail(`apply did not confirm success:\n${output.trim()}`);
  console.log('schema: snapshot applied');
}

async function recordAfterBoot(): Promise<void> {
  const bootId = process.env.BOOT_ID;
  if (!bootId) fail('record needs BOOT_ID (the entrypoint sets it)');
  const client = await waitForDatabase(connectionConfig(), Number(process.env.DB_WAIT_TIMEOUT ?? 60));
  try {
    await recordFinalState(client, snapshotPath, bootId);
  } finally {
    await client.end();
  }
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'snapshot') snapshot();
else if (command === 'diff') dryRun();
else if (command === 'apply') await apply(rest);
else if (command === 'record') await recordAfterBoot();
else fail('usage: schema.ts <snapshot|diff|apply> [--mode=auto|dry-run|skip] [--force]');
