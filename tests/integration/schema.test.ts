// Schema tooling against real Directus CLI runs on throwaway databases of the test cluster.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ROOT, runInStack, throwawayDatabase, withPg } from '../support/stack.ts';

const committed = readFileSync(path.join(ROOT, 'snapshots', 'schema.yaml'), 'utf8');
const work = mkdtempSync(path.join(tmpdir(), 'schema-'));

/** The committed snapshot plus a collection it lacks, as a stale-snapshot scenario needs. */
function snapshotWithProbe(): string {
  const snapshot = parse(committed);
  const probe = parse(readFileSync(path.join(ROOT, 'tests', 'fixtures', 'probe-collection.yaml'), 'utf8'));
  snapshot.collections.push(...probe.collections);
  snapshot.fields.push(...probe.fields);
  const file = path.join(work, 'with-probe.yaml');
  writeFileSync(file, stringify(snapshot));
  return file;
}

const tableExists = (db: string, table: string) =>
  withPg(db, (c) => c.query('SELECT to_regclass($1) AS t', [table])).then((r) => r.rows[0].t !== null);

describe('a fresh database booted from the committed snapshot', () => {
  let db: Awaited<ReturnType<typeof throwawayDatabase>>;
  beforeAll(async () => {
    db = await throwawayDatabase('schema');
    const boot = runInStack(db.name, ['scripts/entrypoint.sh', 'prepare']);
    expect(boot.output).toContain('[entrypoint] prepared');
  });
  afterAll(() => db.drop());

  it('snapshots back to a byte-identical file with no db-init table in it', async () => {
    expect(await tableExists(db.name, 'positions')).toBe(true);
    const out = path.join(work, 'again.yaml');
    const result = runInStack(db.name, ['scripts/schema.sh', 'snapshot'], { SNAPSHOT_PATH: out });
    expect(result.output).toMatch(/snapshot written to .*again\.yaml \(\d+ bytes\)/);
    expect(readFileSync(out, 'utf8')).toBe(committed);
    expect(committed).not.toMatch(/collection: (positions|migrations_applied)$/m);
  });

  it('keeps db-init tables out even once Directus has metadata for one', async () => {
    // What the admin app records when someone opens an unregistered table.
    await withPg(db.name, (c) => c.query(`INSERT INTO directus_collections (collection) VALUES ('migrations_applied') ON CONFLICT DO NOTHING`));
    const out = path.join(work, 'ghost.yaml');
    runInStack(db.name, ['scripts/schema.sh', 'snapshot'], { SNAPSHOT_PATH: out });
    expect(readFileSync(out, 'utf8')).not.toContain('migrations_applied');
    await withPg(db.name, (c) => c.query(`DELETE FROM directus_collections WHERE collection = 'migrations_applied'`));
  });

  it('skips the dry run while neither the snapshot nor the schema changes, and not after a change', async () => {
    runInStack(db.name, ['scripts/schema.sh', 'apply']);
    expect(runInStack(db.name, ['scripts/schema.sh', 'apply']).stdout).toContain('unchanged since the last boot');
    // An edit in the admin app changes Directus's metadata: the next boot looks again and reverts it.
    await withPg(db.name, (c) => c.query(`UPDATE directus_fields SET note = 'edited by hand' WHERE collection = 'events' AND field = 'name'`));
    const again = runInStack(db.name, ['scripts/schema.sh', 'apply']);
    expect(again.stdout).toMatch(/Update events\.name[\s\S]*schema: snapshot applied/);
    expect(runInStack(db.name, ['scripts/schema.sh', 'apply']).stdout).toContain('unchanged since the last boot');
  });

  it('prints the diff and applies nothing in dry-run mode, and does nothing in skip mode', async () => {
    const file = snapshotWithProbe();
    const dry = runInStack(db.name, ['scripts/schema.sh', 'apply', '--mode=dry-run'], { SNAPSHOT_PATH: file });
    expect(dry.output).toMatch(/Create probe_things/);
    expect(dry.output).toContain('nothing applied');
    const skip = runInStack(db.name, ['scripts/schema.sh', 'apply'], { SNAPSHOT_PATH: file, SCHEMA_APPLY_MODE: 'skip' });
    expect(skip.output).toContain('apply skipped');
    expect(await tableExists(db.name, 'probe_things')).toBe(false);
  });

  it('refuses outside production to drop a collection the snapshot lacks, unless forced', async () => {
    const withProbe = snapshotWithProbe();
    expect(runInStack(db.name, ['scripts/schema.sh', 'apply'], { SNAPSHOT_PATH: withProbe }).status).toBe(0);
    await withPg(db.name, (c) => c.query(`INSERT INTO probe_things DEFAULT VALUES`));

    const refused = runInStack(db.name, ['scripts/schema.sh', 'apply']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/refusing to apply: it would drop probe_things with their data/);
    expect(await tableExists(db.name, 'probe_things')).toBe(true);

    const forced = runInStack(db.name, ['scripts/schema.sh', 'apply', '--force']);
    expect(forced.status).toBe(0);
    expect(await tableExists(db.name, 'probe_things')).toBe(false);
  });

  it('drops without forcing in production, saying so', async () => {
    runInStack(db.name, ['scripts/schema.sh', 'apply'], { SNAPSHOT_PATH: snapshotWithProbe() });
    const result = runInStack(db.name, ['scripts/schema.sh', 'apply'], { NODE_ENV: 'production' });
    expect(result.status).toBe(0);
    expect(result.output).toMatch(/dropping probe_things \(production\)/);
    expect(await tableExists(db.name, 'probe_things')).toBe(false);
  });

  it('fails on a snapshot file that is not a snapshot', () => {
    const bad = path.join(work, 'bad.yaml');
    writeFileSync(bad, 'collections: [unclosed\n');
    const result = runInStack(db.name, ['scripts/schema.sh', 'apply'], { SNAPSHOT_PATH: bad });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/directus schema apply --dry-run .* failed/);
  });
});

describe('schema apply on a database Directus was never installed in', () => {
  it('fails, although the Directus CLI logs the error and exits 0', async () => {
    const db = await throwawayDatabase('noinstall');
    try {
      const result = runInStack(db.name, ['scripts/schema.sh', 'apply']);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/failed \(exit 0\)[\s\S]*isn't installed/);
    } finally {
      await db.drop();
    }
  });
});
