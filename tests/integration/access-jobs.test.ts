// Each org role can do its own job, and no more, through the API as that person: the other half of
// the boundary suite (a policy that refuses everything would pass that one).
import {
  createDirectus, createItem, createUser, deleteItem, deleteItems, readItem, readItems, readMe, readUser, readUsers, rest, updateItem, updateMe, updateUser,
} from '@directus/sdk';
import type { Schema } from '../../extensions/race-control/src/domain/schema.generated.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, expectRefusal, signIn } from '../support/api.ts';
import { type Club, imei, makeClub } from '../support/clubs.ts';
import { baseUrl, stackEnv } from '../support/stack.ts';

let admin: Client;
let club: Club;
const as = async (person: { email: string; password: string }) => signIn(person.email, person.password);
const demo = (email: string) => ({ email, password: stackEnv().DEMO_PASSWORD });

/** Awaits a request that Directus must refuse for lack of permission (403). */
async function expectForbidden(request: Promise<unknown>): Promise<void> {
  const error = await request.then(() => null, (e: { response?: Response }) => e);
  expect(error, 'the request was allowed but should have been forbidden').not.toBeNull();
  expect(error!.response?.status).toBe(403);
}

beforeAll(async () => {
  admin = await signIn();
  club = await makeClub(admin, 'Jobs', true);
}, 120_000);

describe('org admin', () => {
  it('adds a class to their event and makes a member a marshal, who can then act as one', async () => {
    const api = await as(club.people['org-admin']);
    const cls = await api.request(createItem('classes', { event_id: club.ids.events!, code: 'Q-1', name: 'Quads', race_number_from: 100, race_number_to: 149 }));
    expect(cls.id).toBeTruthy();

    const rider = club.people.participant;
    const crossing = { entry_id: club.ids.entries!, geofence_id: club.ids.geofences!, ts: new Date().toISOString(), direction: 'exit' as const };
    await expectForbidden((await as(rider)).request(createItem('entry_crossings', crossing)));
    // One role per person and club: promoting a member changes their membership.
    await api.request(updateItem('organization_users', club.ids.organization_users!, { role: 'marshal' }));
    const made = await (await as(rider)).request(createItem('entry_crossings', crossing));
    expect(made.id).toBeTruthy();
    await api.request(updateItem('organization_users', club.ids.organization_users!, { role: 'participant' }));
    await expectForbidden((await as(rider)).request(createItem('entry_crossings', crossing)));
  });

  it('cannot give anybody a Directus role', async () => {
    await expectForbidden((await as(club.people['org-admin'])).request(updateUser(club.people.viewer.id, { role: null })));
  });
});

describe('race director', () => {
  it('draws a waypoint and changes a speed limit, but does not touch entries', async () => {
    const api = await as(club.people['race-director']);
    const wp = await api.request(createItem('waypoints', {
      segment_id: club.ids.segments!, kind: 'WPV', sort_order: 2, location: { type: 'Point', coordinates: [19.86, 41.36] }, tolerance_meters: 200,
    }));
    expect(wp.id).toBeTruthy();
    await api.request(updateItem('speed_limit_zones', club.ids.speed_limit_zones!, { speed_limit_kmh: 30 }));
    await expectForbidden(api.request(updateItem('entries', club.ids.entries!, { status: 'withdrawn' })));
  });
});

describe('registrar', () => {
  it('registers a new person with a vehicle and a tracker in one entry', async () => {
    const api = await as(club.people.registrar);
    // Each new item joins the club in the same request: alone, it is nobody's and the registrar
    // could not see it again.
    const inClub = [{ organization_id: club.ids.organizations! }];
    const person = await api.request(createUser({
      email: `new.rider.${club.slug}@example.org`, first_name: 'New', last_name: 'Rider', memberships: [{ ...inClub[0], role: 'participant' }],
    } as never));
    expect((await admin.request(readUser(person.id, { fields: ['role'] }))).role, 'a new person gets the participant role').toBeTruthy();
    const vehicle = await api.request(createItem('vehicles', { kind: 'moto', make: 'Husqvarna', model: 'FE 450', organizations: inClub } as never));
    const device = await api.request(createItem('devices', { imei: imei(), model: 'FMB920', organizations: inClub } as never));
    const entry = await api.request(createItem('entries', {
      event_id: club.ids.events!, race_number: 12, class_id: club.ids.classes!, vehicle_id: vehicle.id, status: 'registered',
      crew: [{ user_id: person.id, role: 'rider' }], devices: [{ device_id: device.id, purpose: 'primary' }],
    } as never));
    expect(entry.id).toBeTruthy();
  });

  it('cannot make anybody staff', async () => {
    const api = await as(club.people.registrar);
    await expectRefusal(api.request(createItem('organization_users', { organization_id: club.ids.organizations!, user_id: club.people.viewer.id, role: 'org-admin' })), /role/);
  });

  it('reaches every entry and tracker of a club with more than a hundred (Rally Albania 2026)', async () => {
    const api = await as(demo('registrar@msc-albania.example.org'));
    const entries = await api.request(readItems('entries', { fields: ['id', 'race_number'], sort: ['-id'], limit: -1 }));
    expect(entries.length).toBeGreaterThan(100);
    const links = await api.request(readItems('organization_devices', { fields: ['device_id'], limit: -1 }));
    expect(links.length).toBeGreaterThan(100);
    // The last entry and tracker by id lie beyond the first hundred of any list Directus builds.
    const spare = await api.request(createItem('devices', { imei: imei(), model: 'FMB920', organizations: [{ organization_id: await msc(api) }] } as never));
    const fitted = await api.request(createItem('entry_devices', { entry_id: entries[0]!.id, device_id: spare.id, purpose: 'backup' }));
    await api.request(deleteItem('entry_devices', fitted.id));
    await admin.request(deleteItems('organization_devices', { filter: { device_id: { _eq: spare.id } } }));
    await admin.request(deleteItem('devices', spare.id));
  });
});

async function msc(api: Client): Promise<string> {
  const [org] = await api.request(readItems('organizations', { filter: { slug: { _eq: 'msc-albania' } }, fields: ['id'] }));
  return org!.id;
}

describe('marshal', () => {
  it('records a manual crossing while the event runs', async () => {
    const made = await (await as(club.people.marshal)).request(createItem('entry_crossings', {
      entry_id: club.ids.entries!, geofence_id: club.ids.geofences!, ts: new Date().toISOString(), direction: 'enter',
    }));
    expect(made.id).toBeTruthy();
  });

  it('cannot record or change crossings of an event that ended (Rally Albania 2026, June)', async () => {
    const api = await as(demo('marshal@msc-albania.example.org'));
    const [entry] = await api.request(readItems('entries', { fields: ['id'], limit: 1 }));
    const [fence] = await api.request(readItems('geofences', { fields: ['id'], limit: 1 }));
    await expectRefusal(api.request(createItem('entry_crossings', { entry_id: entry!.id, geofence_id: fence!.id, ts: '2026-06-07T09:00:00Z' })),
      /^Rally Albania 2026 ended more than a day ago; marshals can no longer record its crossings/);
    const crossing = await admin.request(createItem('entry_crossings', { entry_id: entry!.id, geofence_id: fence!.id, ts: '2026-06-07T09:00:00Z' }));
    await expectForbidden(api.request(updateItem('entry_crossings', crossing.id, { direction: 'exit' })));
    await admin.request(deleteItem('entry_crossings', crossing.id));
  });
});

describe('timekeeper', () => {
  it('moves a stage start, but cannot rename the stage', async () => {
    const api = await as(club.people.timekeeper);
    await api.request(updateItem('stages', club.ids.stages!, { starts_at: new Date(Date.now() + 3_600_000).toISOString() }));
    await expectForbidden(api.request(updateItem('stages', club.ids.stages!, { name: 'Renamed' })));
  });
});

describe('viewer', () => {
  it('reads entries and people by name, never trackers or phone numbers', async () => {
    const api = await as(club.people.viewer);
    const entries = await api.request(readItems('entries', { fields: ['event_id'], limit: -1 }));
    expect(new Set(entries.map((e) => e.event_id))).toEqual(new Set([club.ids.events]));
    await expectForbidden(api.request(readItems('devices', { fields: ['imei'] })));
    // The field is theirs for their own row only: everybody else's reads as empty.
    const people = await api.request(readUsers({ fields: ['id', 'last_name', 'phone'], limit: -1 }));
    expect(people.length).toBeGreaterThanOrEqual(Object.keys(club.people).length);
    expect(people.filter((p) => p.phone !== null && p.phone !== undefined).map((p) => p.id)).toEqual([club.people.viewer.id]);
    await expectForbidden(api.request(updateItem('entries', club.ids.entries!, { status: 'withdrawn' })));
  });
});

describe('participant', () => {
  it('sees their own entry and crew mates by name only, and edits their own phone but not their role', async () => {
    const demoRider = demo('besnik.leka.87@riders.example.org');
    const api = await as(demoRider);
    const entries = (await api.request(readItems('entries', { fields: ['race_number', { crew: ['user_id'] }] as never }))) as unknown as
      { race_number: number; crew: { user_id: string }[] }[];
    expect(entries.map((e) => e.race_number)).toEqual([301]);
    const me = await api.request(readMe({ fields: ['id', 'phone', 'blood_type'] }));
    expect(me.phone).toBeTruthy();
    const mate = entries[0]!.crew.map((c) => c.user_id).find((id) => id !== me.id)!;
    await expect(api.request(readUser(mate, { fields: ['first_name'] }))).resolves.toHaveProperty('first_name');
    for (const field of ['phone', 'birth_date', 'blood_type'] as const) await expectForbidden(api.request(readUser(mate, { fields: [field] })));

    await api.request(updateMe({ phone: me.phone }));
    await expectForbidden(api.request(updateMe({ role: null })));
    await expectForbidden(api.request(readItem('entries', club.ids.entries!)));
  });

  it('is nobody without signing in: the public reads nothing', async () => {
    const anonymous = createDirectus<Schema>(baseUrl()).with(rest());
    for (const collection of ['entries', 'events', 'organizations', 'devices'] as const) {
      await expectForbidden(anonymous.request(readItems(collection, { fields: ['id'] })));
    }
  });
});
