// A whole club made through the admin API for access tests: the organisation, a person of every
// org role (with the Directus role of the same name and a membership), one event with an item in
// every collection, and a participant who crews the entry. Ids are kept per collection so that a
// test can aim at exactly this club's rows.
import { createItem, createUser, readRoles } from '@directus/sdk';
import { randomBytes, randomInt } from 'node:crypto';
import { luhnCheckDigit } from '../../extensions/race-control/src/domain/imei.ts';
import { ORG_ROLES, type OrgRole, orgRoleOf } from '../../extensions/race-control/src/domain/org-roles.ts';
import { type Client } from './api.ts';

export { ORG_ROLES } from '../../extensions/race-control/src/domain/org-roles.ts';

export interface Person {
  id: string;
  email: string;
  password: string;
  phone: string;
}

export interface Club {
  slug: string;
  people: Record<OrgRole, Person>;
  /** One item id per collection, all of this club. */
  ids: Record<string, string>;
  /** A string found in this club's rows only (names, notes), for search. */
  marker: string;
}

export const imei = (): string => {
  const body = `35${String(randomInt(1e12)).padStart(12, '0')}`;
  return body + String(luhnCheckDigit(body));
};

/** A small valid polygon with its south-west corner at (lon, lat). */
export const square = (lon: number, lat: number, d = 0.01) => ({
  type: 'Polygon', coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]],
});

/** `live`: the event runs now (a marshal may write); otherwise it ended in June 2026. */
export async function makeClub(admin: Client, name: string, live: boolean): Promise<Club> {
  const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const slug = `${name.toLowerCase()}-${run}`;
  const marker = `${name}${run}`;
  const roles = (await admin.request(readRoles({ fields: ['id', 'name'], limit: -1 }))) as { id: string; name: string }[];
  const roleId = (r: OrgRole) => roles.find((x) => orgRoleOf(x.name) === r)!.id;
  const create = async (collection: string, item: Record<string, unknown>) =>
    ((await admin.request(createItem(collection as never, item as never))) as unknown as { id: string }).id;

  const ids: Record<string, string> = {};
  ids.organizations = await create('organizations', { name: `${marker} club`, slug });
  const people = {} as Record<OrgRole, Person>;
  for (const role of ORG_ROLES) {
    const person = { email: `${role}.${run}@${slug}.example.org`, password: randomBytes(9).toString('hex'), phone: `+355 6${randomInt(1e8)}` };
    const user = await admin.request(createUser({
      ...person, first_name: marker, last_name: role, status: 'active', role: roleId(role), blood_type: 'A+', birth_date: '1990-01-01',
    } as never));
    people[role] = { ...person, id: user.id as string };
    ids.organization_users = await create('organization_users', { organization_id: ids.organizations, user_id: user.id, role });
  }
  ids.directus_users = people.participant.id;

  const now = Date.now();
  const [starts, ends] = live ? [now - 86_400_000, now + 3 * 86_400_000] : [Date.parse('2026-06-06T06:00:00Z'), Date.parse('2026-06-13T18:00:00Z')];
  ids.events = await create('events', {
    organization_id: ids.organizations, name: `${marker} rally`, slug: `${slug}-rally`, discipline: 'rally',
    starts_at: new Date(starts).toISOString(), ends_at: new Date(ends).toISOString(), notes: marker,
  });
  ids.classes = await create('classes', { event_id: ids.events, code: 'M-1', name: `${marker} moto`, race_number_from: 1, race_number_to: 99 });
  ids.vehicles = await create('vehicles', { kind: 'moto', make: marker, model: '450 Rally' });
  ids.organization_vehicles = await create('organization_vehicles', { organization_id: ids.organizations, vehicle_id: ids.vehicles });
  ids.devices = await create('devices', { imei: imei(), model: 'FMB920', notes: marker });
  ids.organization_devices = await create('organization_devices', { organization_id: ids.organizations, device_id: ids.devices });
  ids.entries = await create('entries', { event_id: ids.events, race_number: 7, class_id: ids.classes, vehicle_id: ids.vehicles, status: 'registered' });
  ids.entry_crew = await create('entry_crew', { entry_id: ids.entries, user_id: people.participant.id, role: 'rider' });
  ids.entry_devices = await create('entry_devices', { entry_id: ids.entries, device_id: ids.devices, purpose: 'primary' });
  // An open stage has what opening needs (an interval and an order), as the stages hook requires.
  ids.stages = await create('stages', { event_id: ids.events, name: `${marker} stage`, sort_order: 1, status: 'open', starts_at: new Date(starts).toISOString(), start_interval_seconds: 60, start_order_strategy: 'manual' });
  ids.geofences = await create('geofences', { event_id: ids.events, name: `${marker} finish`, kind: 'finish', area: square(19.8, 41.3) });
  ids.segments = await create('segments', {
    stage_id: ids.stages, type: 'special-stage', name: `${marker} SS1`, sort_order: 1,
    route: { type: 'LineString', coordinates: [[19.8, 41.3], [19.9, 41.4]] },
  });
  ids.waypoints = await create('waypoints', { segment_id: ids.segments, kind: 'WPM', name: `${marker} WPM`, sort_order: 1, location: { type: 'Point', coordinates: [19.85, 41.35] }, tolerance_meters: 90 });
  ids.speed_limit_zones = await create('speed_limit_zones', { segment_id: ids.segments, name: `${marker} village`, speed_limit_kmh: 50, area: square(19.82, 41.32) });
  ids.penalty_formulas = await create('penalty_formulas', { event_id: ids.events, belongs_to_type: 'event', type: 'speeding', operator: 'fixed', penalty: 60, enabled: true, source: marker });
  ids.entry_segment_starts = await create('entry_segment_starts', { entry_id: ids.entries, segment_id: ids.segments, start_position: 1, target_at: new Date(starts).toISOString() });
  ids.entry_crossings = await create('entry_crossings', { entry_id: ids.entries, geofence_id: ids.geofences, ts: new Date(starts).toISOString(), direction: 'enter' });
  ids.entry_penalties = await create('entry_penalties', { entry_id: ids.entries, segment_id: ids.segments, type: 'speeding', seconds: 60, status: 'computed', override_reason: marker });
  ids.stage_results = await create('stage_results', { entry_id: ids.entries, stage_id: ids.stages, raw_seconds: 3600, total_seconds: 3660, status: 'provisional' });
  return { slug, people, ids, marker };
}
