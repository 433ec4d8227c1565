// Access rules that config/access cannot state by itself:
// - A person's org roles come from `organization_users`. Their Directus role gives the policies of
//   one org role; every other role they hold (registrar in one club, marshal in another) adds that
//   role's policies to the person directly. The policies themselves are scoped to the clubs where
//   the person holds the role (the `as_<role>` lists), so attaching them never opens another club.
// - Directus checks no item rule on create, so the marshal's event window is checked here.
// - A link to another club's item is refused in words before Directus's validation refuses it
//   with a list of every allowed id.
import { defineHook } from '@directus/extensions-sdk';
import type { Accountability, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { CLAIMABLE, CLUB_COLLECTIONS, foreignLinkMessage } from '../../domain/club-links';
import { checkEventWindow } from '../../domain/event-window';
import { ORG_ROLES } from '../../domain/org-roles';
import { actingAs, type DirectusContext } from '../acting-as';
import { RuleViolationError } from '../errors';

type Key = string | number;

interface AccessServiceLike {
  createMany(rows: { user: string; policy: string }[]): Promise<Key[]>;
  deleteMany(keys: Key[]): Promise<Key[]>;
}

// domain/org-roles.ts's orgRoleOf in SQL: "Race director" is race-director.
const ROLE_SLUG = `lower(replace(r.name, ' ', '-'))`;

async function syncPolicies(database: Knex, access: AccessServiceLike, userId: string, leaving: Key[] = []): Promise<void> {
  const held = database('organization_users as m')
    .join('directus_roles as r', database.raw(`${ROLE_SLUG} = m.role`))
    .join('directus_access as a', function joinAccess() {
      this.on('a.role', 'r.id').andOnNull('a.user');
    })
    .where('m.user_id', userId)
    .whereNotIn('m.id', leaving)
    .distinct('a.policy');
  const ownRole = database('directus_access as a').join('directus_users as u', 'u.role', 'a.role').where('u.id', userId).select('a.policy');
  const managed = database('directus_access as a').join('directus_roles as r', 'r.id', 'a.role')
    .whereRaw(`${ROLE_SLUG} = any(?)`, [[...ORG_ROLES]]).select('a.policy');

  const wanted = new Set((await held.whereNotIn('a.policy', ownRole)).map((row: { policy: string }) => row.policy));
  const attached = await database('directus_access').where('user', userId).whereIn('policy', managed).select('id', 'policy');
  const stale = attached.filter((row: { policy: string }) => !wanted.has(row.policy)).map((row: { id: string }) => row.id);
  const present = new Set(attached.map((row: { policy: string }) => row.policy));
  const missing = [...wanted].filter((policy) => !present.has(policy));
  if (stale.length) await access.deleteMany(stale);
  if (missing.length) await access.createMany(missing.map((policy) => ({ user: userId, policy })));
}

interface HookContext {
  database: Knex;
  schema: SchemaOverview | null;
  accountability: Accountability | null;
}

export default defineHook(({ filter, action }, hookContext) => {
  const context = hookContext as unknown as DirectusContext & { services: { AccessService: new (o: object) => AccessServiceLike } };
  const { services, getSchema } = context;
  // Bookkeeping of Directus's own access table, after a membership write that the caller's
  // permissions already allowed: done with full rights on purpose.
  const accessService = async (database: Knex) => new services.AccessService({ knex: database, schema: await getSchema() });
  const usersOf = async (database: Knex, keys: Key[]) =>
    (await database('organization_users').whereIn('id', keys).distinct('user_id')).map((row: { user_id: string }) => row.user_id);

  action('organization_users.items.create', async ({ payload }, { database }: HookContext) => {
    const user = (payload as { user_id?: string }).user_id;
    if (user) await syncPolicies(database, await accessService(database), user);
  });
  action('organization_users.items.update', async ({ keys }, { database }: HookContext) => {
    const access = await accessService(database);
    for (const user of await usersOf(database, keys as Key[])) await syncPolicies(database, access, user);
  });
  filter('organization_users.items.delete', async (keys, _meta, { database, accountability }: HookContext) => {
    // Only for a caller who may delete them; Directus refuses the others after this filter.
    if (!(await actingAs(context, accountability).mayRead('organization_users', keys as Key[]))) return keys;
    const access = await accessService(database);
    for (const user of await usersOf(database, keys as Key[])) await syncPolicies(database, access, user, keys as Key[]);
    return keys;
  });

  const refuseForeignLinks = async (payload: unknown, collection: string, { database, schema, accountability }: HookContext) => {
    if (!CLUB_COLLECTIONS.has(collection) || !schema || !accountability?.user || accountability.admin) return payload;
    const caller = actingAs(context, accountability, database);
    const links = schema.relations.filter((r) => r.collection === collection && r.related_collection && !/^user_(created|updated)$/.test(r.field));
    for (const { field, related_collection: related } of links) {
      const value = (payload as Record<string, unknown>)[field];
      if ((typeof value !== 'string' && typeof value !== 'number') || (await caller.mayRead(related!, [value]))) continue;
      if (CLAIMABLE[collection] === field && !(await database(collection).where(field, value).first())) continue;
      throw new RuleViolationError({ rule: 'link_outside_club', reason: foreignLinkMessage(related!, field) });
    }
    return payload;
  };
  filter('items.create', (payload, meta, ctx) => refuseForeignLinks(payload, (meta as { collection: string }).collection, ctx as HookContext));
  filter('items.update', (payload, meta, ctx) => refuseForeignLinks(payload, (meta as { collection: string }).collection, ctx as HookContext));

  filter('entry_crossings.items.create', async (payload, _meta, { database, accountability }: HookContext) => {
    const entryId = (payload as { entry_id?: string }).entry_id;
    const user = accountability?.user;
    if (!user || accountability?.admin || typeof entryId !== 'string') return payload;
    // Say nothing about an entry the caller may not see: Directus refuses that create itself.
    if (!(await actingAs(context, accountability).mayRead('entries', [entryId]))) return payload;
    const event = await database('entries as e').join('events as ev', 'ev.id', 'e.event_id').where('e.id', entryId)
      .first('ev.name', 'ev.starts_at', 'ev.ends_at', 'ev.organization_id');
    const roles = (await database('organization_users').where({ user_id: user, organization_id: event.organization_id }).select('role'))
      .map((row: { role: string }) => row.role);
    if (roles.includes('org-admin') || !roles.includes('marshal')) return payload;
    const check = checkEventWindow(event, new Date());
    if (!check.ok) throw new RuleViolationError({ rule: 'marshal_event_window', reason: check.reason });
    return payload;
  });
});
