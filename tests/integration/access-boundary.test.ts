// Permission boundary: two clubs with a person of every org role each. Every person of club A
// (one of them, A's timekeeper, also rides in B) and an anonymous caller try
// every collection of club B through REST and GraphQL: reads by id, lists, filters across
// relations, expanded relations, aggregates, search, exports; updates, deletes, creates that link
// to B, and relational writes. A leak is any B id or marker in a successful answer, any count
// above zero, or any write that succeeds. The suite prints its attempts and must find no leak.
import { createItem, readItem } from '@directus/sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Client, signIn } from '../support/api.ts';
import { type Club, ORG_ROLES, imei, makeClub, square } from '../support/clubs.ts';
import { Ledger, call, secretsOf, tokenOf } from '../support/boundary.ts';

let admin: Client;
let a: Club;
let b: Club;
let dualEntry: string;
const ledger = new Ledger();

beforeAll(async () => {
  admin = await signIn();
  [a, b] = [await makeClub(admin, 'Alpha', true), await makeClub(admin, 'Bravo', true)];
  // A timekeeper of A who also rides in B, on another entry: their staff rights must not reach B.
  const dual = a.people.timekeeper.id;
  await admin.request(createItem('organization_users', { organization_id: b.ids.organizations, user_id: dual, role: 'participant' }));
  const vehicle = await admin.request(createItem('vehicles', { kind: 'moto', make: 'Dual', model: 'Rider' }));
  dualEntry = (await admin.request(createItem('entries', {
    event_id: b.ids.events, race_number: 8, class_id: b.ids.classes, vehicle_id: vehicle.id, status: 'registered', crew: [{ user_id: dual, role: 'rider' }],
  } as never))).id;
}, 120_000);

afterAll(() => {
  console.log(ledger.summary(''));
});

// How each collection reaches its club, for filters across relations.
const ORG_PATH: Record<string, string> = {
  organizations: 'slug', organization_users: 'organization_id.slug', organization_vehicles: 'organization_id.slug', organization_devices: 'organization_id.slug',
  vehicles: 'organizations.organization_id.slug', devices: 'organizations.organization_id.slug', directus_users: 'memberships.organization_id.slug',
  events: 'organization_id.slug', classes: 'event_id.organization_id.slug', entries: 'event_id.organization_id.slug', stages: 'event_id.organization_id.slug',
  geofences: 'event_id.organization_id.slug', penalty_formulas: 'event_id.organization_id.slug', segments: 'stage_id.event_id.organization_id.slug',
  waypoints: 'segment_id.stage_id.event_id.organization_id.slug', speed_limit_zones: 'segment_id.stage_id.event_id.organization_id.slug',
  entry_crew: 'entry_id.event_id.organization_id.slug', entry_devices: 'entry_id.event_id.organization_id.slug',
  entry_segment_starts: 'entry_id.event_id.organization_id.slug', entry_crossings: 'entry_id.event_id.organization_id.slug',
  entry_penalties: 'entry_id.event_id.organization_id.slug', stage_results: 'entry_id.event_id.organization_id.slug',
};
const COLLECTIONS = Object.keys(ORG_PATH);

// A field change per collection (updates) and an item that links into the target club (creates).
const UPDATE: Record<string, Record<string, unknown>> = {
  organizations: { name: 'taken over' }, organization_users: { role: 'org-admin' }, organization_vehicles: { registered_at: '2026-01-01T00:00:00Z' },
  organization_devices: { registered_at: '2026-01-01T00:00:00Z' }, vehicles: { model: 'taken over' }, devices: { notes: 'taken over' },
  directus_users: { phone: '+000', role: null }, events: { notes: 'taken over' }, classes: { name: 'taken over' }, entries: { status: 'withdrawn' },
  stages: { starts_at: '2026-01-01T00:00:00Z' }, geofences: { name: 'taken over' }, penalty_formulas: { penalty: 1 }, segments: { name: 'taken over' },
  waypoints: { tolerance_meters: 5000 }, speed_limit_zones: { speed_limit_kmh: 200 }, entry_crew: { role: 'mechanic' }, entry_devices: { purpose: 'backup' },
  entry_segment_starts: { start_position: 99 }, entry_crossings: { direction: 'exit' }, entry_penalties: { status: 'waived' }, stage_results: { status: 'official' },
};
const CREATE = (t: Club, me: Club): Record<string, Record<string, unknown>> => ({
  organization_users: { organization_id: t.ids.organizations, user_id: me.people.registrar.id, role: 'org-admin' },
  organization_vehicles: { organization_id: t.ids.organizations, vehicle_id: me.ids.vehicles },
  organization_devices: { organization_id: t.ids.organizations, device_id: me.ids.devices },
  events: { organization_id: t.ids.organizations, name: 'planted', slug: `planted-${Date.now()}`, discipline: 'rally', starts_at: '2026-06-06T06:00:00Z', ends_at: '2026-06-07T06:00:00Z' },
  classes: { event_id: t.ids.events, code: 'X-9', name: 'planted', race_number_from: 900, race_number_to: 999 },
  entries: { event_id: t.ids.events, race_number: 9, class_id: t.ids.classes, vehicle_id: me.ids.vehicles, status: 'registered' },
  stages: { event_id: t.ids.events, name: 'planted', sort_order: 9 },
  geofences: { event_id: t.ids.events, name: 'planted', kind: 'checkpoint', area: square(19, 41) },
  penalty_formulas: { event_id: t.ids.events, belongs_to_type: 'event', type: 'speeding', operator: 'fixed', penalty: 1 },
  segments: { stage_id: t.ids.stages, type: 'liaison', name: 'planted', sort_order: 9 },
  waypoints: { segment_id: t.ids.segments, kind: 'WPV', location: { type: 'Point', coordinates: [19, 41] }, tolerance_meters: 50 },
  speed_limit_zones: { segment_id: t.ids.segments, speed_limit_kmh: 30, area: square(19, 41) },
  entry_crew: { entry_id: t.ids.entries, user_id: me.people.participant.id, role: 'mechanic' },
  entry_devices: { entry_id: t.ids.entries, device_id: me.ids.devices, purpose: 'backup' },
  entry_segment_starts: { entry_id: t.ids.entries, segment_id: t.ids.segments, start_position: 9 },
  entry_crossings: { entry_id: t.ids.entries, geofence_id: t.ids.geofences, ts: new Date().toISOString(), direction: 'enter' },
  entry_penalties: { entry_id: t.ids.entries, type: 'speeding', seconds: 1 },
  stage_results: { entry_id: t.ids.entries, stage_id: t.ids.stages, raw_seconds: 1 },
  // Links from the attacker's own items to the target's: one's own entry, another club's tracker.
  'entry_devices (own entry)': { entry_id: me.ids.entries, device_id: t.ids.devices, purpose: 'backup' },
  'entry_crew (own entry)': { entry_id: me.ids.entries, user_id: t.people.marshal.id, role: 'mechanic' },
  'entries (own event)': { event_id: me.ids.events, race_number: 8, class_id: t.ids.classes, vehicle_id: t.ids.vehicles, status: 'registered' },
  // Claiming the target's shared items for one's own club.
  'organization_devices (own club)': { organization_id: me.ids.organizations, device_id: t.ids.devices },
  'organization_vehicles (own club)': { organization_id: me.ids.organizations, vehicle_id: t.ids.vehicles },
  'organization_users (own club)': { organization_id: me.ids.organizations, user_id: t.people.marshal.id, role: 'participant' },
});

const itemsPath = (c: string) => (c === 'directus_users' ? '/users' : `/items/${c}`);
const q = (o: unknown) => encodeURIComponent(JSON.stringify(o));
const nest = (path: string, leaf: unknown) => path.split('.').reduceRight<unknown>((acc, key) => ({ [key]: acc }), leaf);

async function attack(who: string, token: string | null, t: Club, me: Club, allowedReads: Set<string>) {
  const secrets = secretsOf(t, allowedReads);
  // A control: staff read their own club's event, so a refusal above is the rule, not a broken login.
  if (token && who !== 'A participant') {
    const own = await call(token, 'GET', `/items/events/${me.ids.events}`);
    expect(own.text, `${who} cannot read their own event`).toContain(me.ids.events);
  }
  for (const c of COLLECTIONS) {
    const id = t.ids[c]!;
    const path = itemsPath(c);
    if (!allowedReads.has(c)) {
      ledger.read(who, `GET ${c}/:id`, await call(token, 'GET', `${path}/${id}`), secrets);
      ledger.read(who, `list ${c} by id`, await call(token, 'GET', `${path}?filter=${q({ id: { _eq: id } })}&fields=*`), secrets);
      ledger.read(who, `list ${c} across relations`, await call(token, 'GET', `${path}?filter=${q(nest(ORG_PATH[c]!, { _eq: t.slug }))}&fields=id`), secrets);
      ledger.read(who, `aggregate ${c}`, await call(token, 'GET', `${path}?aggregate[count]=*&filter=${q({ id: { _eq: id } })}`), secrets);
      ledger.read(who, `search ${c}`, await call(token, 'GET', `${path}?search=${encodeURIComponent(t.marker)}&fields=*&limit=-1`), secrets);
      ledger.read(who, `export ${c}`, await call(token, 'GET', `${path}?export=csv&limit=-1&fields=*`), secrets);
      ledger.read(who, `expand ${c}`, await call(token, 'GET', `${path}?fields=*.*&limit=-1`), secrets);
      const gql = c === 'directus_users' ? ['/graphql/system', 'users'] : ['/graphql', c];
      ledger.read(who, `graphql ${c}`, await call(token, 'POST', gql[0]!, {
        query: `{ list: ${gql[1]}(filter: { id: { _eq: "${id}" } }) { id } one: ${gql[1]}_by_id(id: "${id}") { id } agg: ${gql[1]}_aggregated(filter: { id: { _eq: "${id}" } }) { count { id } } }`,
      }), secrets);
    }
    ledger.write(who, `update ${c}`, await call(token, 'PATCH', `${path}/${id}`, UPDATE[c]));
    ledger.write(who, `graphql update ${c}`, await call(token, 'POST', c === 'directus_users' ? '/graphql/system' : '/graphql', {
      query: c === 'directus_users'
        ? `mutation { update_users_item(id: "${id}", data: { phone: "+000" }) { id } }`
        : `mutation { update_${c}_item(id: "${id}", data: ${JSON.stringify(UPDATE[c]).replace(/"(\w+)":/g, '$1:')}) { id } }`,
    }));
    ledger.write(who, `delete ${c}`, await call(token, 'DELETE', `${path}/${id}`));
  }
  for (const [c, item] of Object.entries(CREATE(t, me))) {
    ledger.write(who, `create ${c} linked to ${t.slug}`, await call(token, 'POST', `/items/${c.split(' ')[0]}`, item));
  }
  // Deep: one's own organisation, its events filtered down to the target's event by slug.
  ledger.read(who, 'deep into their event through own organisation', await call(token, 'GET',
    `/items/organizations?fields=id,events.id,events.entries.id,members.user_id.phone&deep=${q({ events: { _filter: { slug: { _eq: `${t.slug}-rally` } } } })}`), secrets);
  // Relational writes through one's own entry.
  ledger.write(who, 'attach their tracker through own entry', await call(token, 'PATCH', `/items/entries/${me.ids.entries}`, {
    devices: { create: [{ device_id: t.ids.devices, purpose: 'backup' }], update: [], delete: [] },
  }));
  ledger.write(who, 'a new tracker into their club through own entry', await call(token, 'PATCH', `/items/entries/${me.ids.entries}`, {
    devices: { create: [{ device_id: { imei: imei(), model: 'FMB920', organizations: [{ organization_id: t.ids.organizations }] }, purpose: 'backup' }], update: [], delete: [] },
  }));
  ledger.write(who, 'change a person\'s Directus role', await call(token, 'PATCH', `/users/${me.people.participant.id}`, { role: null }));
}

// What a rider of B reads of B beyond their own entry: the event and its course.
const RIDER_VISIBLE = new Set(['classes', 'events', 'organizations', 'stages', 'geofences', 'penalty_formulas', 'segments', 'waypoints', 'speed_limit_zones']);

it('lets no person of club A, and no anonymous caller, read or change club B', async () => {
  // Callers run side by side; each one's attempts run in order.
  await Promise.all([
    ...ORG_ROLES.map(async (role) => {
      const p = a.people[role];
      const allowed = role === 'timekeeper' ? RIDER_VISIBLE : new Set<string>();
      await attack(`A ${role}`, await tokenOf(p.email, p.password), b, a, allowed);
    }),
    attack('anonymous', null, b, a, new Set()),
  ]);
  expect(ledger.leaks, ledger.leaks.join('\n')).toEqual([]);
  // ... and the rider in both clubs still reads their own entry in B, through the participant
  // policy their membership there attached to them.
  const tk = a.people.timekeeper;
  expect((await call(await tokenOf(tk.email, tk.password), 'GET', `/items/entries/${dualEntry}?fields=race_number`)).text).toContain('"race_number":8');
  expect(ledger.attempts.length).toBeGreaterThan(1000);
  // Nothing of B vanished, and the entry every caller tried to withdraw is still registered.
  for (const c of COLLECTIONS.filter((c) => c !== 'directus_users')) {
    await expect(admin.request(readItem(c as never, b.ids[c]!)), `${c} of B is gone`).resolves.toBeTruthy();
  }
  const entry = await admin.request(readItem('entries', b.ids.entries!, { fields: ['status'] }));
  expect(entry.status).toBe('registered');
}, 600_000);
