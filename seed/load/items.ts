// Idempotent loading through the Directus API: an item is found by its natural key (slug, e-mail,
// IMEI, race number, …) and created only when missing, so a second seed run changes nothing and
// every create meets the same validation and rules as a registrar's.
import { createItems, createUsers, readItems, readUsers, type DirectusClient, type RestClient } from '@directus/sdk';

// The loader works on many collections generically; item shapes are checked by the API itself.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Api = DirectusClient<any> & RestClient<any>;
export type Item = Record<string, unknown> & { id: string };

export interface Tally {
  collection: string;
  total: number;
  created: number;
}

const CHUNK = 50;

/** Every wanted item by its key, and which keys this run created. */
export type Loaded = Map<string, Item> & { createdKeys: Set<string> };

export async function ensure(
  api: Api,
  collection: string,
  wanted: Record<string, unknown>[],
  key: (item: Record<string, unknown>) => string,
  scope: Record<string, unknown> = {},
  tallies?: Tally[],
): Promise<Loaded> {
  const read = collection === 'directus_users' ? readUsers : (q: object) => readItems(collection as never, q as never);
  const existing = (await api.request(read({ filter: scope, limit: -1, fields: ['*'] } as never))) as Item[];
  const byKey = new Map(existing.map((item) => [key(item), item]));
  const missing = wanted.filter((w) => !byKey.has(key(w)));
  for (let i = 0; i < missing.length; i += CHUNK) {
    const chunk = missing.slice(i, i + CHUNK);
    const created = (await api.request(collection === 'directus_users' ? createUsers(chunk as never) : createItems(collection, chunk as never))) as Item[];
    // Nested payloads come back as ids; keep the wanted fields for the key.
    created.forEach((item, k) => byKey.set(key({ ...chunk[k], ...item }), { ...chunk[k], ...item }));
  }
  tallies?.push({ collection, total: wanted.length, created: missing.length });
  return Object.assign(byKey, { createdKeys: new Set(missing.map(key)) });
}

export function printTallies(tallies: Tally[]): void {
  const merged = new Map<string, Tally>();
  for (const t of tallies) {
    const m = merged.get(t.collection) ?? { collection: t.collection, total: 0, created: 0 };
    m.total += t.total;
    m.created += t.created;
    merged.set(t.collection, m);
  }
  for (const t of merged.values()) console.log(`seed: ${t.collection.padEnd(22)} ${String(t.total).padStart(6)} (${t.created} new)`);
}
