// The seed that the run command loads (scripts/test.sh starts the test stack with it): Rally
// Albania 2026 as domain.md describes it, and a second run that changes nothing.
import { aggregate, readItems } from '@directus/sdk';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GroundTruth } from '../../seed/rally-albania-2026/tracks.ts';
import { type Client, signIn } from '../support/api.ts';
import { ROOT, run, withPg } from '../support/stack.ts';

let api: Client;
beforeAll(async () => {
  api = await signIn();
});

const count = async (collection: string, filter: object = {}) =>
  Number(((await api.request(aggregate(collection as never, { aggregate: { count: '*' }, query: { filter } } as never))) as { count: number | string }[])[0]!.count);

const dbCounts = () =>
  withPg('directus', async (c) => {
    const tables = ['organizations', 'events', 'classes', 'entries', 'entry_crew', 'entry_devices', 'devices', 'vehicles', 'directus_users',
      'organization_users', 'stages', 'segments', 'geofences', 'waypoints', 'speed_limit_zones', 'penalty_formulas', 'entry_segment_starts', 'positions'];
    const out: Record<string, number> = {};
    for (const t of tables) out[t] = Number((await c.query(`SELECT count(*) AS n FROM ${t}`)).rows[0].n);
    return out;
  });

// Other tests create events of their own in the same database: count within the seeded event.
const RALLY = { slug: { _eq: 'rally-albania-2026' } };

describe('Rally Albania 2026 seed', () => {
  it('has the organiser, the event and its 18 classes with ranges and eligibility', async () => {
    const [event] = await api.request(readItems('events', { filter: { slug: { _eq: 'rally-albania-2026' } }, fields: ['id', 'name', 'starts_at', 'ends_at', 'timezone', { organization_id: ['slug'] }] as never }));
    expect(event).toMatchObject({ name: 'Rally Albania 2026', timezone: 'Europe/Tirane', organization_id: { slug: 'msc-albania' } });
    const classes = await api.request(readItems('classes', { filter: { event_id: { _eq: (event as { id: string }).id } }, limit: -1 }));
    expect(classes.map((c) => c.code).sort()).toEqual(['C-1', 'C-2', 'C-3', 'C-A', 'M-1', 'M-2', 'M-3', 'M-4', 'M-5', 'M-6', 'M-7', 'M-8', 'Q-1', 'Q-2', 'Q-3', 'S-1', 'S-2', 'S-3']);
    expect(classes.every((c) => c.race_number_from && c.race_number_to && c.eligibility)).toBe(true);
  });

  it('has at least 120 entries of every kind with crews and 2–3 trackers each', async () => {
    expect(await count('entries', { event_id: RALLY })).toBeGreaterThanOrEqual(120);
    const kinds = await api.request(readItems('vehicles', { groupBy: ['kind'], aggregate: { count: '*' } } as never)) as { kind: string }[];
    expect(kinds.map((k) => k.kind).sort()).toEqual(['car', 'moto', 'quad', 'ssv', 'truck']);
    const [entry] = await api.request(readItems('entries', { filter: { race_number: { _eq: 301 }, event_id: RALLY }, fields: ['race_number', { vehicle_id: ['make', 'model'] }, { class_id: ['code'] }, { crew: ['role'] }, { devices: ['purpose'] }] as never }));
    expect(entry).toMatchObject({ race_number: 301, vehicle_id: { make: 'Toyota', model: 'Land Cruiser 70' }, class_id: { code: 'C-2' } });
  });

  it('has seven stages with segments and a drawn course on stages 1 and 2', async () => {
    expect(await count('stages', { event_id: RALLY })).toBe(7);
    expect(await count('segments', { stage_id: { event_id: RALLY } })).toBe(21);
    expect(await count('segments', { stage_id: { event_id: RALLY }, route: { _nnull: true } })).toBe(6);
    const inCourse = { segment_id: { stage_id: { event_id: RALLY } } };
    const kinds = (await api.request(readItems('waypoints', { filter: inCourse, groupBy: ['kind'], aggregate: { count: '*' } } as never)) as { kind: string }[]).map((w) => w.kind).sort();
    expect(kinds).toEqual(['ASS', 'DSS', 'WPC', 'WPE', 'WPM', 'WPN', 'WPP', 'WPS', 'WPV']);
    const fences = (await api.request(readItems('geofences', { filter: { event_id: RALLY }, groupBy: ['kind'], aggregate: { count: '*' } } as never)) as { kind: string }[]).map((g) => g.kind);
    expect(fences).toEqual(expect.arrayContaining(['start', 'finish', 'time-control', 'passage-control', 'refuel', 'bivouac', 'forbidden']));
    expect(await count('speed_limit_zones', inCourse)).toBeGreaterThanOrEqual(6);
  });

  it('marks every penalty number as a placeholder until the Supplementary Regulations', async () => {
    const formulas = await api.request(readItems('penalty_formulas', { filter: { event_id: RALLY }, limit: -1, fields: ['source'] }));
    expect(formulas.length).toBeGreaterThan(5);
    expect(formulas.every((f) => /^PLACEHOLDER until the Supplementary Regulations/.test(String(f.source)))).toBe(true);
  });

  it('has 1 Hz positions for every tracker on stage 1, with the ground-truth faults in them', async () => {
    const truth = JSON.parse(readFileSync(path.join(ROOT, 'seed/rally-albania-2026/faults.ground-truth.json'), 'utf8')) as GroundTruth;
    await withPg('directus', async (c) => {
      // Other tests (GPS review) load positions of their own clubs' trackers: count the seeded event's.
      const trackers = await c.query(`SELECT count(DISTINCT p.device_id)::int AS n FROM positions p
        WHERE p.device_id IN (SELECT d.imei FROM devices d JOIN entry_devices ed ON ed.device_id = d.id JOIN entries e ON e.id = ed.entry_id
                              JOIN events ev ON ev.id = e.event_id WHERE ev.slug = 'rally-albania-2026')`);
      expect(trackers.rows[0].n).toBe(truth.trackers);
      for (const kind of ['zero-coordinates', 'out-of-range', 'no-fix']) {
        const fault = truth.faults.find((f) => f.kind === kind)!;
        const rows = await c.query('SELECT latitude, longitude, satellites FROM positions WHERE device_id = $1 AND ts BETWEEN $2 AND $3', [fault.device_id, fault.from, fault.to]);
        expect(rows.rows.length, kind).toBeGreaterThanOrEqual(fault.count);
        if (kind === 'zero-coordinates') expect(rows.rows.some((r) => r.latitude === 0 && r.longitude === 0)).toBe(true);
        if (kind === 'out-of-range') expect(rows.rows.some((r) => Math.abs(r.latitude) > 90 || Math.abs(r.longitude) > 180)).toBe(true);
        if (kind === 'no-fix') expect(rows.rows.every((r) => r.satellites === 0)).toBe(true);
      }
    });
  });

  it('changes nothing when run a second time', async () => {
    const before = await dbCounts();
    const again = run('scripts/stack.sh', ['seed']);
    expect(again.status, again.output).toBe(0);
    expect(again.stdout).toMatch(/seed: entries +\d+ \(0 new\)/);
    expect(again.stdout).not.toMatch(/\((?!0 new)\d+ new\)/);
    expect(await dbCounts()).toEqual(before);
  });
});
