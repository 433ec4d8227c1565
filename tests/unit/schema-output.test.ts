import { describe, expect, it } from 'vitest';
import { errorLines, ownedTablesIn, parseDryRun } from '../../scripts/lib/schema-output.ts';

// Shaped like the output of `directus schema apply --dry-run` in 11.17.4 (cli/commands/schema/apply).
const dryRun = `The following changes will be applied:

Collections:
  - \u001b[31mDelete\u001b[39m stale_things
  - Create events

Fields:
  - Delete entries.old_notes
  - Update entries.status
    - Set meta.note to x
  - Create events.name

Relations:
  - Delete stale_things.owner → directus_users`;

describe('schema dry-run output', () => {
  it('finds collections and fields the apply would delete', () => {
    expect(parseDryRun(dryRun)).toEqual({ changes: true, deletions: ['stale_things', 'entries.old_notes'] });
  });

  it('knows when there is nothing to do', () => {
    expect(parseDryRun('[12:00:00.000] INFO: No changes to apply.')).toEqual({ changes: false, deletions: [] });
  });

  it('sees errors the CLI logs while exiting 0', () => {
    expect(errorLines(`[12:00:00.000] ERROR: Directus isn't installed on this database.`)).toHaveLength(1);
    expect(errorLines('{"level":50,"msg":"boom"}')).toHaveLength(1);
    expect(errorLines('[12:00:00.000] INFO: Snapshot applied successfully\n[12:00:00.000] WARN: slow')).toEqual([]);
  });
});

describe('db-init tables in a snapshot', () => {
  it('are found wherever the snapshot records them as a collection', () => {
    const yaml = 'collections:\n  - collection: positions\n    meta: null\nfields:\n  - collection: events\n';
    expect(ownedTablesIn(yaml, ['positions', 'migrations_applied'])).toEqual(['positions']);
  });
});
