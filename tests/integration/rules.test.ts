// Every bad input that issue 3 names is refused over the API with words a registrar or race
// director can act on, and leaves nothing half-written.
import { createItem, createUser, deleteItem, readItem, readItems, updateItem } from '@directus/sdk';
import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../extensions/race-control/src/domain/imei.ts';
import { type Client, expectRefusal, signIn } from '../support/api.ts';

const run = Date.now().toString(36);
const imei = (wrong = false) => {
  const body = `35${String(randomInt(1e12)).padStart(12, '0')}`;
  return body + String((luhnCheckDigit(body) + (wrong ? 1 : 0)) % 10);
};

let api: Client;
// What the tests use of the items they create (the SDK returns query-shaped types).
let event: { id: string; organization_id: unknown };
let m1: { id: string };
let vehicle: { id: string };
let tracker: { id: string; imei: string };
let entry: { id: string };

beforeAll(async () => {
  api = await signIn();
  const org = await api.request(createItem('organizations', { name: `Rules club ${run}`, slug: `rules-${run}` }));
  event = await api.request(createItem('events', {
    organization_id: org.id, name: `Rules rally ${run}`, slug: `rules-rally-${run}`, discipline: 'rally',
    starts_at: '2026-06-06T06:00:00Z', ends_at: '2026-06-13T18:00:00Z',
  }));
  m1 = await api.request(createItem('classes', { event_id: event.id, code: 'M-1', name: 'MOTO under 450cc', race_number_from: 1, race_number_to: 99 }));
  vehicle = await api.request(createItem('vehicles', { kind: 'moto', make: 'KTM', model: '450 Rally' }));
  tracker = await api.request(createItem('devices', { imei: imei(), model: 'FMB920' }));
  entry = await api.request(createItem('entries', {
    event_id: event.id, race_number: 7, class_id: m1.id, vehicle_id: vehicle.id, status: 'registered',
    devices: [{ device_id: tracker.id, purpose: 'primary' }],
  } as never));
});

const entriesNumbered = (n: number) =>
  api.request(readItems('entries', { filter: { event_id: { _eq: event.id }, race_number: { _eq: n } }, fields: ['id'] }));

describe('registration refusals', () => {
  it('a race number already taken in the event', async () => {
    await expectRefusal(api.request(createItem('entries', { event_id: event.id, race_number: 7, class_id: m1.id })), /^This race number is already taken in this event$/);
    expect(await entriesNumbered(7)).toHaveLength(1);
  });

  it('an IMEI that is already registered', async () => {
    await expectRefusal(api.request(createItem('devices', { imei: tracker.imei, model: 'FMB920' })), new RegExp(`^A tracker with IMEI ${tracker.imei} is already registered$`));
  });

  it('an IMEI with a wrong check digit, on create and on update', async () => {
    const bad = imei(true);
    await expectRefusal(api.request(createItem('devices', { imei: bad, model: 'FMB920' })), /wrong check digit \(last digit should be \d\)/);
    expect(await api.request(readItems('devices', { filter: { imei: { _eq: bad } } }))).toHaveLength(0);
    await expectRefusal(api.request(updateItem('devices', tracker.id, { imei: bad })), /wrong check digit/);
  });

  it('one tracker on two entries of the same event, leaving no entry, crew or tracker row behind', async () => {
    const rider = await api.request(createUser({ email: `rider-${run}@example.com`, first_name: 'Ana', last_name: 'Rider' }));
    await expectRefusal(
      api.request(createItem('entries', {
        event_id: event.id, race_number: 8, class_id: m1.id, status: 'draft',
        crew: [{ user_id: rider.id, role: 'rider' }],
        devices: [{ device_id: tracker.id, purpose: 'primary' }],
      } as never)),
      new RegExp(`^Tracker ${tracker.imei} is already on entry #7 of this event; take it off that entry first$`),
    );
    expect(await entriesNumbered(8)).toHaveLength(0);
    expect(await api.request(readItems('entry_crew', { filter: { user_id: { _eq: rider.id } } }))).toHaveLength(0);
  });

  it('an event that ends before it starts', async () => {
    await expectRefusal(
      api.request(createItem('events', { organization_id: event.organization_id as string, name: 'Backwards', slug: `backwards-${run}`, discipline: 'rally', starts_at: '2026-06-13T00:00:00Z', ends_at: '2026-06-06T00:00:00Z' })),
      /^An event must end after it starts$/,
    );
    expect(await api.request(readItems('events', { filter: { slug: { _eq: `backwards-${run}` } } }))).toHaveLength(0);
  });

  it('deleting a vehicle that is on an entry', async () => {
    await expectRefusal(api.request(deleteItem('vehicles', vehicle.id)), /^This vehicle cannot be deleted: it is still used by entries \(1\)\. Remove those links first/);
    expect(await api.request(readItem('vehicles', vehicle.id))).toMatchObject({ id: vehicle.id });
  });

  it('a race number outside its class range', async () => {
    await expectRefusal(api.request(createItem('entries', { event_id: event.id, race_number: 150, class_id: m1.id })), /^Race number 150 is outside the range of class M-1 \(1 to 99\)$/);
    expect(await entriesNumbered(150)).toHaveLength(0);
    await expectRefusal(api.request(updateItem('entries', entry.id, { race_number: 120 })), /outside the range of class M-1/);
  });

  it('narrowing a class range that would strand an entry', async () => {
    await expectRefusal(api.request(updateItem('classes', m1.id, { race_number_to: 5 })), /^Class M-1 still has entry #7 outside the new range/);
  });
});

describe('course refusals', () => {
  it('a geofence whose outline crosses itself', async () => {
    const bowTie = { type: 'Polygon' as const, coordinates: [[[19.5, 41.5], [19.6, 41.6], [19.6, 41.5], [19.5, 41.6], [19.5, 41.5]]] as [number, number][][] };
    await expectRefusal(api.request(createItem('geofences', { event_id: event.id, name: 'Bow tie', kind: 'checkpoint', area: bowTie })), /outline crosses itself/);
  });

  it('a waypoint without a clear radius, a speed limit of zero', async () => {
    const stage = await api.request(createItem('stages', { event_id: event.id, name: 'Stage 1' }));
    const segment = await api.request(createItem('segments', { stage_id: stage.id, name: 'SS1', type: 'special-stage' }));
    const point = { type: 'Point' as const, coordinates: [19.9, 42.1] as [number, number] };
    await expectRefusal(api.request(createItem('waypoints', { segment_id: segment.id, kind: 'WPM', location: point, tolerance_meters: 0 })), /clear radius must be more than 0 m/);
    await expectRefusal(api.request(createItem('waypoints', { segment_id: segment.id, kind: 'WPM', location: point, tolerance_meters: 200, open_radius_meters: 90 })), /open radius must be at least its clear radius/);
    const square = { type: 'Polygon' as const, coordinates: [[[19.5, 41.5], [19.6, 41.5], [19.6, 41.6], [19.5, 41.6], [19.5, 41.5]]] as [number, number][][] };
    await expectRefusal(api.request(createItem('speed_limit_zones', { segment_id: segment.id, name: 'Village', area: square, speed_limit_kmh: 0 })), /speed limit must be more than 0 km\/h/);
  });
});
