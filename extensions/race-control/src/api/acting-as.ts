// How our endpoints and hooks touch data on somebody's behalf: through Directus's own services,
// built with the caller's accountability, so the tenant rules of config/access apply to every path
// we add. A raw SQL path (PostGIS, positions) first proves with `requireRead` that the caller may
// read the items it is about; only then does it query.
import type { Accountability, SchemaOverview } from '@directus/types';
import { ForbiddenError } from '@directus/errors';
import type { Knex } from 'knex';

type Key = string | number;

interface ItemsServiceLike {
  readMany(keys: Key[], query: { fields: string[]; limit: number }): Promise<Record<string, unknown>[]>;
}

export interface DirectusContext {
  services: { ItemsService: new (collection: string, options: { schema: SchemaOverview; accountability: Accountability | null; knex?: Knex }) => ItemsServiceLike };
  getSchema: () => Promise<SchemaOverview>;
}

export interface Caller {
  accountability: Accountability | null;
  /** An ItemsService that sees and may do exactly what the caller may. */
  items(collection: string): Promise<ItemsServiceLike>;
  /** True when the caller may read every one of `keys`. */
  mayRead(collection: string, keys: Key[]): Promise<boolean>;
  /** Throws Directus's 403 unless the caller may read every one of `keys`. */
  requireRead(collection: string, keys: Key[]): Promise<void>;
  /** Throws Directus's 403 for anonymous calls. */
  requireUser(): void;
}

/** `knex`: the transaction of the request being handled, so rows it wrote are visible. */
export function actingAs(context: DirectusContext, accountability: Accountability | null | undefined, knex?: Knex): Caller {
  const service = (collection: string, schema: SchemaOverview) =>
    new context.services.ItemsService(collection, { schema, accountability: caller.accountability, ...(knex ? { knex } : {}) });
  const caller: Caller = {
    accountability: accountability ?? null,
    async items(collection) {
      return service(collection, await context.getSchema());
    },
    async mayRead(collection, keys) {
      // No accountability is Directus itself (a service called without a request): full rights.
      if (!caller.accountability || caller.accountability.admin) return true;
      if (!caller.accountability.user) return false;
      const schema = await context.getSchema();
      const primary = schema.collections[collection]?.primary ?? 'id';
      try {
        const seen = await service(collection, schema).readMany(keys, { fields: [primary], limit: -1 });
        return new Set(seen.map((row) => String(row[primary]))).size === new Set(keys.map(String)).size;
      } catch (error) {
        if ((error as { code?: string }).code === 'FORBIDDEN') return false;
        throw error;
      }
    },
    async requireRead(collection, keys) {
      if (!(await caller.mayRead(collection, keys))) throw new ForbiddenError();
    },
    requireUser() {
      if (!caller.accountability?.user) throw new ForbiddenError();
    },
  };
  return caller;
}
