// Course files on the real stack: a recce file of a real-world shape imported by a club's race
// director and read back in SQL; stage 1 of the seed exported as OpenRally GPX and imported into an
// empty stage gives the same course; every bad file is refused in words with nothing written.
import { createItem } from '@directus/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Client } from '../support/api.ts';
import { call, tokenOf } from '../support/boundary.ts';
import { makeClub, type Club } from '../support/clubs.ts';
import { recceGpx } from '../support/course-files.ts';
import { stackEnv, withPg } from '../support/stack.ts';

let admin: Client;
let club: Club;
let director: string;

const emptyStage = async (name: string) =>
  ((await admin.request(createItem('stages', { event_id: club.ids.events, name: `${club.marker} ${name}`, sort_order: 9, status: 'draft' } as never))) as unknown as { id: string }).id;

const importFile = (stage: string, name: string, text: string, extra: Record<string, unknown> = {}) =>
  call(director, 'POST', `/race-control/stages/${stage}/course-files/import`, { file: { name, text }, mode: 'add', ...extra });

/** The stage's course as the database holds it, in a comparable shape. */
const courseOf = (stage: string) => withPg('directus', async (c) => ({
  segments: (await c.query(`SELECT name, type, target_duration_seconds, ST_AsGeoJSON(route, 9)::json -> 'coordinates' AS route FROM segments WHERE stage_id = $1 ORDER BY sort_order`, [stage])).rows,
  waypoints: (await c.query(`SELECT w.kind, w.name, w.tolerance_meters, w.open_radius_meters, w.roadbook_km, w.show_coordinates, ST_AsGeoJSON(w.location, 9)::json -> 'coordinates' AS location
    FROM waypoints w JOIN segments g ON g.id = w.segment_id WHERE g.stage_id = $1 ORDER BY g.sort_order, w.sort_order`, [stage])).rows,
  zones: (await c.query(`SELECT z.name, z.speed_limit_kmh, ST_IsValid(z.area) AS valid, ST_AsGeoJSON(z.area, 9)::json -> 'coordinates' AS area
    FROM speed_limit_zones z JOIN segments g ON g.id = z.segment_id WHERE g.stage_id = $1 ORDER BY g.sort_order, z.name`, [stage])).rows,
}));

const rowCounts = (stage: string) => withPg('directus', async (c) => (await c.query(`SELECT
  (SELECT count(*) FROM segments WHERE stage_id = $1)::int AS segments,
  (SELECT count(*) FROM waypoints w JOIN segments g ON g.id = w.segment_id WHERE g.stage_id = $1)::int AS waypoints,
  (SELECT count(*) FROM speed_limit_zones z JOIN segments g ON g.id = z.segment_id WHERE g.stage_id = $1)::int AS zones`, [stage])).rows[0]);

/** Every number of `a` within 1e-7 of `b`'s (coordinates), every other value equal. */
function expectClose(a: unknown, b: unknown, path = ''): void {
  if (typeof a === 'number' && typeof b === 'number') { expect(Math.abs(a - b), path).toBeLessThanOrEqual(1e-7 + 1e-12); return; }
  if (Array.isArray(a) && Array.isArray(b)) { expect(a.length, path).toBe(b.length); a.forEach((x, i) => expectClose(x, b[i], `${path}[${i}]`)); return; }
  if (a && b && typeof a === 'object' && typeof b === 'object') { expect(Object.keys(a).sort(), path).toEqual(Object.keys(b).sort()); for (const k of Object.keys(a)) expectClose((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`); return; }
  expect(a, path).toEqual(b);
}

beforeAll(async () => {
  admin = await signIn();
  club = await makeClub(admin, 'Files', false);
  director = await tokenOf(club.people['race-director'].email, club.people['race-director'].password);
}, 180_000);

describe('import', () => {
  it('writes a recce file of a real-world shape: a long track, kinds with radii, a DZ/FZ pair, a neutralization', async () => {
    const stage = await emptyStage('recce');
    const res = await importFile(stage, 'recce-ss3.gpx', recceGpx(5000));
    expect(res.status, res.text).toBe(200);
    const answer = JSON.parse(res.text).data;
    expect(answer.summary).toMatch(/^adds 2 routes, 9 waypoints, 1 speed zone; skips 2 roadbook boxes with no waypoint kind; drops [\d,]+ vertices within 1 m/);
    // The course editor's checks ran on the stage as written (errors there block publishing, not the import).
    expect(answer.problems).toEqual(expect.any(Array));
    console.log('course checks on the recce import:', answer.problems.map((p: { message: string }) => p.message));
    const course = await courseOf(stage);
    expect(course.segments.map((g) => [g.name, g.type, g.target_duration_seconds])).toEqual([
      ['SS3 Pukë – Kukës', 'special-stage', null],
      ['Neutralization Fushë-Arrëz', 'neutralization', 600],
    ]);
    expect(course.segments[0].route.length).toBeGreaterThan(500);
    expect(course.waypoints.map((w) => [w.kind, w.tolerance_meters, w.open_radius_meters])).toEqual([
      ['DSS', 200, null], ['WPM', 90, 800], ['WPV', 200, null], ['WPS', 30, 1000], ['WPE', 90, 1000],
      ['WPC', 300, null], ['WPN', 200, 800], ['WPP', 30, 300], ['ASS', 200, 1000],
    ]);
    expect(course.waypoints.find((w) => w.kind === 'WPS')).toMatchObject({ name: 'WPS 4', tolerance_meters: 30, open_radius_meters: 1000 });
    expect(course.zones).toEqual([expect.objectContaining({ name: 'DZ Qerret', speed_limit_kmh: 50, valid: true })]);
  });

  it('replaces the stage\'s objects in replace mode: the route of the picked segment, its waypoints and zones', async () => {
    const stage = await emptyStage('replace');
    expect((await importFile(stage, 'first.gpx', recceGpx(800))).status).toBe(200);
    const before = await rowCounts(stage);
    const segments = JSON.parse((await call(director, 'GET', `/race-control/stages/${stage}/course-files`)).text).data.segments;
    const res = await importFile(stage, 'again.gpx', recceGpx(800), { mode: 'replace', segments: [segments[0].id, segments[1].id] });
    expect(res.status, res.text).toBe(200);
    expect(JSON.parse(res.text).data.summary).toMatch(/replaces the route of SS3 Pukë – Kukës, the route of Neutralization Fushë-Arrëz, 9 waypoints, 1 speed zone/);
    expect(await rowCounts(stage)).toEqual(before);
  });
});

describe('export → import', () => {
  it('stage 1 of the seed as OpenRally GPX, imported into an empty stage, is the same course', async () => {
    const seeded = await tokenOf('race.director@msc-albania.example.org', stackEnv().DEMO_PASSWORD);
    const stage1 = await withPg('directus', async (c) => (await c.query(`SELECT s.id FROM stages s JOIN events e ON e.id = s.event_id WHERE e.slug = 'rally-albania-2026' AND s.sort_order = 1`)).rows[0].id as string);
    const file = await call(seeded, 'GET', `/race-control/stages/${stage1}/course-files/export?format=openrally`);
    expect(file.status, file.text).toBe(200);
    expect(file.text).toMatch(/xmlns:openrally="http:\/\/www.openrally.org\/xmlschemas\/GpxExtensions\/v1.0.3"/);
    const stage = await emptyStage('copy of stage 1');
    const res = await importFile(stage, 'stage-1.openrally.gpx', file.text);
    expect(res.status, res.text).toBe(200);
    expect(JSON.parse(res.text).data.notes.filter((n: { level: string }) => n.level === 'warning')).toEqual([]);
    expectClose(await courseOf(stage), await courseOf(stage1));
  });

  it('exports GeoJSON, KML and plain GPX, and the whole event', async () => {
    const seeded = await tokenOf('race.director@msc-albania.example.org', stackEnv().DEMO_PASSWORD);
    const event = await withPg('directus', async (c) => (await c.query(`SELECT id FROM events WHERE slug = 'rally-albania-2026'`)).rows[0].id as string);
    for (const format of ['geojson', 'kml', 'gpx', 'openrally']) {
      const res = await call(seeded, 'GET', `/race-control/events/${event}/course-files/export?format=${format}`);
      expect(res.status, `${format}: ${res.text.slice(0, 200)}`).toBe(200);
      expect(res.text).toMatch(/Stage 2 Kukës – Peshkopi: /);
    }
    expect((await call(seeded, 'GET', `/race-control/events/${event}/course-files/export?format=shapefile`)).text).toMatch(/openrally, gpx, kml, geojson/);
  });
});

describe('refusals: each bad file is refused in words and nothing is written', () => {
  const bad: [string, string, RegExp][] = [
    ['empty.gpx', '', /"empty.gpx" is empty/],
    ['notes.txt', 'Day 1: Shkodër to Kukës, 380 km', /"notes.txt" is not a GPX, KML or GeoJSON file \(neither XML nor JSON\)/],
    ['broken.gpx', '<gpx><trk><trkseg></gpx>', /the XML is broken/],
    ['blank.gpx', '<gpx xmlns="http://www.topografix.com/GPX/1/1"><metadata><name>SS1</name></metadata></gpx>', /holds no track, route, waypoint or zone with coordinates/],
    ['swapped.gpx', '<gpx><wpt lat="191.5" lon="42.1"><name>WPM 3</name></wpt></gpx>', /Waypoint "WPM 3" has latitude 191.5, longitude 42.1/],
    ['bowtie.geojson', JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { name: 'SS' }, geometry: { type: 'LineString', coordinates: [[19.9, 42.05], [19.95, 42.05]] } },
      { type: 'Feature', properties: { name: 'Village', speed_limit_kmh: 30 }, geometry: { type: 'Polygon', coordinates: [[[19.9, 42.05], [19.91, 42.06], [19.91, 42.05], [19.9, 42.06], [19.9, 42.05]]] } },
    ] }), /Speed zone "Village" crosses itself/],
    // Hostile files (domain/course-files/hostile.test.ts has the rest): refused before any write.
    ['lolz.gpx', '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><gpx><wpt lat="42" lon="19"><name>&lol2;</name></wpt></gpx>', /declares entities \(DOCTYPE\)/],
    ['deep.gpx', `<gpx>${'<extensions>'.repeat(3000)}${'</extensions>'.repeat(3000)}<wpt lat="42" lon="19"><name>WPV 1</name></wpt></gpx>`, /nested more than 100 deep/],
    ['blank.geojson', ' \r\n\t ', /"blank.geojson" is empty/],
  ];

  it.each(bad)('%s', async (name, text, words) => {
    const stage = await emptyStage(`bad ${name}`);
    const res = await importFile(stage, name, text);
    expect(res.status, res.text).toBe(400);
    expect(JSON.parse(res.text).errors[0].message).toMatch(words);
    expect(await rowCounts(stage)).toEqual({ segments: 0, waypoints: 0, zones: 0 });
  });

  it('a file over the size limit is refused, stating the limit', async () => {
    const stage = await emptyStage('too big');
    // Directus itself stops bodies over its payload limit before our route: the answer still says why.
    const res = await importFile(stage, 'huge.gpx', `<gpx>${' '.repeat(31 * 1024 * 1024)}</gpx>`);
    expect([400, 413]).toContain(res.status);
    expect(res.text).toMatch(/limit|too large/i);
    expect(await rowCounts(stage)).toEqual({ segments: 0, waypoints: 0, zones: 0 });
  });

  it('all or nothing: a zone the database refuses, after its route and waypoints were written, leaves nothing', async () => {
    const stage = await emptyStage('rollback');
    // A ring that touches itself at one corner: no edge crosses another, but PostGIS calls it invalid.
    const figure8 = [[19.9, 42.05], [19.92, 42.05], [19.91, 42.06], [19.92, 42.07], [19.9, 42.07], [19.91, 42.06], [19.9, 42.05]];
    const res = await importFile(stage, 'figure8.geojson', JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { name: 'SS', type: 'special-stage' }, geometry: { type: 'LineString', coordinates: [[19.9, 42.05], [19.95, 42.05]] } },
      { type: 'Feature', properties: { name: 'WPM 1', kind: 'WPM', segment: 0 }, geometry: { type: 'Point', coordinates: [19.92, 42.05] } },
      { type: 'Feature', properties: { name: 'Village', speed_limit_kmh: 30, segment: 0 }, geometry: { type: 'Polygon', coordinates: [figure8] } },
    ] }));
    expect(res.status, res.text).toBe(400);
    expect(await rowCounts(stage)).toEqual({ segments: 0, waypoints: 0, zones: 0 });
  });
});
