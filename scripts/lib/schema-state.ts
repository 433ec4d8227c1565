// What the last successful boot left: the snapshot's sha256 and a fingerprint of the database
// schema. When both are unchanged the boot skips the Directus dry run (about 3 s of a 10 s warm
// boot); any edit to the snapshot, or to the schema in the admin app, runs it again. The apply
// records its state under the boot's id; post-schema SQL then changes indexes, so the entrypoint
// records the final state once more, but only for a boot whose apply succeeded.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';

const TABLE = `CREATE TABLE IF NOT EXISTS schema_applied (
  snapshot   text        PRIMARY KEY,
  checksum   text        NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  boot_id    text
)`;

// Directus's schema metadata plus the tables, columns, indexes and constraints it reads.
const FINGERPRINT = `SELECT md5(coalesce(string_agg(x, '|' ORDER BY x), '')) AS fp FROM (
  SELECT 'c' || row_to_json(c)::text AS x FROM directus_collections c
  UNION ALL SELECT 'f' || row_to_json(f)::text FROM directus_fields f
  UNION ALL SELECT 'r' || row_to_json(r)::text FROM directus_relations r
  UNION ALL SELECT 't' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '')
    FROM information_schema.columns WHERE table_schema = 'public'
  UNION ALL SELECT 'i' || indexdef FROM pg_indexes WHERE schemaname = 'public'
  UNION ALL SELECT 'k' || conrelid::regclass::text || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
) s`;

export async function currentState(client: pg.Client, snapshotPath: string): Promise<string> {
  const sha = createHash('sha256').update(readFileSync(snapshotPath)).digest('hex');
  const { rows } = await client.query<{ fp: string }>(FINGERPRINT);
  return `${sha}:${rows[0]!.fp}`;
}

export async function recordedState(client: pg.Client, snapshotPath: string): Promise<string | null> {
  await client.query(TABLE);
  const { rows } = await client.query<{ checksum: string }>('SELECT checksum FROM schema_applied WHERE snapshot = $1', [path.basename(snapshotPath)]);
  return rows[0]?.checksum ?? null;
}

export async function recordState(client: pg.Client, snapshotPath: string, bootId: string | null): Promise<void> {
  await client.query(TABLE);
  await client.query(
    `INSERT INTO schema_applied (snapshot, checksum, boot_id) VALUES ($1, $2, $3)
     ON CONFLICT (snapshot) DO UPDATE SET checksum = EXCLUDED.checksum, boot_id = EXCLUDED.boot_id, applied_at = now()`,
    [path.basename(snapshotPath), await currentState(client, snapshotPath), bootId],
  );
}

/** After post-schema SQL: the state the boot leaves, if this boot's apply succeeded. */
export async function recordFinalState(client: pg.Client, snapshotPath: string, bootId: string): Promise<boolean> {
  await client.query(TABLE);
  const { rowCount } = await client.query('UPDATE schema_applied SET checksum = $1 WHERE snapshot = $2 AND boot_id = $3',
    [await currentState(client, snapshotPath), path.basename(snapshotPath), bootId]);
  return rowCount === 1;
}
