// The db-init runner against real PostgreSQL: each test gets its own empty database in the test
// cluster and its own copy of db-init/, so failure paths can be staged without touching the stack.
import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync, appendFileSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, dbEnv, run, throwawayDatabase, withPg } from '../support/stack.ts';

let db: Awaited<ReturnType<typeof throwawayDatabase>>;
let dir: string;

beforeEach(async () => {
  db = await throwawayDatabase('dbinit');
  dir = mkdtempSync(path.join(tmpdir(), 'db-init-'));
  cpSync(path.join(ROOT, 'db-init'), dir, { recursive: true });
});
afterEach(async () => {
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

const dbInit = (phase: string, env: Record<string, string> = {}) =>
  run('scripts/apply-db-init.sh', [phase], { ...dbEnv(db.name), DB_INIT_DIR: dir, ...env });

/** Everything a failed run could have left behind: tables, columns, indexes and the ledger. */
async function databaseState(): Promise<string> {
  return withPg(db.name, async (c) => {
    const objects = await c.query(`SELECT table_name || '.' || column_name AS o FROM information_schema.columns WHERE table_schema = 'public'
      UNION ALL SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`);
    const ledger = await c.query('SELECT filename, checksum FROM migrations_applied ORDER BY filename').catch(() => ({ rows: [] }));
    return JSON.stringify({ objects: objects.rows, ledger: ledger.rows });
  });
}

describe('db-init on a fresh database', () => {
  it('creates positions exactly as domain.md describes and records each file with its sha256', async () => {
    const result = dbInit('pre-schema');
    expect(result.output).toContain('db-init complete: 3 applied, 0 skipped');
    expect(result.status).toBe(0);

    await withPg(db.name, async (c) => {
      const columns = await c.query(`SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns
        WHERE table_name = 'positions' ORDER BY ordinal_position`);
      expect(columns.rows.map((r) => `${r.column_name} ${r.data_type}`)).toEqual([
        'device_id text', 'ts timestamp with time zone', 'latitude double precision', 'longitude double precision',
        'altitude real', 'angle real', 'speed real', 'satellites smallint', 'priority smallint', 'attributes jsonb',
        'codec text', 'ingested_at timestamp with time zone', 'faulty boolean',
      ]);
      const faulty = columns.rows.find((r) => r.column_name === 'faulty');
      expect(faulty).toMatchObject({ is_nullable: 'NO', column_default: 'false' });

      const indexes = await c.query(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'positions'`);
      const byName = Object.fromEntries(indexes.rows.map((r) => [r.indexname, r.indexdef]));
      expect(byName.positions_device_id_ts_key).toMatch(/UNIQUE INDEX .* \(device_id, ts\)/);
      expect(byName.positions_good_device_ts_idx).toMatch(/\(device_id, ts DESC\) WHERE \(NOT faulty\)/);

      // The unique index is the row identity: a second fix at the same instant is refused.
      await c.query(`INSERT INTO positions (device_id, ts, latitude, longitude) VALUES ('490154203237518', '2026-06-07T08:00:00Z', 42.07, 19.51)`);
      await expect(c.query(`INSERT INTO positions (device_id, ts) VALUES ('490154203237518', '2026-06-07T08:00:00Z')`)).rejects.toThrow(/duplicate key/);

      const postgis = await c.query(`SELECT extversion FROM pg_extension WHERE extname = 'postgis'`);
      expect(postgis.rows).toHaveLength(1);

      const ledger = await c.query('SELECT filename, checksum FROM migrations_applied ORDER BY filename');
      const sha = (f: string) => createHash('sha256').update(readFileSync(path.join(dir, 'pre-schema', f))).digest('hex');
      expect(ledger.rows).toEqual(['001_extensions.sql', '002_positions.sql', '003_positions_faulty.sql'].map((filename) => ({ filename, checksum: sha(filename) })));
    });
  });

  it('says why there is no hypertable when TimescaleDB is missing', () => {
    expect(dbInit('pre-schema').output).toMatch(/NOTICE \(001_extensions\.sql\): timescaledb is not available/);
  });

  it('applies nothing the second time', () => {
    dbInit('pre-schema');
    const again = dbInit('pre-schema');
    expect(again.status).toBe(0);
    expect(again.output).toContain('db-init complete: 0 applied, 3 skipped');
  });

  it('keeps every shipped file safe to re-run by hand', async () => {
    dbInit('pre-schema');
    await withPg(db.name, async (c) => {
      for (const f of ['001_extensions.sql', '002_positions.sql', '003_positions_faulty.sql']) {
        await c.query(readFileSync(path.join(ROOT, 'db-init', 'pre-schema', f), 'utf8'));
      }
    });
  });

  it('lets two instances boot at once and applies each file once', async () => {
    const [a, b] = await Promise.all([0, 1].map(() => new Promise<string>((resolve) => {
      import('node:child_process').then(({ execFile }) =>
        execFile('scripts/apply-db-init.sh', ['pre-schema'], { cwd: ROOT, env: { ...process.env, ...dbEnv(db.name), DB_INIT_DIR: dir } }, (_e, out, err) => resolve(out + err)));
    })));
    const applied = [a, b].map((o) => /(\d) applied/.exec(o!)?.[1]).sort();
    expect(applied).toEqual(['0', '3']);
  });
});

describe('db-init refuses and leaves the database unchanged', () => {
  beforeEach(() => {
    expect(dbInit('pre-schema').status).toBe(0);
  });

  it('when an applied file was edited', async () => {
    const before = await databaseState();
    appendFileSync(path.join(dir, 'pre-schema', '002_positions.sql'), '\nCREATE INDEX IF NOT EXISTS sneaky ON positions (speed);\n');
    const result = dbInit('pre-schema');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/002_positions\.sql changed after it was applied/);
    expect(await databaseState()).toBe(before);
  });

  it('when a new file sorts before an applied one', async () => {
    const before = await databaseState();
    writeFileSync(path.join(dir, 'pre-schema', '000_a_late_idea.sql'), 'CREATE TABLE late_idea (id int);\n');
    const result = dbInit('pre-schema');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/000_a_late_idea\.sql is new but sorts before 003_positions_faulty\.sql/);
    expect(await databaseState()).toBe(before);
  });

  it('when a file has broken SQL, naming it and the line, with nothing of it kept', async () => {
    const before = await databaseState();
    writeFileSync(path.join(dir, 'pre-schema', '004_broken.sql'), 'CREATE TABLE half_done (id int);\nCREATE TABLE broken (\n');
    const result = dbInit('pre-schema');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/pre-schema\/004_broken\.sql failed \(line \d\): syntax error/);
    expect(await databaseState()).toBe(before);
  });

  it('when a file controls its own transaction', async () => {
    writeFileSync(path.join(dir, 'pre-schema', '004_tx.sql'), 'BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;\n');
    const result = dbInit('pre-schema');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/004_tx\.sql contains BEGIN\/COMMIT/);
  });

  it('when the same file name is in both phases', async () => {
    writeFileSync(path.join(dir, 'post-schema', '003_positions_faulty.sql'), 'SELECT 1;\n');
    const result = dbInit('post-schema');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/003_positions_faulty\.sql exists in both pre-schema\/ and post-schema\//);
  });

  it('when a file is misnamed', async () => {
    writeFileSync(path.join(dir, 'post-schema', '7_fix.sql'), 'SELECT 1;\n');
    const result = dbInit('post-schema');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/7_fix\.sql is not named NNN_name\.sql/);
  });
});

// The case: a file that inserts a row is applied, then renamed to fix its name (or moved to
// a new number). Re-running it would insert the row twice; the boot must stop before anything runs.
describe('db-init refuses a renamed or copied applied file, in both phases', () => {
  const makeT = 'CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\n';
  const rowsOfT = () => withPg(db.name, async (c) => (await c.query('SELECT count(*)::int AS n FROM t')).rows[0].n);
  const cases = [
    { phase: 'pre-schema', applied: '004_make_t.sql', renamed: '004_create_t.sql', why: /has the number 004 of 004_make_t\.sql, which is already applied/ },
    { phase: 'pre-schema', applied: '004_make_t.sql', renamed: '005_make_t.sql', why: /has the same content \(sha256 \w+…\) as 004_make_t\.sql, which is already applied/ },
    { phase: 'post-schema', applied: '100_make_t.sql', renamed: '100_create_t.sql', why: /has the number 100 of 100_make_t\.sql, which is already applied/ },
    { phase: 'post-schema', applied: '100_make_t.sql', renamed: '107_make_t.sql', why: /has the same content \(sha256 \w+…\) as 100_make_t\.sql, which is already applied/ },
  ];

  it.each(cases)('$phase: $applied renamed to $renamed stops the boot naming both, t keeps one row', async ({ phase, applied, renamed, why }) => {
    // Post-schema gets only the probe: the real files need the tables that schema apply creates.
    rmSync(path.join(dir, 'post-schema'), { recursive: true });
    mkdirSync(path.join(dir, 'post-schema'));
    writeFileSync(path.join(dir, phase, applied), makeT);
    expect(dbInit('pre-schema').status).toBe(0);
    expect(dbInit('post-schema').status).toBe(0);
    const before = await databaseState();

    renameSync(path.join(dir, phase, applied), path.join(dir, phase, renamed));
    for (const run of ['pre-schema', 'post-schema']) {
      const result = dbInit(run);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(why);
      expect(result.stderr).toContain(`${phase}/${renamed}`);
      expect(result.stderr).toMatch(new RegExp(`Rename it back to ${applied.replace('.', '\\.')}.*new file`));
    }
    expect(await rowsOfT()).toBe(1);
    expect(await databaseState()).toBe(before);
  });

  it('refuses a new file with no statement, saying so, and records nothing', async () => {
    expect(dbInit('pre-schema').status).toBe(0);
    const before = await databaseState();
    writeFileSync(path.join(dir, 'pre-schema', '004_later.sql'), '-- to do: the lap table\n/* maybe */\n');
    const result = dbInit('pre-schema');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/pre-schema\/004_later\.sql has no SQL statement \(empty or only comments\).*Write its SQL, or delete it/);
    expect(await databaseState()).toBe(before);
  });
});

describe('db-init post-schema phase', () => {
  it('shares the ledger with pre-schema', async () => {
    dbInit('pre-schema');
    // Only a probe in post-schema: the real files need the tables that schema apply creates.
    rmSync(path.join(dir, 'post-schema'), { recursive: true });
    mkdirSync(path.join(dir, 'post-schema'));
    writeFileSync(path.join(dir, 'post-schema', '100_probe.sql'), 'CREATE TABLE IF NOT EXISTS probe (id int);\n');
    const result = dbInit('post-schema');
    expect(result.output).toContain('db-init complete: 1 applied, 0 skipped (post-schema)');
    const rows = await withPg(db.name, (c) => c.query('SELECT count(*)::int AS n FROM migrations_applied'));
    expect(rows.rows[0].n).toBe(4);
  });
});

describe('db-init waits for the database', () => {
  it('and gives up after DB_WAIT_TIMEOUT with a message that says what to check', () => {
    const result = dbInit('pre-schema', { DB_PORT: '1', DB_WAIT_TIMEOUT: '1' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/not reachable after 1s .*Is PostgreSQL running\?/);
  });
});
