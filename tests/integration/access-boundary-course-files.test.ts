// The course-files routes across the club boundary: every person of club A (and an anonymous
// caller) tries to read, export and import into club B's stage and event, and to send A's import
// into B's segment. A leak is any accepted write, any B id or marker in an answer, or a server
// error; afterwards B's course is exactly as it was (checked in SQL).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signIn } from '../support/api.ts';
import { Ledger, call, secretsOf, tokenOf } from '../support/boundary.ts';
import { type Club, ORG_ROLES, makeClub } from '../support/clubs.ts';
import { recceGpx } from '../support/course-files.ts';
import { withPg } from '../support/stack.ts';

let a: Club;
let b: Club;
const ledger = new Ledger();

const bCourse = () => withPg('directus', async (c) => JSON.stringify([
  (await c.query('SELECT id, name, type, ST_AsText(route) FROM segments WHERE stage_id = $1 ORDER BY id', [b.ids.stages])).rows,
  (await c.query('SELECT w.id, w.kind, w.tolerance_meters FROM waypoints w JOIN segments g ON g.id = w.segment_id WHERE g.stage_id = $1 ORDER BY w.id', [b.ids.stages])).rows,
  (await c.query('SELECT z.id, z.speed_limit_kmh FROM speed_limit_zones z JOIN segments g ON g.id = z.segment_id WHERE g.stage_id = $1 ORDER BY z.id', [b.ids.stages])).rows,
]));

beforeAll(async () => {
  const admin = await signIn();
  [a, b] = [await makeClub(admin, 'FilesA', false), await makeClub(admin, 'FilesB', false)];
}, 180_000);

afterAll(() => {
  console.log(ledger.summary('course-files'));
});

it('lets nobody of club A read, export or change club B\'s course through the course-files routes', async () => {
  const before = await bCourse();
  const secrets = secretsOf(b, new Set());
  const file = { name: 'recce.gpx', text: recceGpx(300) };
  const reads: string[] = [
    `/race-control/stages/${b.ids.stages}/course-files`,
    ...['openrally', 'gpx', 'kml', 'geojson'].map((f) => `/race-control/stages/${b.ids.stages}/course-files/export?format=${f}`),
    ...['openrally', 'geojson'].map((f) => `/race-control/events/${b.ids.events}/course-files/export?format=${f}`),
  ];
  const writes: [string, unknown][] = [
    [`/race-control/stages/${b.ids.stages}/course-files/import`, { file, mode: 'add' }],
    [`/race-control/stages/${b.ids.stages}/course-files/import`, { file, mode: 'replace' }],
    // A's own stage, but the route sent into B's segment, or B's segment as the home of the waypoints.
    [`/race-control/stages/${a.ids.stages}/course-files/import`, { file, mode: 'replace', segments: [b.ids.segments] }],
    [`/race-control/stages/${a.ids.stages}/course-files/import`, { file: { name: 'points.geojson', text: JSON.stringify({ type: 'Point', coordinates: [19.9, 42.05] }) }, waypoint_segment: b.ids.segments }],
  ];
  const callers: [string, string | null][] = [['anonymous', null]];
  for (const role of ORG_ROLES) callers.push([role, await tokenOf(a.people[role].email, a.people[role].password)]);
  for (const [who, token] of callers) {
    for (const path of reads) ledger.read(who, `GET ${path}`, await call(token, 'GET', path), secrets);
    for (const [path, body] of writes) {
      const res = await call(token, 'POST', path, body);
      ledger.write(who, `POST ${path} ${JSON.stringify(body).slice(0, 120)}`, res);
      ledger.read(who, `POST ${path} (answer)`, res, secrets);
    }
  }
  console.log(ledger.leaks.join('\n'));
  expect(ledger.leaks).toEqual([]);
  expect(await bCourse()).toBe(before);
});
