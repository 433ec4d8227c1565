// The Directus services the registration routes use, built with the caller's accountability (and
// the submit's transaction), so every row is written with the registrar's own permissions.
import type { Accountability, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Key = string;
type Query = Record<string, unknown>;

export interface Service {
  readOne(key: Key, query?: Query): Promise<Record<string, unknown>>;
  readMany(keys: Key[], query?: Query): Promise<Record<string, unknown>[]>;
  readByQuery(query: Query): Promise<Record<string, unknown>[]>;
  createOne(data: Record<string, unknown>, opts?: object): Promise<Key>;
  updateOne(key: Key, data: Record<string, unknown>, opts?: object): Promise<Key>;
  deleteMany(keys: Key[], opts?: object): Promise<Key[]>;
}

type ServiceClass = new (collection: string, options: { schema: SchemaOverview; accountability: Accountability | null; knex?: Knex }) => Service;
type UsersClass = new (options: { schema: SchemaOverview; accountability: Accountability | null; knex?: Knex }) => Service;

export interface RegistrationContext {
  services: { ItemsService: ServiceClass; UsersService: UsersClass };
  getSchema: () => Promise<SchemaOverview>;
  database: Knex;
}

export interface As {
  accountability: Accountability | null;
  schema: SchemaOverview;
  knex: Knex;
  items(collection: string): Service;
  users(): Service;
}

export async function as(context: RegistrationContext, accountability: Accountability | null, knex: Knex = context.database): Promise<As> {
  const schema = await context.getSchema();
  return {
    accountability,
    schema,
    knex,
    items: (collection) => new context.services.ItemsService(collection, { schema, accountability, knex }),
    users: () => new context.services.UsersService({ schema, accountability, knex }),
  };
}

/** Reads that the caller may not make come back empty instead of throwing 403. */
export async function readableIds(service: Service, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  try {
    return new Set((await service.readMany(ids, { fields: ['id'], limit: -1 })).map((r) => String(r.id)));
  } catch (error) {
    if ((error as { code?: string }).code === 'FORBIDDEN') return new Set();
    throw error;
  }
}
