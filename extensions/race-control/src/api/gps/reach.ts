// Rights first: what the caller may reach is read through Directus as the caller (own memberships
// and own crew places, which every signed-in person may read), before any SQL touches devices or
// positions; every later query is limited to that reach, so it can only ever find what the caller
// may see.
import type { Accountability } from '@directus/types';
import type { Knex } from 'knex';
import { checkImei } from '../../domain/imei';
import { reachOf, seesAnyTrack, type Membership, type Reach } from '../../domain/gps/rights';
import { actingAs, type DirectusContext } from '../acting-as';
import { bad, forbidden, notFound } from './errors';

export interface GpsContext extends DirectusContext {
  database: Knex;
  env: Record<string, unknown>;
}

interface Query {
  readByQuery(q: Record<string, unknown>): Promise<Record<string, unknown>[]>;
}

/** A collection the caller may not read at all is an empty reach, anything else a real error. */
function refused(error: unknown): Record<string, unknown>[] {
  if ((error as { code?: string }).code === 'FORBIDDEN') return [];
  throw error;
}

export async function callerReach(context: GpsContext, accountability: Accountability | null): Promise<Reach> {
  const caller = actingAs(context, accountability);
  caller.requireUser();
  if (accountability?.admin) return reachOf(true, [], []);
  // Services take no dynamic variables ($CURRENT_USER is the REST layer's): the id itself.
  const mine = { user_id: { _eq: accountability?.user } };
  const [memberships, crew] = await Promise.all([
    ((await caller.items('organization_users')) as unknown as Query).readByQuery({ filter: mine, fields: ['organization_id', 'role'], limit: -1 }).catch(refused),
    ((await caller.items('entry_crew')) as unknown as Query).readByQuery({ filter: mine, fields: ['entry_id'], limit: -1 }).catch(refused),
  ]);
  const reach = reachOf(false, memberships as unknown as Membership[], crew.map((c) => String(c.entry_id)));
  if (!seesAnyTrack(reach)) throw forbidden('Your role does not show GPS positions (tracks are for race officials and for each crew\'s own trackers).');
  return reach;
}

export interface DeviceOnEntry {
  device_id: string;
  entry_id: string;
  purpose: string | null;
  race_number: number | null;
  event_id: string;
  organization_id: string;
  vehicle_kind: string | null;
  class_code: string | null;
}

const DEVICE_SQL = `
  SELECT d.imei AS device_id, ed.entry_id, ed.purpose, e.race_number, e.event_id, ev.organization_id, v.kind AS vehicle_kind, c.code AS class_code
  FROM devices d
  JOIN entry_devices ed ON ed.device_id = d.id
  JOIN entries e ON e.id = ed.entry_id
  JOIN events ev ON ev.id = e.event_id
  LEFT JOIN vehicles v ON v.id = e.vehicle_id
  LEFT JOIN classes c ON c.id = e.class_id`;

/** `WHERE` part limiting rows to the caller's reach (bindings appended to `b`). */
export function withinReach(reach: Reach, b: unknown[], flag = false): string {
  if (reach.admin) return 'true';
  b.push(flag ? reach.flagOrgs : reach.readOrgs, flag ? [] : reach.crewEntries);
  return '(ev.organization_id = ANY(?::uuid[]) OR e.id = ANY(?::uuid[]))';
}

export function requireImei(value: unknown): string {
  const imei = typeof value === 'string' ? value.trim() : '';
  if (!imei) throw bad('Say which tracker: device_id is its IMEI (15 digits).');
  const check = checkImei(imei);
  if (!check.ok) throw bad(`device_id: ${check.reason}.`);
  return imei;
}

/** The entry a tracker is on, of the event around `at` (latest otherwise), within the caller's reach. */
export async function deviceOnEntry(db: Knex, reach: Reach, imei: string, at: Date | null, flag = false): Promise<DeviceOnEntry> {
  const b: unknown[] = [imei];
  const where = withinReach(reach, b, flag);
  b.push(at ? at.toISOString() : null);
  const { rows } = await db.raw(`${DEVICE_SQL} WHERE d.imei = ? AND ${where}
    ORDER BY (?::timestamptz BETWEEN ev.starts_at - interval '2 days' AND ev.ends_at + interval '2 days') DESC NULLS LAST, ev.starts_at DESC LIMIT 1`, b);
  const row = rows[0] as DeviceOnEntry | undefined;
  if (!row) throw notFound(`No tracker with IMEI ${imei} on an entry you may see${flag ? ' and flag' : ''}.`);
  return row;
}

export async function devicesOfEntry(db: Knex, reach: Reach, entryId: string): Promise<DeviceOnEntry[]> {
  if (!/^[0-9a-f-]{36}$/i.test(entryId)) throw bad(`entry_id must be an entry's id (a UUID); got "${entryId}".`);
  const b: unknown[] = [entryId];
  const where = withinReach(reach, b);
  const { rows } = await db.raw(`${DEVICE_SQL} WHERE e.id = ? AND ${where}
    ORDER BY array_position(ARRAY['primary','backup','panic'], ed.purpose::text), d.imei`, b);
  if (!rows.length) throw notFound(`No entry ${entryId} with trackers that you may see.`);
  return rows as DeviceOnEntry[];
}
