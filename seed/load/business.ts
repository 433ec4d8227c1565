// Rally Albania 2026's business data through the API: organiser, event, classes, penalty table,
// staff and participants with their memberships, vehicles, trackers and entries.
import { CLASSES, EVENT, ORGANISER, PENALTY_FORMULAS } from '../rally-albania-2026/event.ts';
import type { EntrySeed } from '../rally-albania-2026/roster.ts';
import { DEMO_PARTICIPANT_RACE_NUMBER, STAFF } from '../rally-albania-2026/staff.ts';
import { type Api, type Item, type Tally, ensure } from './items.ts';
import { readRoles, readUsers, updateUsers } from '@directus/sdk';
import { type OrgRole, orgRoleOf } from '../../extensions/race-control/src/domain/org-roles.ts';

export interface Business {
  organization: Item;
  event: Item;
  classes: Map<string, Item>;
  entries: Map<string, Item>;
  devices: Map<string, Item>;
}

const REGISTERED_AT = '2026-04-01T09:00:00Z';

export async function loadBusiness(api: Api, roster: EntrySeed[], demoPassword: string, tallies: Tally[]): Promise<Business> {
  const organization = (await ensure(api, 'organizations', [ORGANISER], (o) => String(o.slug), {}, tallies)).get(ORGANISER.slug)!;
  const org = organization.id;
  const event = (await ensure(api, 'events', [{ ...EVENT, organization_id: org }], (e) => String(e.slug), { organization_id: { _eq: org } }, tallies)).get(EVENT.slug)!;
  const inEvent = { event_id: { _eq: event.id } };

  const classes = await ensure(api, 'classes', CLASSES.map((c, i) => ({ ...c, event_id: event.id, sort_order: i + 1 })), (c) => String(c.code), inEvent, tallies);
  await ensure(
    api, 'penalty_formulas',
    PENALTY_FORMULAS.map((p) => ({ ...p, event_id: event.id, belongs_to_type: 'event', enabled: true, retroactive: false })),
    (p) => `${p.type}|${p.operator}|${p.offence_min ?? ''}|${p.belongs_to_type}`, inEvent, tallies,
  );

  // People: staff with the stack's demo password, participants without one (they do not log in),
  // except the demo participant.
  const demoParticipant = roster.find((e) => e.race_number === DEMO_PARTICIPANT_RACE_NUMBER)!.crew[0]!.person.email;
  const participants = roster.flatMap((e) => e.crew.map((c) => c.person));
  const users = await ensure(
    api, 'directus_users',
    [
      ...STAFF.map(({ role: _role, ...s }) => ({ ...s, password: demoPassword, status: 'active' })),
      ...participants.map((p) => ({ ...p, status: 'active', ...(p.email === demoParticipant ? { password: demoPassword } : {}) })),
    ],
    (u) => String(u.email), { email: { _in: [...STAFF.map((s) => s.email), ...participants.map((p) => p.email)] } }, tallies,
  );
  const userId = (email: string) => users.get(email)!.id;
  await ensure(
    api, 'organization_users',
    [...STAFF.map((s) => ({ organization_id: org, user_id: userId(s.email), role: s.role })),
     ...participants.map((p) => ({ organization_id: org, user_id: userId(p.email), role: 'participant' }))],
    (m) => String(m.user_id), { organization_id: { _eq: org } }, tallies,
  );
  await assignRoles(api, [...STAFF.map((s) => [userId(s.email), s.role] as const), ...participants.map((p) => [userId(p.email), 'participant'] as const)]);

  const vehicles = await ensure(
    api, 'vehicles',
    roster.map(({ vehicle: { kind, make, model, year, cc, cylinders, drive, vin, plate } }) => ({ kind, make, model, year, cc, cylinders, drive, vin, plate })),
    (v) => String(v.vin), { vin: { _starts_with: 'RA26' } }, tallies,
  );
  await ensure(api, 'organization_vehicles', [...vehicles.values()].map((v) => ({ organization_id: org, vehicle_id: v.id, registered_at: REGISTERED_AT })),
    (l) => String(l.vehicle_id), { organization_id: { _eq: org } }, tallies);

  const trackers = roster.flatMap((e) => e.trackers);
  const devices = await ensure(
    api, 'devices',
    trackers.map(({ imei, model, serial_number, sim_iccid }) => ({ imei, model, serial_number, sim_iccid })),
    (d) => String(d.imei), { imei: { _in: trackers.map((t) => t.imei) } }, tallies,
  );
  await ensure(api, 'organization_devices', [...devices.values()].map((d) => ({ organization_id: org, device_id: d.id, registered_at: REGISTERED_AT })),
    (l) => String(l.device_id), { organization_id: { _eq: org } }, tallies);

  // One request per entry chunk, crew and trackers nested: each entry is written whole or not at all.
  const entries = await ensure(
    api, 'entries',
    roster.map((e) => ({
      event_id: event.id,
      race_number: e.race_number,
      class_id: classes.get(e.class_code)!.id,
      vehicle_id: vehicles.get(e.vehicle.vin)!.id,
      status: e.status,
      crew: e.crew.map((c) => ({ user_id: userId(c.person.email), role: c.role })),
      devices: e.trackers.map((t) => ({
        device_id: devices.get(t.imei)!.id,
        purpose: t.purpose,
        assigned_user_id: t.wornBy === null ? null : userId(e.crew[t.wornBy]!.person.email),
      })),
    })),
    (e) => String(e.race_number), inEvent, tallies,
  );
  const made = roster.filter((e) => entries.createdKeys.has(String(e.race_number)));
  tallies.push({ collection: 'entry_crew', total: roster.reduce((n, e) => n + e.crew.length, 0), created: made.reduce((n, e) => n + e.crew.length, 0) });
  tallies.push({ collection: 'entry_devices', total: trackers.length, created: made.reduce((n, e) => n + e.trackers.length, 0) });
  return { organization, event, classes, entries, devices };
}

/**
 * Gives each person the Directus role of their org role (config/access/roles.json names them:
 * "Race director" is race-director), so a demo login sees what that role may see. Only people
 * whose role differs are updated: a second run writes nothing.
 */
async function assignRoles(api: Api, people: (readonly [string, string])[]): Promise<void> {
  const roles = (await api.request(readRoles({ fields: ['id', 'name'], limit: -1 }))) as { id: string; name: string }[];
  const roleId = new Map(roles.map((r) => [orgRoleOf(r.name), r.id]));
  const current = new Map(((await api.request(readUsers({ fields: ['id', 'role'], limit: -1 }))) as { id: string; role: string | null }[]).map((u) => [u.id, u.role]));
  const byRole = new Map<string, string[]>();
  for (const [user, orgRole] of people) {
    const role = roleId.get(orgRole as OrgRole);
    if (!role) throw new Error(`seed: no Directus role for org role "${orgRole}"; config/access/roles.json must have one (boot applies it)`);
    if (current.get(user) !== role) byRole.set(role, [...(byRole.get(role) ?? []), user]);
  }
  for (const [role, users] of byRole) await api.request(updateUsers(users, { role }));
}
