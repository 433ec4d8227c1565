import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_RULES, describeCheckViolation, describeReferences, describeUniqueViolation } from '../../extensions/race-control/src/domain/rules.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const postSchema = path.join(ROOT, 'db-init', 'post-schema');
const sql = readdirSync(postSchema).map((f) => readFileSync(path.join(postSchema, f), 'utf8')).join('\n');

describe('rule words', () => {
  it('exist for every check and trigger rule in the post-schema SQL, and for nothing else', () => {
    const named = new Set([
      ...[...sql.matchAll(/CONSTRAINT = '(\w+)'/g)].map((m) => m[1]!),
      ...[...sql.matchAll(/\['\w+', '(\w+)', '/g)].map((m) => m[1]!),
    ]);
    expect(named.size).toBeGreaterThan(15);
    expect([...named].sort()).toEqual(Object.keys(CHECK_RULES).sort());
  });

  it('replace PostgreSQL’s check message, behind knex’s statement prefix', () => {
    const raw = 'insert into "events" ("a") values ($1) - new row for relation "events" violates check constraint "events_ends_after_start"';
    expect(describeCheckViolation('events_ends_after_start', raw)).toEqual({ rule: 'events_ends_after_start', message: 'An event must end after it starts' });
  });

  it('keep a trigger’s own, more precise words', () => {
    const raw = 'insert into "entries" ("a") values ($1) - Race number 150 is outside the range of class M-1 (1 to 99)';
    expect(describeCheckViolation('entries_race_number_in_class_range', raw)?.message).toBe('Race number 150 is outside the range of class M-1 (1 to 99)');
  });

  it('leave unknown constraints to Directus', () => {
    expect(describeCheckViolation('someone_elses_check', 'x')).toBeNull();
    expect(describeCheckViolation(undefined, 'x')).toBeNull();
  });

  it('name a duplicate by the column a registrar would change', () => {
    expect(describeUniqueViolation('entries', 'race_number, event_id', undefined)?.message).toBe('This race number is already taken in this event');
    expect(describeUniqueViolation('devices', 'imei', '490154203237518')?.message).toBe('A tracker with IMEI 490154203237518 is already registered');
    expect(describeUniqueViolation('notes', 'title', 'x')).toBeNull();
  });

  it('say what still uses an item that cannot be deleted', () => {
    expect(describeReferences('vehicle', [{ collection: 'entries', count: 2 }, { collection: 'organization_vehicles', count: 0 }])?.message)
      .toBe('This vehicle cannot be deleted: it is still used by entries (2). Remove those links first (nothing is deleted along with it)');
    expect(describeReferences('vehicle', [{ collection: 'entries', count: 0 }])).toBeNull();
  });
});
