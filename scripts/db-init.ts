// db-init runner: applies db-init/<phase>/NNN_name.sql in order, one transaction per file, and
// records each in the ledger `migrations_applied` with its sha256. Usage: db-init.ts <phase>
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { ROOT } from './lib/paths.ts';
import { connectionConfig, waitForDatabase } from './lib/db.ts';
import { PHASES, type Phase, type MigrationFile, checkName, checkSql, isEmptySql, lineOf, planPhase } from './lib/migrations.ts';

const LEDGER = `CREATE TABLE IF NOT EXISTS migrations_applied (
  filename   text        PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now(),
  checksum   text        NOT NULL
)`;
// Two instances booting together must not apply the same file twice.
const LOCK_ID = 727_001;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function readFiles(dir: string): { files: MigrationFile[]; sql: Map<string, string> } {
  const files: MigrationFile[] = [];
  const sql = new Map<string, string>();
  for (const phase of PHASES) {
    const folder = path.join(dir, phase);
    if (!existsSync(folder)) continue;
    for (const filename of readdirSync(folder).filter((f) => f.endsWith('.sql')).sort()) {
      const nameError = checkName(filename);
      if (nameError) fail(nameError);
      const bytes = readFileSync(path.join(folder, filename));
      const text = bytes.toString('utf8');
      const sqlError = checkSql(filename, text);
      if (sqlError) fail(sqlError);
      files.push({ phase, filename, checksum: createHash('sha256').update(bytes).digest('hex'), empty: isEmptySql(text) });
      sql.set(filename, text);
    }
  }
  return { files, sql };
}

async function applyFile(client: pg.Client, file: MigrationFile, sql: string): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(sql);
    await client.query('INSERT INTO migrations_applied (filename, checksum) VALUES ($1, $2)', [file.filename, file.checksum]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    const e = error as pg.DatabaseError;
    const where = e.position ? ` (line ${lineOf(sql, Number(e.position))})` : '';
    throw new Error(`db-init: ${file.phase}/${file.filename} failed${where}: ${e.message}; nothing of it was applied`, { cause: error });
  }
}

async function main(): Promise<void> {
  const phase = process.argv[2] as Phase;
  if (!PHASES.includes(phase)) fail(`usage: db-init <${PHASES.join('|')}>`);
  const dir = process.env.DB_INIT_DIR ?? path.join(ROOT, 'db-init');
  const { files, sql } = readFiles(dir);

  const client = await waitForDatabase(connectionConfig(), Number(process.env.DB_WAIT_TIMEOUT ?? 60));
  let current = '';
  client.on('notice', (n) => current && console.log(`NOTICE (${current}): ${n.message}`));
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_ID]);
    await client.query(LEDGER);
    const { rows } = await client.query<{ filename: string; checksum: string }>('SELECT filename, checksum FROM migrations_applied');
    const plan = planPhase(phase, files, rows);
    if (!plan.ok) fail(plan.error);
    for (const orphan of plan.orphans) console.warn(`db-init: warning: ${orphan} is in the ledger but in no db-init folder`);
    for (const file of plan.apply) {
      current = file.filename;
      await applyFile(client, file, sql.get(file.filename)!);
      console.log(`db-init: applied ${file.phase}/${file.filename}`);
    }
    console.log(`db-init complete: ${plan.apply.length} applied, ${plan.skip.length} skipped (${phase})`);
  } finally {
    await client.end();
  }
}

main().catch((error: Error) => fail(error.message));
