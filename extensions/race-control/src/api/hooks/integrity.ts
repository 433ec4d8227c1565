// Turns the database's rule violations into messages a registrar or race director can act on,
// and checks deletes before the database refuses them, so nobody meets a bare 500.
import { defineHook } from '@directus/extensions-sdk';
import type { Accountability, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { checkImei } from '../../domain/imei';
import { ITEM_KINDS } from '../../domain/club-links';
import { describeCheckViolation, describeReferences, describeUniqueViolation } from '../../domain/rules';
import { actingAs, type DirectusContext } from '../acting-as';
import { RuleViolationError } from '../errors';

interface DatabaseError {
  code?: string;
  constraint?: string;
  message?: string;
  extensions?: { collection?: string; field?: string; value?: unknown };
}

async function references(database: Knex, schema: SchemaOverview, collection: string, keys: (string | number)[]) {
  const pointing = schema.relations.filter((r) => r.related_collection === collection && r.schema?.on_delete !== 'SET NULL');
  return Promise.all(
    pointing.map(async (r) => {
      const row = await database(r.collection).whereIn(r.field, keys).count({ n: '*' }).first();
      return { collection: r.collection, count: Number(row?.n ?? 0) };
    }),
  );
}

function refuseImei(payload: Record<string, unknown>): void {
  if (typeof payload.imei !== 'string') return;
  const check = checkImei(payload.imei);
  if (!check.ok) throw new RuleViolationError({ rule: 'devices_imei_valid', reason: check.reason });
}

export default defineHook(({ filter }, context) => {
  filter('database.error', (error) => {
    const e = error as DatabaseError;
    if (e.code === '23514') {
      const violation = describeCheckViolation(e.constraint, e.message ?? '');
      if (violation) return new RuleViolationError({ rule: violation.rule, reason: violation.message });
    }
    if (e.code === 'RECORD_NOT_UNIQUE' && e.extensions?.collection && e.extensions.field) {
      const violation = describeUniqueViolation(e.extensions.collection, e.extensions.field, e.extensions.value);
      if (violation) return new RuleViolationError({ rule: violation.rule, reason: violation.message });
    }
    return error;
  });

  // The precise IMEI message (which digit is wrong) before the database's generic check.
  filter('devices.items.create', (payload) => {
    refuseImei(payload as Record<string, unknown>);
    return payload;
  });
  filter('devices.items.update', (payload) => {
    refuseImei(payload as Record<string, unknown>);
    return payload;
  });

  const guardDelete = (collection: string) => async (
    keys: unknown, _meta: unknown, { database, schema, accountability }: { database: Knex; schema: SchemaOverview | null; accountability: Accountability | null },
  ) => {
    if (!schema || !Array.isArray(keys) || keys.length === 0) return keys;
    // Counting references is for callers who may see the items; Directus refuses the others next.
    if (!(await actingAs(context as unknown as DirectusContext, accountability).mayRead(collection, keys))) return keys;
    const violation = describeReferences(ITEM_KINDS[collection] ?? 'item', await references(database, schema, collection, keys));
    if (violation) throw new RuleViolationError({ rule: violation.rule, reason: violation.message });
    return keys;
  };
  for (const collection of Object.keys(ITEM_KINDS)) {
    filter(collection === 'directus_users' ? 'users.delete' : `${collection}.items.delete`, guardDelete(collection));
  }
});
